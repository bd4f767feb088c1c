import { db } from "../../../db/client";
import { recordAudit } from "~/lib/audit.server";

/** The audit row of a sign-out: by the person, or by the session-timeout warning running out. */
export async function recordSignOut(entry: {
  personId: string;
  participantId: string | null;
  timedOut: boolean;
  requestId: string | null;
}) {
  await recordAudit(await db(), {
    actorPersonId: entry.personId,
    participantId: entry.participantId,
    action: entry.timedOut ? "session.timed_out" : "session.signed_out",
    requestId: entry.requestId,
  });
}
