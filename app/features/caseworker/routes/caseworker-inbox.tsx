import { redirect } from "react-router";
import type { Route } from "./+types/caseworker-inbox";
import { requireCaseworker } from "../access.server";
import { recordInboxViewed } from "../commands.server";
import { InboxPage } from "../InboxPage";
import { inboxPageOf } from "../messages.server";
import { pageHref, parsePageParam } from "../paging";
import caseworkerStylesheet from "../caseworker.css?url";
import stylesheet from "../messages.css?url";
import { requestIdOf } from "~/lib/request.server";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: caseworkerStylesheet },
  { rel: "stylesheet", href: stylesheet },
];

const INBOX = "/sagsbehandler/beskeder";

/**
 * `/sagsbehandler/beskeder?side=N`: her participants' conversations, those waiting for her answer
 * first, 50 a page. The subjects are the participants' words: each one shown is a read in their log.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCaseworker(context);
  const now = new Date();
  const asked = parsePageParam(new URL(request.url));
  const inbox = await inboxPageOf(user.personId, asked, now);
  // A page beyond the last (answered conversations moved, or a typed address): the last one, at its own address.
  if (inbox.page !== asked) throw redirect(pageHref(inbox.page, INBOX));
  await recordInboxViewed({
    caseworkerPersonId: user.personId,
    participantIds: [...new Set(inbox.rows.map((row) => row.participantId))],
    requestId: requestIdOf(context),
  });
  return { ...inbox, now };
}

export default function CaseworkerInboxRoute({ loaderData }: Route.ComponentProps) {
  return <InboxPage inbox={loaderData} now={loaderData.now} />;
}
