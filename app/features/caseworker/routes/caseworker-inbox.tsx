import type { Route } from "./+types/caseworker-inbox";
import { requireCaseworker } from "../access.server";
import { recordInboxViewed } from "../commands.server";
import { InboxPage } from "../InboxPage";
import { promisedAnswerWorkdays, inboxOf } from "../messages.server";
import caseworkerStylesheet from "../caseworker.css?url";
import stylesheet from "../messages.css?url";
import { requestIdOf } from "~/lib/request.server";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: caseworkerStylesheet },
  { rel: "stylesheet", href: stylesheet },
];

/**
 * `/sagsbehandler/beskeder`: her participants' conversations, those waiting for her answer first.
 * The subjects are the participants' words: each one listed is a read in their log.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireCaseworker(context);
  const now = new Date();
  const rows = await inboxOf(user.personId, now);
  await recordInboxViewed({
    caseworkerPersonId: user.personId,
    participantIds: [...new Set(rows.map((row) => row.participantId))],
    requestId: requestIdOf(context),
  });
  return { rows, now, answerWorkdays: await promisedAnswerWorkdays(user.personId) };
}

export default function CaseworkerInboxRoute({ loaderData }: Route.ComponentProps) {
  return <InboxPage rows={loaderData.rows} now={loaderData.now} answerWorkdays={loaderData.answerWorkdays} />;
}
