import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useSubmit } from "react-router";
import type { Route } from "./+types/cv-tasks";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { ConfirmDialog } from "~/components/ui/ConfirmDialog";
import { StatusNotice, useHydrated } from "~/features/cv/components";
import {
  listTaskSuggestions,
  RECOMMENDED_TASK_COUNT,
  saveTaskList,
  TASK_TEXT_MAX,
  taskListVersion,
} from "~/features/cv/task-suggestions.server";
import { requireParticipant } from "~/lib/auth.server";
import { useFocusAfterFrame } from "~/components/ui/focus";
import { requestIdOf } from "~/lib/request.server";

/** At most this many tasks: enough to choose from, short enough to read at the meeting. */
const TASK_COUNT_MAX = 10;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const tasks = await listTaskSuggestions(user.participant.id);
  const url = new URL(request.url);
  const askIndex = url.searchParams.has("slet") ? Number(url.searchParams.get("slet")) : null;
  const ask = askIndex !== null && Number.isInteger(askIndex) && tasks[askIndex] ? { index: askIndex, text: tasks[askIndex].text } : null;
  const notice = (["gemt", "slettet", "aendret"] as const).find((key) => url.searchParams.has(key)) ?? null;
  const moved = url.searchParams.has("flyttet") ? Number(url.searchParams.get("flyttet")) : null;
  const texts = tasks.map((task) => task.text);
  return { tasks: texts, version: taskListVersion(texts), ask, notice, moved, recommended: RECOMMENDED_TASK_COUNT, max: TASK_TEXT_MAX };
}

/** The list version the form was loaded with (see taskListVersion); anything else matches no list. */
function postedVersion(formData: FormData): string {
  const value = formData.get("version");
  return typeof value === "string" && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : "";
}

/** Texts as posted, line breaks and spaces tidied (blank ones are dropped on save). */
function postedTexts(formData: FormData): string[] {
  return formData
    .getAll("task")
    .map((value) => String(value).replace(/\s+/g, " ").trim());
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const actor = { personId: user.personId, requestId: requestIdOf(context) };
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "save");

  if (intent === "confirm-delete") {
    // Delete exactly the task that was asked about; if the list changed meanwhile, say so.
    const index = Number(formData.get("index"));
    const expected = String(formData.get("text") ?? "");
    const current = (await listTaskSuggestions(user.participant.id)).map((task) => task.text);
    if (!Number.isInteger(index) || current[index] !== expected) return redirect("/cv/opgaver?aendret=1#cv-status");
    const deleted = await saveTaskList(
      user.participant.id,
      current.filter((_, position) => position !== index),
      actor,
      taskListVersion(current),
    );
    // Changed between reading and deleting: delete nothing, and say so.
    if (deleted.status === "conflict") return redirect("/cv/opgaver?aendret=1#cv-status");
    return redirect("/cv/opgaver?slettet=1#cv-status");
  }

  const texts = postedTexts(formData);
  const version = postedVersion(formData);
  const errors = texts.flatMap((text, index) => (text.length > TASK_TEXT_MAX ? [index] : []));
  const kept = texts.filter(Boolean);
  if (errors.length > 0 || kept.length > TASK_COUNT_MAX) {
    return data({ texts, version, tooLong: errors, tooMany: kept.length > TASK_COUNT_MAX, conflict: null }, { status: 400 });
  }
  /** Saves only on top of the list the form was loaded with; otherwise a 409 that keeps what was typed. */
  const save = async (list: string[]) => {
    const result = await saveTaskList(user.participant.id, list, actor, version);
    if (result.status !== "conflict") return null;
    return data(
      { texts, version: result.savedVersion, tooLong: [] as number[], tooMany: false, conflict: { saved: result.saved } },
      { status: 409 },
    );
  };

  const move = /^(up|down|delete)-(\d+)$/.exec(intent);
  if (move) {
    // Positions refer to the rows as shown; blank rows come after the written ones.
    const index = Number(move[2]);
    const list = [...kept];
    if (move[1] === "delete") {
      const conflict = await save(list);
      if (conflict) return conflict;
      return redirect(`/cv/opgaver?slet=${index}#slet`);
    }
    const target = move[1] === "up" ? index - 1 : index + 1;
    if (list[index] !== undefined && list[target] !== undefined) [list[index], list[target]] = [list[target]!, list[index]!];
    const conflict = await save(list);
    if (conflict) return conflict;
    const landed = list[target] !== undefined ? target : index;
    return redirect(`/cv/opgaver?flyttet=${landed}#opgave-${landed}`);
  }

  const conflict = await save(kept);
  if (conflict) return conflict;
  return redirect("/cv/opgaver?gemt=1#cv-status");
}

function DeleteTaskButton({ index, text, number }: { index: number; text: string; number: number }) {
  const { t } = useTranslation("cv");
  const hydrated = useHydrated();
  const submit = useSubmit();
  const [open, setOpen] = useState(false);
  const label = (
    <>
      {t("deleteButton")}
      <span className="visually-hidden"> {t("tasks.label", { number })}</span>
    </>
  );
  if (!hydrated || !text) {
    return (
      <button type="submit" name="intent" value={`delete-${index}`} className="button button--secondary button--small">
        {label}
      </button>
    );
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      title={t("tasks.deleteTitle")}
      description={t("tasks.deleteText", { text })}
      confirmLabel={t("delete.confirm")}
      cancelLabel={t("delete.keep")}
      onConfirm={() => {
        setOpen(false);
        void submit({ intent: "confirm-delete", index: String(index), text }, { method: "post", action: "/cv/opgaver" });
      }}
      trigger={
        <button type="button" className="button button--secondary button--small">
          {label}
        </button>
      }
    />
  );
}

export default function CvTasksPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("cv");
  const saved = loaderData.tasks;
  const texts = actionData?.texts ?? saved;
  const written = texts.filter(Boolean).length;
  // Always room for one more, and enough empty rows to reach the three we recommend.
  const rows = Math.min(TASK_COUNT_MAX, Math.max(texts.length + 1, loaderData.recommended));
  const errors = [
    ...(actionData?.tooLong ?? []).map((index) => ({
      fieldId: `task-${index}`,
      message: t("tasks.errors.tooLong", { max: loaderData.max, number: index + 1 }),
    })),
    ...(actionData?.tooMany ? [{ fieldId: "task-0", message: t("tasks.errors.tooMany", { max: TASK_COUNT_MAX }) }] : []),
  ];
  const count = saved.length;
  const conflict = actionData?.conflict ?? null;
  const conflictRef = useRef<HTMLDivElement>(null);
  useFocusAfterFrame(conflict ? conflictRef : null, conflict);

  return (
    <>
      <PageTitle title={conflict ? t("tasks.conflictTitle") : t("tasks.title")} hasErrors={errors.length > 0} />
      <p>
        <Link to="/cv" className="plan-back">
          {t("backToCv")}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("tasks.title")}</h1>
      <p className="lead">{t("tasks.intro")}</p>
      <p>{t("tasks.why")}</p>
      <p className="meta">{t("tasks.examples")}</p>

      {loaderData.notice && !actionData ? (
        <StatusNotice warning={loaderData.notice === "aendret"}>
          <p>{t(loaderData.notice === "gemt" ? "tasks.saved" : loaderData.notice === "slettet" ? "tasks.deleted" : "tasks.gone")}</p>
        </StatusNotice>
      ) : null}

      {loaderData.ask ? (
        <div className="notice notice--warning" id="slet" role="group" aria-labelledby="delete-task-title">
          <h2 id="delete-task-title">{t("tasks.deleteTitle")}</h2>
          <p>{t("tasks.deleteText", { text: loaderData.ask.text })}</p>
          <Form method="post" className="button-group">
            <input type="hidden" name="index" value={loaderData.ask.index} />
            <input type="hidden" name="text" value={loaderData.ask.text} />
            <button type="submit" name="intent" value="confirm-delete" className="button">
              {t("delete.confirm")}
            </button>
            <Link to="/cv/opgaver" className="button button--secondary">
              {t("delete.keep")}
            </Link>
          </Form>
        </div>
      ) : null}

      {conflict ? (
        <div ref={conflictRef} tabIndex={-1} className="notice notice--warning plan-conflict" role="group" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("tasks.conflictTitle")}</h2>
          <p>{t("tasks.conflictText")}</p>
          <h3>{t("tasks.conflictSaved")}</h3>
          {conflict.saved.length > 0 ? (
            <ol>
              {conflict.saved.map((text, index) => (
                <li key={`${index}-${text}`}>{text}</li>
              ))}
            </ol>
          ) : (
            <p>{t("tasks.empty")}</p>
          )}
          <p>
            <Link to="/cv/opgaver">{t("tasks.keepSaved")}</Link>
          </p>
        </div>
      ) : null}

      <p className="cv-task-count">
        {count === 0 ? t("tasks.empty") : count >= loaderData.recommended ? t("tasks.countDone", { count }) : t("tasks.count", { count })}
      </p>

      <Form method="post">
        <input type="hidden" name="version" value={actionData?.version ?? loaderData.version} />
        {/* Enter in a text field saves (the first submit button is the default one), never moves a task. */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t("tasks.submit")}
        </button>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t("tasks.writeHeading")}</legend>
          <div className="field__hint" id="task-hint">
            {t("common:form.charactersLimit", { max: loaderData.max })}
          </div>
          <ol className="cv-tasks">
            {Array.from({ length: rows }, (_, index) => {
              const text = texts[index] ?? "";
              const invalid = actionData?.tooLong?.includes(index);
              const number = index + 1;
              return (
                <li key={`${index}-${text}`} className={invalid ? "cv-task field field--error" : "cv-task field"} id={`opgave-${index}`}>
                  <label htmlFor={`task-${index}`} className="field__label">
                    {t("tasks.label", { number })}
                  </label>
                  {invalid ? (
                    <p id={`task-${index}-error`} className="error-message">
                      <span className="visually-hidden">{t("common:errorTitlePrefix")}</span>
                      {t("tasks.errors.tooLong", { max: loaderData.max, number })}
                    </p>
                  ) : null}
                  <input
                    id={`task-${index}`}
                    name="task"
                    className="input"
                    defaultValue={text}
                    autoComplete="off"
                    aria-describedby={invalid ? `task-hint task-${index}-error` : "task-hint"}
                    aria-invalid={invalid || undefined}
                    autoFocus={loaderData.moved === index ? true : undefined}
                  />
                  {index < written && saved[index] !== undefined ? (
                    <div className="cv-entry__actions">
                      {index > 0 ? (
                        <button type="submit" name="intent" value={`up-${index}`} className="button button--secondary button--small">
                          {t("moveUp")}
                          <span className="visually-hidden"> {t("tasks.label", { number })}</span>
                        </button>
                      ) : null}
                      {index < written - 1 ? (
                        <button type="submit" name="intent" value={`down-${index}`} className="button button--secondary button--small">
                          {t("moveDown")}
                          <span className="visually-hidden"> {t("tasks.label", { number })}</span>
                        </button>
                      ) : null}
                      <DeleteTaskButton index={index} text={saved[index] ?? ""} number={number} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </fieldset>
        <div className="button-group">
          <button type="submit" name="intent" value="save" className="button">
            {t("tasks.submit")}
          </button>
          <Link to="/cv" className="button button--secondary">
            {t("backToCv")}
          </Link>
        </div>
      </Form>
    </>
  );
}
