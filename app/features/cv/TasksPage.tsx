import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { CvFormHead, StatusNotice } from "./components";
import { TASK_COUNT_MAX } from "./sections";
import type { tasksPage, TasksRefusal } from "./tasks.server";

type TasksPageData = Awaited<ReturnType<typeof tasksPage>>;

/** "Opgaver jeg gerne vil prøve" (/cv/opgaver): write, change, move, delete (a page that asks first). */
function DeleteTaskButton({ index, number }: { index: number; number: number }) {
  const { t } = useTranslation("cv");
  return (
    <button type="submit" name="intent" value={`delete-${index}`} className="button button--secondary button--small">
      {t("deleteButton")}
      <span className="visually-hidden"> {t("tasks.label", { number })}</span>
    </button>
  );
}

export function TasksPage({ loaderData, actionData }: { loaderData: TasksPageData; actionData?: TasksRefusal }) {
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

  return (
    <>
      <CvFormHead page="tasks" conflict={Boolean(conflict)} errors={errors} />
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
        <div data-focus-on-load="" tabIndex={-1} className="notice notice--warning plan-conflict" role="group" aria-labelledby="conflict-title">
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
                      <DeleteTaskButton index={index} number={number} />
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
