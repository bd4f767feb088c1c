import { Field } from "~/components/form/Field";
import { HOURS_MAX, RECOMMENDED_TASKS, TASK_MAX } from "./parts";
import { usePreparationText } from "./setting";

/** "Timer om ugen" on "Mine ønsker": a person's own words ("10-15", "op til 20"), with the unit after the box. */
export function HoursField(props: { label: string; hint?: string; defaultValue: string; error?: string }) {
  const { t } = usePreparationText();
  return (
    <Field id="hoursPerWeek" label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy, invalid }) => (
        <div className="prep-hours">
          <input
            id={id}
            name="hoursPerWeek"
            className="input input--width-10"
            autoComplete="off"
            spellCheck={false}
            defaultValue={props.defaultValue}
            aria-describedby={[describedBy, "hoursPerWeek-unit"].filter(Boolean).join(" ")}
            aria-invalid={invalid || undefined}
          />
          <span id="hoursPerWeek-unit" className="prep-hours__unit">
            {t("parts.wishes.hoursUnit")}
          </span>
          <span className="visually-hidden">{` (0-${HOURS_MAX})`}</span>
        </div>
      )}
    </Field>
  );
}

/** The work tasks: one line each, the same list as the CV's. No "add a line" button (works without JavaScript). */
export function TaskInputs(props: {
  legend: string;
  tasks: string[];
  count: number;
  errorFor?: (index: number) => string | undefined;
  withHelp?: boolean;
}) {
  const { t } = usePreparationText();
  const filled = props.tasks.filter((task) => task.trim().length > 0).length;
  return (
    <fieldset className="fieldset field prep-tasks" aria-describedby={props.withHelp ? "tasks-hint tasks-count" : undefined}>
      <legend className="fieldset__legend">{props.legend}</legend>
      {props.withHelp ? (
        <div id="tasks-hint" className="field__hint">
          <p>{t("parts.wishes.tasksHint")}</p>
          <p>{t("parts.wishes.tasksExamples")}</p>
          <p>{t("parts.wishes.tasksShared")}</p>
          <p>{t("common:form.charactersLimit", { max: TASK_MAX })}</p>
        </div>
      ) : null}
      {props.withHelp ? (
        <p id="tasks-count" className={filled < RECOMMENDED_TASKS ? "prep-task-count prep-task-count--few" : "prep-task-count"}>
          {t("parts.wishes.taskCount", { count: filled })} {filled < RECOMMENDED_TASKS ? t("parts.wishes.tasksFew") : null}
        </p>
      ) : null}
      {Array.from({ length: props.count }, (_, index) => {
        const error = props.errorFor?.(index);
        const id = `task-${index + 1}`;
        return (
          <div key={id} className={error ? "field field--error prep-task" : "field prep-task"}>
            <label htmlFor={id} className="field__label">
              {t("parts.wishes.taskLabel", { number: index + 1 })}
            </label>
            {error ? (
              <p id={`${id}-error`} className="error-message">
                <span className="visually-hidden">{t("common:errorTitlePrefix")}</span>
                {error}
              </p>
            ) : null}
            <input
              id={id}
              name={`tasks[${index}]`}
              className="input"
              defaultValue={props.tasks[index] ?? ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
