import { countMeetingNotes } from "~/features/appointments/index.server";
import { countCv } from "~/features/cv/index.server";
import { countMessageDrafts } from "~/features/messages/index.server";
import { countNetwork } from "~/features/network/index.server";
import { countPreparationDrafts } from "~/features/preparation/index.server";
import { countPrivateProgress } from "~/features/progress/index.server";
import type { Deletable } from "./parts";

/** How much of each of her private things there is now (0: nothing to delete), each asked of its area. */
export async function deletableCounts(participantId: string, personId: string): Promise<Record<Deletable, number>> {
  const [progress, network, cv, preparation, meetingNotes, drafts] = await Promise.all([
    countPrivateProgress(participantId),
    countNetwork(participantId),
    countCv(participantId),
    countPreparationDrafts(participantId),
    countMeetingNotes(participantId),
    countMessageDrafts(personId, participantId),
  ]);
  return {
    dagbog: progress.diary,
    tegn: progress.signs,
    maanedssvar: progress.unsharedAnswers,
    netvaerk: network,
    cv,
    forberedelse: preparation,
    moedenoter: meetingNotes,
    beskedkladder: drafts,
  };
}
