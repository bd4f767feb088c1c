import { db, type Transaction } from "../../../db/client";
import { deleteMeetingNotes } from "~/features/appointments/index.server";
import { deleteCv } from "~/features/cv/index.server";
import { deleteMessageDrafts, startConversation, type Author } from "~/features/messages/index.server";
import { deleteNetwork } from "~/features/network/index.server";
import { deletePreparationDrafts } from "~/features/preparation/index.server";
import { deleteDiary, deleteSigns, deleteUnsharedAnswers } from "~/features/progress/index.server";
import type { Actor } from "~/lib/actor.server";
import { recordAudit } from "~/lib/audit.server";
import type { Deletable } from "./parts";
import { deletableCounts } from "./queries.server";

/** Each of her private things, deleted by the area that owns it, in one transaction. */
const ERASERS: Record<Deletable, (tx: Transaction, actor: Actor) => Promise<unknown>> = {
  dagbog: (tx, actor) => deleteDiary(tx, actor.participantId),
  tegn: (tx, actor) => deleteSigns(tx, actor.participantId),
  maanedssvar: (tx, actor) => deleteUnsharedAnswers(tx, actor.participantId),
  netvaerk: (tx, actor) => deleteNetwork(tx, actor.participantId),
  cv: (tx, actor) => deleteCv(tx, actor.participantId),
  forberedelse: (tx, actor) => deletePreparationDrafts(tx, actor.participantId),
  moedenoter: (tx, actor) => deleteMeetingNotes(tx, actor.participantId),
  beskedkladder: (tx, actor) => deleteMessageDrafts(tx, actor.personId, actor.participantId),
};

/** One line in her log: she downloaded everything, as PDF or JSON (never what it held). */
export async function recordDownload(actor: { personId: string; participantId: string | null; requestId?: string | null }, format: "pdf" | "json") {
  await recordAudit(await db(), {
    actorPersonId: actor.personId,
    participantId: actor.participantId,
    action: "my_data.downloaded",
    details: { format },
    requestId: actor.requestId ?? null,
  });
}

/**
 * Deletes the private things she chose, at once, in one transaction with one audit row
 * (`my_data.deleted`: which kinds and how many of each, never what they said). Only kinds that
 * hold something are deleted and named. Returns the kinds deleted (empty: nothing was there).
 */
export async function deleteOwnThings(actor: Actor, chosen: readonly Deletable[]): Promise<Deletable[]> {
  const counts = await deletableCounts(actor.participantId, actor.personId);
  const present = chosen.filter((key) => counts[key] > 0);
  if (present.length === 0) return [];
  const database = await db();
  await database.transaction(async (tx) => {
    for (const key of present) await ERASERS[key](tx, actor);
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "my_data.deleted",
      details: { parts: present, counts: Object.fromEntries(present.map((key) => [key, counts[key]])) },
      requestId: actor.requestId ?? null,
    });
  });
  return present;
}

/**
 * "Bed kommunen om at slette": a message to her caseworker through the messages area (a new
 * conversation, topic `general`), and a line in her log. Returns the conversation's id.
 */
export async function requestDeletion(
  actor: Actor & { firstName: string; lastName: string },
  input: { subject: string; body: string; submissionId: string },
): Promise<string> {
  const author: Author = {
    personId: actor.personId,
    participantId: actor.participantId,
    role: "participant",
    name: `${actor.firstName} ${actor.lastName}`.trim(),
    requestId: actor.requestId ?? null,
  };
  const started = await startConversation(author, { topic: "general", subject: input.subject, body: input.body, submissionId: input.submissionId });
  if (started.status === "started") {
    await recordAudit(await db(), {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "my_data.deletion_requested",
      details: { conversationId: started.conversationId },
      requestId: actor.requestId ?? null,
    });
  }
  return started.conversationId;
}
