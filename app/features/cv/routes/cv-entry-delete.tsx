import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/cv-entry-delete";
import { PageTitle } from "~/components/layout/PageTitle";
import { EntrySummary } from "~/features/cv/components";
import { ownEntry, sectionOf } from "~/features/cv/section.server";
import { sections } from "~/features/cv/sections";
import { requireParticipant } from "~/lib/auth.server";

/**
 * "Vil du slette ...?" as a page, for when JavaScript is off (with it, a dialog asks the same).
 * The answer posts to the section page, which checks ownership again.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const section = sectionOf(params);
  return { slug: section.slug, entry: await ownEntry(user.participant.id, section, params.entryId) };
}

export default function CvEntryDeletePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("cv");
  const section = sections[loaderData.slug];
  const { entry } = loaderData;
  const back = `/cv/${section.slug}`;
  return (
    <>
      <PageTitle title={t("delete.pageTitle")} />
      <h1 tabIndex={-1}>{t("delete.title", { title: entry.title })}</h1>
      <p className="cv-entry__text">
        <EntrySummary entry={entry} section={section} />
      </p>
      <p>{t("delete.text")}</p>
      <Form method="post" action={back} className="button-group">
        <input type="hidden" name="entryId" value={entry.id} />
        <button type="submit" name="intent" value="delete" className="button cv-button--danger">
          {t("delete.confirm")}
        </button>
        <Link to={back} className="button button--secondary">
          {t("delete.keep")}
        </Link>
      </Form>
    </>
  );
}
