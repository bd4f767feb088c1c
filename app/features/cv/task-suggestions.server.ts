import { asc, eq } from "drizzle-orm";
import { db, type Database, type Transaction } from "../../../db/client";
import { taskSuggestions } from "../../../db/schema";
import { recordAudit } from "~/lib/audit.server";

/**
 * Concrete work tasks that could suit the participant ("Opgaver jeg gerne vil prøve").
 * One list per participant, shared by the CV's work wishes and the preparation's "Mine ønsker":
 * what is written in one place shows in the other, so nobody types it twice (WCAG 3.3.7).
 */

/** The material asks for at least three before the rehabiliteringsteam meeting. */
export const RECOMMENDED_TASK_COUNT = 3;
export const TASK_TEXT_MAX = 200;

export interface TaskSuggestion {
  id: string;
  text: string;
}

/** `executor`: a command's own transaction (the CV's share snapshot); the request's database otherwise. */
export async function listTaskSuggestions(participantId: string, executor?: Database | Transaction): Promise<TaskSuggestion[]> {
  const database = executor ?? (await db());
  return database
    .select({ id: taskSuggestions.id, text: taskSuggestions.text })
    .from(taskSuggestions)
    .where(eq(taskSuggestions.participantId, participantId))
    .orderBy(asc(taskSuggestions.sortOrder), asc(taskSuggestions.createdAt));
}

/**
 * Replaces the whole list with `texts` in the given order (blank lines dropped, text trimmed),
 * in one transaction with an audit row. The caller has already validated length and checked
 * access; `participantId` and `actorPersonId` come from the session.
 */
export async function saveTaskSuggestions(
  participantId: string,
  texts: string[],
  actor: { personId: string; requestId?: string | null },
): Promise<TaskSuggestion[]> {
  const cleaned = texts.map((text) => text.trim()).filter((text) => text.length > 0);
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.delete(taskSuggestions).where(eq(taskSuggestions.participantId, participantId));
    const saved =
      cleaned.length === 0
        ? []
        : await tx
            .insert(taskSuggestions)
            .values(cleaned.map((text, sortOrder) => ({ participantId, text, sortOrder })))
            .returning({ id: taskSuggestions.id, text: taskSuggestions.text });
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId,
      action: "work_tasks.saved",
      details: { count: saved.length },
      requestId: actor.requestId ?? null,
    });
    return saved;
  });
}
