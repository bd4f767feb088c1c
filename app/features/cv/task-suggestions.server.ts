import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "../../../db/client";
import { nestedRows, preparedTogether, type Bound, type Nested } from "../../../db/nested";
import { taskSuggestions } from "../../../db/schema/cv";
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
  return (await readTaskSuggestions({ participantId }, executor)).tasks;
}

/** listTaskSuggestions as a piece of a page's one read (db/nested.ts). */
export function taskSuggestionsPiece(participantId: Bound<string>): Nested<TaskSuggestion[]> {
  return nestedRows(
    { id: taskSuggestions.id, text: taskSuggestions.text },
    sql`from ${taskSuggestions} where ${taskSuggestions.participantId} = ${participantId}`,
    sql`${taskSuggestions.sortOrder}, ${taskSuggestions.createdAt}`,
  );
}

const readTaskSuggestions = preparedTogether(["participantId"], (values) => ({ tasks: taskSuggestionsPiece(values.participantId) }));

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
  const result = await writeTaskList(participantId, texts, actor, null);
  return result.status === "saved" ? result.tasks : [];
}

/**
 * The list's version: a fingerprint of its texts in order. The list is many rows with no version
 * column of its own; a form carries this instead, and a save based on another list is refused.
 * (A list changed and changed back has the same version: then nothing would be lost.)
 */
export function taskListVersion(texts: readonly string[]): string {
  return createHash("sha256").update(JSON.stringify(texts)).digest("base64url").slice(0, 22);
}

export type SaveTaskListResult =
  | { status: "saved"; tasks: TaskSuggestion[] }
  | { status: "unchanged" }
  | { status: "conflict"; saved: string[]; savedVersion: string };

/**
 * Replaces the list like `saveTaskSuggestions`, but only if it is still the list the form was
 * loaded with (`loadedVersion`, see taskListVersion): two tabs, or the CV and the preparation at
 * once, never overwrite each other silently. Sending exactly what is saved is not a conflict.
 */
export function saveTaskList(
  participantId: string,
  texts: string[],
  actor: { personId: string; requestId?: string | null },
  loadedVersion: string,
): Promise<SaveTaskListResult> {
  return writeTaskList(participantId, texts, actor, loadedVersion);
}

async function writeTaskList(
  participantId: string,
  texts: string[],
  actor: { personId: string; requestId?: string | null },
  loadedVersion: string | null,
): Promise<SaveTaskListResult> {
  const cleaned = texts.map((text) => text.trim()).filter((text) => text.length > 0);
  const database = await db();
  return database.transaction(async (tx): Promise<SaveTaskListResult> => {
    // One writer per participant's list at a time (the list has no row of its own to lock).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`minvej.task_suggestions:${participantId}`}, 0))`);
    if (loadedVersion !== null) {
      const current = (await listTaskSuggestions(participantId, tx)).map((task) => task.text);
      if (JSON.stringify(current) === JSON.stringify(cleaned)) return { status: "unchanged" };
      const savedVersion = taskListVersion(current);
      if (savedVersion !== loadedVersion) return { status: "conflict", saved: current, savedVersion };
    }
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
    return { status: "saved", tasks: saved };
  });
}
