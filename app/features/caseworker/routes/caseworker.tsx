import { redirect } from "react-router";
import type { Route } from "./+types/caseworker";
import { requireCaseworker } from "../access.server";
import stylesheet from "../caseworker.css?url";
import { recordListViewed } from "../commands.server";
import { OverviewPage } from "../OverviewPage";
import { listMyParticipantsPage } from "../queries.server";
import { pageHref, parsePageParam } from "../paging";
import { requestIdOf } from "~/lib/request.server";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/**
 * `/sagsbehandler?side=N`: one page of the signed-in caseworker's participants (50 a page). Each one
 * listed is a read in their log; the messages waiting for her answer are counted per participant
 * shown, and in all over her caseload (for the link to her messages).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireCaseworker(context);
  const asked = parsePageParam(new URL(request.url));
  const list = await listMyParticipantsPage(user.personId, asked);
  // A page beyond the last (her caseload shrank, or a typed address): the last one, at its own address.
  if (list.page !== asked) throw redirect(pageHref(list.page));
  const shownIds = list.participants.map((participant) => participant.participantId);
  await recordListViewed({ caseworkerPersonId: user.personId, participantIds: shownIds, requestId: requestIdOf(context) });
  return {
    participants: list.participants,
    awaiting: list.awaiting.byParticipant,
    waiting: list.awaiting.total,
    pages: { page: list.page, pageCount: list.pageCount, total: list.total },
    // "Forslag til min plan": how many of each shown participant's proposals wait for her answer.
    proposals: list.proposals,
  };
}

export default function CaseworkerOverviewPage({ loaderData }: Route.ComponentProps) {
  return <OverviewPage participants={loaderData.participants} awaiting={loaderData.awaiting} waiting={loaderData.waiting} pages={loaderData.pages} proposals={loaderData.proposals} />;
}
