import type { ReactNode } from "react";
import { useFormatWhen } from "~/features/appointments";
import { fieldLabel, questionNames } from "./components";
import { HoursField, TaskInputs } from "./PartFields";
import { MAX_TASK_INPUTS, MIN_TASK_INPUTS, type PartDefinition } from "./parts";
import type { PartConflict as Conflict } from "./schema";
import { usePreparationText } from "./setting";

export type TextareaOptions = { label?: string; hint?: string; defaultValue?: string; id?: string };

/**
 * Someone saved this part since the form was loaded (another tab, or a relative): both versions
 * of each field that differs, side by side, and "Behold min udgave" / "Behold den gemte udgave".
 * Fields that are the same go along hidden, so nothing the person typed is lost.
 */
export function PartConflict({
  part,
  conflict,
  textarea,
}: {
  part: PartDefinition;
  conflict: Conflict;
  textarea: (name: string, options: TextareaOptions) => ReactNode;
}) {
  const { t } = usePreparationText();
  const formatWhen = useFormatWhen();
  return (
    <div data-focus-on-load="" tabIndex={-1} className="conflict prep-conflict" role="group" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("conflict.title")}</h2>
      <p>
        {t("conflict.text", {
          who: conflict.saved.savedBy.kind === "you" ? t("conflict.you") : (conflict.saved.savedBy.name ?? t("conflict.someone")),
          when: conflict.saved.updatedAt ? formatWhen(new Date(conflict.saved.updatedAt)) : "",
        })}
      </p>
      <input type="hidden" name="version" value={conflict.saved.version} />
      <input type="hidden" name="tasksBaseline" value={JSON.stringify(conflict.saved.tasks)} />
      {conflict.mine.done ? <input type="hidden" name="done" value={conflict.mine.done} /> : null}
      {questionNames(part.key).map((name) => {
        const saved = conflict.saved.answers[name] ?? "";
        const mine = conflict.mine.answers[name] ?? "";
        if (saved === mine) return <input key={name} type="hidden" name={name} value={mine} />;
        const label = fieldLabel(t, part.key, name);
        return (
          <div key={name} className="conflict__field">
            <h3>{label}</h3>
            <p className="card__label" id={`${name}-saved-label`}>
              {t("conflict.savedOf", { field: label })}
            </p>
            <blockquote className="own-words pre-wrap" aria-labelledby={`${name}-saved-label`}>
              <p>{saved || t("conflict.empty")}</p>
            </blockquote>
            {name === "hoursPerWeek" ? (
              <HoursField label={t("conflict.mineOf", { field: label })} defaultValue={mine} />
            ) : (
              textarea(name, { label: t("conflict.mineOf", { field: label }), hint: "", defaultValue: mine })
            )}
          </div>
        );
      })}
      {part.key === "wishes" ? (
        conflict.saved.tasks.join("\n") === conflict.mine.tasks.join("\n") ? (
          conflict.mine.tasks.map((task, index) => <input key={index} type="hidden" name={`tasks[${index}]`} value={task} />)
        ) : (
          <div className="conflict__field">
            <h3>{t("parts.wishes.tasksLegend")}</h3>
            <p className="card__label">{t("conflict.savedTasks")}</p>
            {conflict.saved.tasks.length > 0 ? (
              <ul className="own-words prep-task-list">
                {conflict.saved.tasks.map((task, index) => (
                  <li key={`${index}-${task}`}>{task}</li>
                ))}
              </ul>
            ) : (
              <p className="own-words">{t("conflict.empty")}</p>
            )}
            <TaskInputs legend={t("conflict.mineTasks")} tasks={conflict.mine.tasks} count={Math.min(MAX_TASK_INPUTS, Math.max(MIN_TASK_INPUTS, conflict.mine.tasks.length + 1))} />
          </div>
        )
      ) : null}
      <div className="button-group">
        <button type="submit" name="intent" value="keep-mine" className="button">
          {t("conflict.keepMine")}
        </button>
        <button type="submit" name="intent" value="keep-saved" className="button button--secondary" formNoValidate>
          {t("conflict.keepSaved")}
        </button>
      </div>
    </div>
  );
}
