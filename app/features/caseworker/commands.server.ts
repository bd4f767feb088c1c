import { db } from "../../../db/client";
import { recordAudit } from "~/lib/audit.server";

/**
 * "Din sagsbehandler har set dine oplysninger": one audit row each time a caseworker opens a
 * participant's briefing. Shown in the participant's access log. `details` holds the page name
 * only, never what the participant wrote.
 */
export async function recordBriefingViewed(entry: { caseworkerPersonId: string; participantId: string; requestId: string | null }) {
  const database = await db();
  await recordAudit(database, {
    actorPersonId: entry.caseworkerPersonId,
    participantId: entry.participantId,
    action: "caseworker.briefing_viewed",
    details: { page: "briefing" },
    requestId: entry.requestId,
  });
}
