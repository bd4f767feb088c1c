import { useTranslation } from "~/lib/i18n/react";
import type { Route } from "./+types/relatives-shared-cv";
import { PageTitle } from "~/components/layout/PageTitle";
import { CvDocumentView, toDocument } from "~/features/cv";
import { getCv } from "~/features/cv/index.server";
import { openSharedView } from "~/features/relatives/access.server";
import { usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";

/**
 * The participant's CV, read-only, for a relative with the "cv" scope: the same document as the
 * participant's own preview (`toDocument`), so contact details the participant has hidden and
 * skånehensyn not chosen for the CV never reach the relative's browser.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { participantId, viewed } = await openSharedView(request, params.participantId, "cv", "cv", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const doc = toDocument(await getCv(participantId));
  await viewed();
  return { firstName: person.firstName, doc };
}

export default function SharedCvPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const owner = usePossessive();
  const { firstName, doc } = loaderData;
  return (
    <>
      <PageTitle title={t("shared.cvTitle", { owner: owner(firstName) })} />
      <p className="lead">{t("shared.cvIntro", { name: firstName, owner: owner(firstName) })}</p>
      <CvDocumentView doc={doc} />
    </>
  );
}
