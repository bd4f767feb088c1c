import { Form, redirect } from "react-router";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/preparation-withdraw";
import { PageTitle } from "~/components/layout/PageTitle";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { withdrawPart } from "../commands.server";
import { writablePart } from "../part.server";
import { CHECK_SLUG } from "../parts";
import { getPart } from "../queries.server";
import { withdrawSchema } from "../schema";
import { usePreparationText } from "../setting";

/** The confirmation page for "Træk tilbage": it asks before the part is no longer shared. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const part = writablePart(params.part);
  const state = await getPart(user.participant.id, part.key);
  return { key: part.key, slug: part.slug, shared: state.share.kind !== "not_shared" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const part = writablePart(params.part);
  const confirmed = withdrawSchema.safeParse(Object.fromEntries(await request.formData())).success;
  if (!confirmed) return redirect(`/forberedelse/${CHECK_SLUG}`);
  await withdrawPart(participantActor(context, user), part.key);
  return redirect(`/forberedelse/${CHECK_SLUG}?trukket=${part.slug}`);
}

export default function PreparationWithdrawPage({ loaderData }: Route.ComponentProps) {
  const { t } = usePreparationText();
  const partTitle = t(`parts.${loaderData.key}.title`);
  const title = t("withdraw.title", { part: partTitle });
  return (
    <>
      <PageTitle title={title} />
      <p className="back-link">
        <Link to={`/forberedelse/${CHECK_SLUG}`}>{t("withdraw.cancel")}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {loaderData.shared ? (
        <>
          <p>{t("withdraw.text")}</p>
          <Form method="post" className="button-group">
            <button type="submit" name="confirm" value="yes" className="button">
              {t("withdraw.confirm")}
            </button>
            <Link to={`/forberedelse/${CHECK_SLUG}`} className="button button--secondary">
              {t("withdraw.cancel")}
            </Link>
          </Form>
        </>
      ) : (
        <>
          <p>{t("withdraw.notShared")}</p>
          <p>
            <Link to={`/forberedelse/${CHECK_SLUG}`}>{t("check.title")}</Link>
          </p>
        </>
      )}
    </>
  );
}
