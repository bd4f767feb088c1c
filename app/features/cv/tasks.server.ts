import type { Actor } from "~/lib/actor.server";
import type { TasksForm } from "./schema";
import { TASK_COUNT_MAX } from "./sections";
import { listTaskSuggestions, RECOMMENDED_TASK_COUNT, saveTaskList, TASK_TEXT_MAX, taskListVersion } from "./task-suggestions.server";

/**
 * "Opgaver jeg gerne vil prøve" (/cv/opgaver): what the page shows and what its buttons do.
 * Every change is saved only on top of the list the form was loaded with (taskListVersion).
 */
const PAGE = "/cv/opgaver";

/** The list, the notice after a redirect (?gemt, ?slettet, ?aendret), and "Slet?" asked about row ?slet=N. */
export async function tasksPage(participantId: string, url: URL) {
  const tasks = await listTaskSuggestions(participantId);
  const askIndex = url.searchParams.has("slet") ? Number(url.searchParams.get("slet")) : null;
  const ask = askIndex !== null && Number.isInteger(askIndex) && tasks[askIndex] ? { index: askIndex, text: tasks[askIndex].text } : null;
  const notice = (["gemt", "slettet", "aendret"] as const).find((key) => url.searchParams.has(key)) ?? null;
  const moved = url.searchParams.has("flyttet") ? Number(url.searchParams.get("flyttet")) : null;
  const texts = tasks.map((task) => task.text);
  return { tasks: texts, version: taskListVersion(texts), ask, notice, moved, recommended: RECOMMENDED_TASK_COUNT, max: TASK_TEXT_MAX };
}

/** What the form gets back after a refused save: 400 (too long, too many) or 409 (changed meanwhile). */
export interface TasksRefusal {
  /** What was typed, so nothing is lost. */
  texts: string[];
  version: string;
  tooLong: number[];
  tooMany: boolean;
  /** The list as saved now, when it changed since the form was loaded. */
  conflict: { saved: string[] } | null;
}

export type TasksOutcome = { status: "redirect"; to: string } | { status: 400 | 409; body: TasksRefusal };

/** "Ja, slet": deletes exactly the task that was asked about; if the list changed meanwhile, says so. */
async function confirmDelete(actor: Actor, index: number, expected: string): Promise<TasksOutcome> {
  const current = (await listTaskSuggestions(actor.participantId)).map((task) => task.text);
  const changed = { status: "redirect", to: `${PAGE}?aendret=1#cv-status` } as const;
  if (!Number.isInteger(index) || current[index] !== expected) return changed;
  const rest = current.filter((_, position) => position !== index);
  const deleted = await saveTaskList(actor.participantId, rest, actor, taskListVersion(current));
  return deleted.status === "conflict" ? changed : { status: "redirect", to: `${PAGE}?slettet=1#cv-status` };
}

/** Save, move a row up or down, or save and ask before deleting a row. */
export async function changeTasks(actor: Actor, form: TasksForm): Promise<TasksOutcome> {
  const { intent, task: texts, version } = form;
  if (intent.kind === "confirm-delete") return confirmDelete(actor, form.index, form.text);

  const tooLong = texts.flatMap((text, index) => (text.length > TASK_TEXT_MAX ? [index] : []));
  const kept = texts.filter(Boolean);
  if (tooLong.length > 0 || kept.length > TASK_COUNT_MAX) {
    return { status: 400, body: { texts, version, tooLong, tooMany: kept.length > TASK_COUNT_MAX, conflict: null } };
  }
  // Positions refer to the rows as shown; blank rows come after the written ones.
  const list = [...kept];
  let to = `${PAGE}?gemt=1#cv-status`;
  if (intent.kind === "ask-delete") to = `${PAGE}?slet=${intent.index}#slet`;
  if (intent.kind === "move") {
    const { index } = intent;
    const target = intent.direction === "up" ? index - 1 : index + 1;
    if (list[index] !== undefined && list[target] !== undefined) [list[index], list[target]] = [list[target]!, list[index]!];
    const landed = list[target] !== undefined ? target : index;
    to = `${PAGE}?flyttet=${landed}#opgave-${landed}`;
  }
  const result = await saveTaskList(actor.participantId, list, actor, version);
  if (result.status === "conflict") {
    return { status: 409, body: { texts, version: result.savedVersion, tooLong: [], tooMany: false, conflict: { saved: result.saved } } };
  }
  return { status: "redirect", to };
}
