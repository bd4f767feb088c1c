import { useTranslation } from "~/lib/i18n/react";
import type { Route } from "./+types/relatives-helping";
import { PageTitle } from "~/components/layout/PageTitle";
import { HelpingList } from "~/features/relatives/components";
import { listHelped } from "~/features/relatives/queries.server";
import { requireUser } from "~/lib/auth.server";
import { recordHelpedListViewed } from "../commands.server";
import { requestIdOf } from "~/lib/request.server";

/** "Du hjælper": whose planning the signed-in person may see, and until when. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(context);
  const url = new URL(request.url);
  const helped = await listHelped(user.personId);
  // A view in each helped person's log (page "list"). The loader runs for the page and for its .data alike.
  await recordHelpedListViewed(
    user.personId,
    helped.map((person) => person.participantId),
    requestIdOf(context),
  );
  return {
    helped,
    ended: url.searchParams.get("stoppet"),
    // Just accepted an invitation: it waits for the participant's confirmation.
    awaiting: url.searchParams.get("afventer") === "1",
  };
}

export default function HelpingPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const { helped, ended, awaiting } = loaderData;
  return (
    <>
      <PageTitle title={t("helping.title")} />
      {ended ? (
        <div className="notice" role="status">
          <p>{t("end.done", { name: ended })}</p>
        </div>
      ) : null}
      {awaiting ? (
        <div className="notice" role="status">
          <p>{t("helping.awaiting")}</p>
          <p>{t("helping.awaitingNext")}</p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{t("helping.title")}</h1>
      {helped.length === 0 ? (
        <p className="lead">{t("helping.none")}</p>
      ) : (
        <>
          <p className="lead">{t("helping.intro")}</p>
          <HelpingList helped={helped} />
        </>
      )}
    </>
  );
}
