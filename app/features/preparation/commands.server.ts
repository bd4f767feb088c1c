import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { persons } from "../../../db/schema/people";
import { preparationParts, preparationShares } from "../../../db/schema/preparation";
import { listTaskSuggestions, saveTaskSuggestions } from "~/features/cv/index.server";
import { recordAudit } from "~/lib/audit.server";
import { cleanAnswers, partByKey, type Answers, type PartKey, type SharedAnswers, type WritablePartKey } from "./parts";
import type { PartInput } from "./schema";
import type { Actor } from "~/lib/actor.server";

/** Who is acting: always taken from the session, never from a form. */
export type { Actor };

export interface SavedPart {
  answers: Answers;
  tasks: string[];
  version: number;
  updatedAt: Date | null;
  /** Who saved it: you (another tab or window), someone named, or unknown. */
  savedBy: { kind: "you" } | { kind: "other"; name: string | null };
}

export type SavePartResult =
  | { status: "saved"; version: number }
  | { status: "unchanged"; version: number }
  | { status: "conflict"; saved: SavedPart };

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
const sameAnswers = (a: Answers, b: Answers) =>
  Object.keys({ ...a, ...b }).every((key) => (a[key] ?? "") === (b[key] ?? ""));

/**
 * Saves one part of the participant's preparation if nobody saved it since the form was loaded
 * (`input.version`; 0 = nothing saved yet). A stale form overwrites nothing: the caller gets the
 * saved text back to show next to the person's own. Sending exactly what is saved is not a
 * conflict (a double submit), and saving nothing new does not make a new version (so a shared
 * part is not marked "changed since you shared" for nothing).
 *
 * For "Mine ønsker" the work tasks are the list the CV shows too (features/cv): they are
 * written through `saveTaskSuggestions` after the part, and a change made there since the form
 * was loaded (`input.tasksBaseline`) counts as a conflict as well.
 */
export async function savePart(actor: Actor, key: WritablePartKey, input: PartInput, now = new Date()): Promise<SavePartResult> {
  const part = partByKey(key);
  const status = input.done === "yes" ? ("done" as const) : ("in_progress" as const);
  const answers = cleanAnswers(part, input.answers);
  const database = await db();
  const result = await database.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(preparationParts)
      .where(and(eq(preparationParts.participantId, actor.participantId), eq(preparationParts.part, key)))
      .for("update");
    const currentTasks = key === "wishes" ? (await listTaskSuggestions(actor.participantId, tx)).map((task) => task.text) : [];
    // Tasks the person did not touch in this form stay as they are now (maybe changed in the CV).
    const editedTasks = key === "wishes" && !sameList(input.tasks ?? [], input.tasksBaseline ?? []);
    const tasks = editedTasks ? (input.tasks ?? []) : currentTasks;
    const tasksChanged = editedTasks && !sameList(tasks, currentTasks);
    const tasksChangedElsewhere = key === "wishes" && !sameList(input.tasksBaseline ?? [], currentTasks);
    const savedAnswers = row ? cleanAnswers(part, row.answers) : cleanAnswers(part, {});

    const conflict = async (): Promise<SavePartResult> => {
      // Read again: another save may have created the row after this transaction began.
      const [current] = await tx
        .select()
        .from(preparationParts)
        .where(and(eq(preparationParts.participantId, actor.participantId), eq(preparationParts.part, key)));
      let savedBy: SavedPart["savedBy"] = { kind: "other", name: null };
      if (!current || current.updatedByPersonId === actor.personId) savedBy = { kind: "you" };
      else if (current.updatedByPersonId) {
        const [person] = await tx
          .select({ firstName: persons.firstName, lastName: persons.lastName })
          .from(persons)
          .where(eq(persons.id, current.updatedByPersonId));
        savedBy = { kind: "other", name: person ? `${person.firstName} ${person.lastName}` : null };
      }
      return {
        status: "conflict",
        saved: {
          answers: current ? cleanAnswers(part, current.answers) : savedAnswers,
          tasks: currentTasks,
          version: current?.version ?? 0,
          updatedAt: current?.updatedAt ?? null,
          savedBy,
        },
      };
    };

    const stale = (row?.version ?? 0) !== input.version || (tasksChanged && tasksChangedElsewhere);
    const nothingNew = row !== undefined && sameAnswers(savedAnswers, answers) && row.status === status && !tasksChanged;
    if (stale) {
      // The very same text from an older form (a double submit): already saved, nothing lost.
      if (nothingNew) return { result: { status: "unchanged", version: row.version } as SavePartResult, writeTasks: false, tasks };
      return { result: await conflict(), writeTasks: false, tasks };
    }
    if (nothingNew) return { result: { status: "unchanged", version: row.version } as SavePartResult, writeTasks: false, tasks };

    const written = row
      ? await tx
          .update(preparationParts)
          .set({
            answers,
            status,
            version: sql`${preparationParts.version} + 1`,
            updatedAt: now,
            updatedByPersonId: actor.personId,
          })
          .where(and(eq(preparationParts.id, row.id), eq(preparationParts.version, input.version)))
          .returning({ version: preparationParts.version })
      : await tx
          .insert(preparationParts)
          .values({ participantId: actor.participantId, part: key, answers, status, version: 1, updatedAt: now, updatedByPersonId: actor.personId })
          .onConflictDoNothing()
          .returning({ version: preparationParts.version });
    if (!written[0]) return { result: await conflict(), writeTasks: false, tasks };
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "preparation.part_saved",
      details: { part: key, version: written[0].version, status },
      requestId: actor.requestId ?? null,
    });
    return { result: { status: "saved", version: written[0].version } as SavePartResult, writeTasks: tasksChanged, tasks };
  });
  if (result.writeTasks) await saveTaskSuggestions(actor.participantId, result.tasks, actor);
  return result.result;
}

/** "Om mødet" has nothing to write: its row records that the participant has read it. */
export async function markAboutMeetingRead(actor: Actor, now = new Date()): Promise<void> {
  const database = await db();
  await database.transaction(async (tx) => {
    const inserted = await tx
      .insert(preparationParts)
      .values({
        participantId: actor.participantId,
        part: "about_meeting",
        status: "done",
        version: 1,
        updatedAt: now,
        updatedByPersonId: actor.personId,
      })
      .onConflictDoNothing()
      .returning({ id: preparationParts.id });
    if (inserted.length === 0) return;
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "preparation.about_meeting_read",
      requestId: actor.requestId ?? null,
    });
  });
}

export type ShareResult =
  | { status: "shared"; parts: { part: PartKey; version: number }[] }
  /** A chosen part changed after the page was loaded (another tab): nothing is shared. */
  | { status: "changed"; parts: PartKey[] };

/**
 * "Del med min sagsbehandler": shares the current version of each chosen part that has been
 * started, with a timestamp. `seen` is the version of each part the person looked at on "Tjek og
 * del"; when one has changed since, nothing is shared and the person gets to look again.
 */
export async function shareParts(
  actor: Actor,
  keys: WritablePartKey[],
  seen: Partial<Record<PartKey, number>>,
  now = new Date(),
): Promise<ShareResult> {
  if (keys.length === 0) return { status: "shared", parts: [] };
  const database = await db();
  return database.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(preparationParts)
      .where(and(eq(preparationParts.participantId, actor.participantId), inArray(preparationParts.part, keys)))
      .for("update");
    const changed = rows.filter((row) => seen[row.part] !== undefined && seen[row.part] !== row.version).map((row) => row.part);
    if (changed.length > 0) return { status: "changed", parts: changed };
    const tasks = (await listTaskSuggestions(actor.participantId, tx)).map((task) => task.text);

    const shared: { part: PartKey; version: number }[] = [];
    for (const row of rows) {
      if (row.status === "not_started" || row.part === "about_meeting") continue;
      if (row.sharedAt && row.sharedVersion === row.version) continue;
      const snapshot: SharedAnswers = { answers: cleanAnswers(partByKey(row.part), row.answers) };
      if (row.part === "wishes") snapshot.tasks = tasks;
      await tx
        .update(preparationParts)
        .set({ sharedAt: now, sharedVersion: row.version, sharedAnswers: snapshot })
        .where(eq(preparationParts.id, row.id));
      await tx.insert(preparationShares).values({
        preparationPartId: row.id,
        participantId: actor.participantId,
        part: row.part,
        version: row.version,
        answers: snapshot,
        sharedAt: now,
        sharedByPersonId: actor.personId,
      });
      shared.push({ part: row.part, version: row.version });
    }
    if (shared.length > 0) {
      await recordAudit(tx, {
        actorPersonId: actor.personId,
        participantId: actor.participantId,
        action: "preparation.shared",
        details: { parts: shared },
        requestId: actor.requestId ?? null,
      });
    }
    return { status: "shared", parts: shared };
  });
}

/**
 * Withdraws a part from sharing: the caseworker can no longer read it, nor any earlier shared
 * version of it. When and which version was shared stays on record, without the text.
 */
export async function withdrawPart(actor: Actor, key: WritablePartKey, now = new Date()): Promise<"withdrawn" | "not_shared"> {
  const database = await db();
  return database.transaction(async (tx) => {
    const updated = await tx
      .update(preparationParts)
      .set({ sharedAt: null, sharedVersion: null, sharedAnswers: null })
      .where(
        and(
          eq(preparationParts.participantId, actor.participantId),
          eq(preparationParts.part, key),
          isNotNull(preparationParts.sharedAt),
        ),
      )
      .returning({ id: preparationParts.id });
    if (updated.length === 0) return "not_shared";
    await tx
      .update(preparationShares)
      .set({ answers: null, withdrawnAt: sql`coalesce(${preparationShares.withdrawnAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(preparationShares.participantId, actor.participantId), eq(preparationShares.part, key)));
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "preparation.share_withdrawn",
      details: { part: key },
      requestId: actor.requestId ?? null,
    });
    return "withdrawn";
  });
}
