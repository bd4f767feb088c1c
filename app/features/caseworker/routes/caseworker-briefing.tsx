import type { Route } from "./+types/caseworker-briefing";
import { requireCaseworkerStrict } from "../access.server";
import { BriefingPage } from "../BriefingPage";
import stylesheet from "../caseworker.css?url";
import { recordBriefingViewed } from "../commands.server";
import { conversationsFor } from "../messages.server";
import messagesStylesheet from "../messages.css?url";
import { getBriefing } from "../queries.server";
import progressStylesheet from "../progress-briefing.css?url";
import { getSharedProgress } from "../shared-progress.server";
import { notFound } from "~/lib/auth.server";
import { BriefingProposals } from "~/features/proposals";
import { proposalsForCaseworker } from "~/features/proposals/index.server";
import { requestIdOf } from "~/lib/request.server";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: messagesStylesheet },
  { rel: "stylesheet", href: progressStylesheet },
];

/** One participant's briefing, for their coordinating caseworker only (404 for everyone else). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireCaseworkerStrict(context);
  const briefing = await getBriefing(user.personId, params.participantId);
  if (!briefing) throw notFound();
  // Recorded only once the page is found: a refused address is not "seen".
  await recordBriefingViewed({
    caseworkerPersonId: user.personId,
    participantId: briefing.participant.id,
    requestId: requestIdOf(context),
  });
  const now = new Date();
  // "Sådan går det" as she shares it (issue 22): part of the same briefing, so of the same read in her log.
  const [items, progress, proposals] = await Promise.all([
    conversationsFor(briefing.participant.id, now),
    getSharedProgress(briefing.participant.id),
    proposalsForCaseworker(briefing.participant.id),
  ]);
  return { briefing: { ...briefing, progress }, printedAt: now, messages: { items, now }, proposals };
}

export default function CaseworkerBriefingPage({ loaderData }: Route.ComponentProps) {
  const { briefing, proposals } = loaderData;
  return (
    <BriefingPage
      briefing={briefing}
      printedAt={loaderData.printedAt}
      messages={loaderData.messages}
      planProposals={<BriefingProposals participantId={briefing.participant.id} name={briefing.participant.name} proposals={proposals} />}
    />
  );
}
