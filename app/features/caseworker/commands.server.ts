import { db, writeWithRequest } from "../../../db/client";
import { recordAudit, recordAuditForEach, type AuditEntry } from "~/lib/audit.server";

/** A read in the participant's log, written while the page renders (the request commits it). */
async function recordRead(entry: AuditEntry) {
  await writeWithRequest(async () => recordAudit(await db(), entry));
}

/**
 * "Din sagsbehandler har set dine oplysninger": one audit row each time a caseworker opens a
 * participant's briefing. Shown in the participant's access log. `details` holds the page name
 * only, never what the participant wrote.
 */
export async function recordBriefingViewed(entry: { caseworkerPersonId: string; participantId: string; requestId: string | null }) {
  await recordRead({
    actorPersonId: entry.caseworkerPersonId,
    participantId: entry.participantId,
    action: "caseworker.briefing_viewed",
    details: { page: "briefing" },
    requestId: entry.requestId,
  });
}

/**
 * The overview `/sagsbehandler` shows each person's shared information (what is shared, meetings,
 * questions): a read for each of them, in their log "Hvem har set mine oplysninger" as "Din
 * sagsbehandler", never a name. The loader runs for the page and for its .data alike.
 */
export async function recordListViewed(entry: { caseworkerPersonId: string; participantIds: string[]; requestId: string | null }) {
  await recordEachRead(entry, "caseworker.briefing_viewed", "list");
}

/** One read in each listed participant's log, in one statement. */
async function recordEachRead(
  entry: { caseworkerPersonId: string; participantIds: string[]; requestId: string | null },
  action: string,
  page: string,
) {
  if (entry.participantIds.length === 0) return;
  await writeWithRequest(async () =>
    recordAuditForEach(await db(), { actorPersonId: entry.caseworkerPersonId, action, details: { page }, requestId: entry.requestId }, entry.participantIds),
  );
}

/**
 * "Din sagsbehandler læste en af dine samtaler": one audit row each time a caseworker opens one of
 * the participant's conversations (`/sagsbehandler/beskeder/:id`). `details` names the page and the
 * conversation, never its subject or what anyone wrote.
 */
export async function recordConversationViewed(entry: {
  caseworkerPersonId: string;
  participantId: string;
  conversationId: string;
  requestId: string | null;
}) {
  await recordRead({
    actorPersonId: entry.caseworkerPersonId,
    participantId: entry.participantId,
    action: "caseworker.conversation_viewed",
    details: { page: "conversation", conversationId: entry.conversationId },
    requestId: entry.requestId,
  });
}

/**
 * The inbox `/sagsbehandler/beskeder` shows each conversation's subject: a read for each participant
 * with a conversation on it, in her log as "Din sagsbehandler", like the overview's list.
 */
export async function recordInboxViewed(entry: { caseworkerPersonId: string; participantIds: string[]; requestId: string | null }) {
  await recordEachRead(entry, "caseworker.conversation_viewed", "inbox");
}
