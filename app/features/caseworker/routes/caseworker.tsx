import type { Route } from "./+types/caseworker";
import { requireCaseworker } from "../access.server";
import stylesheet from "../caseworker.css?url";
import { recordListViewed } from "../commands.server";
import { awaitingCounts } from "../messages.server";
import { OverviewPage } from "../OverviewPage";
import { listMyParticipants } from "../queries.server";
import { requestIdOf } from "~/lib/request.server";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** `/sagsbehandler`: the signed-in caseworker's participants. Each one listed is a read in their log. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireCaseworker(context);
  const participants = await listMyParticipants(user.personId);
  await recordListViewed({
    caseworkerPersonId: user.personId,
    participantIds: participants.map((participant) => participant.participantId),
    requestId: requestIdOf(context),
  });
  const awaiting = await awaitingCounts(participants.map((participant) => participant.participantId));
  return { participants, awaiting };
}

export default function CaseworkerOverviewPage({ loaderData }: Route.ComponentProps) {
  return <OverviewPage participants={loaderData.participants} awaiting={loaderData.awaiting} />;
}
