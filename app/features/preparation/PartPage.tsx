import { getFormProps, useForm } from "@conform-to/react";
import { newMessageHref } from "~/features/messages";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import type { Route } from "./routes/+types/preparation-part";
import { ErrorSummary, type FieldError } from "~/components/form/ErrorSummary";
import { RadioGroup } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { useFormatWhen } from "~/features/appointments";
import { fieldLabel, questionNames } from "./components";
import { FromCv, FromNetworkMap, WhoReads } from "./FromElsewhere";
import { PartConflict, type TextareaOptions } from "./PartConflict";
import { HoursField, TaskInputs } from "./PartFields";
import {
  ABILITY_AREAS,
  MAX_TASK_INPUTS,
  MIN_TASK_INPUTS,
  STEP_COUNT,
  TASK_MAX,
  partByKey,
  stepNumber,
  type PartDefinition,
  type PartKey,
} from "./parts";
import { RemarkList } from "./RemarkList";
import type { PartConflict as Conflict } from "./schema";
import { usePreparationText } from "./setting";

function maxOf(part: PartDefinition, name: string): number {
  return part.fields.find((field) => field.name === name)?.max ?? 0;
}

/**
 * One part of the preparation (parts 2-8): its questions, "Er du færdig med denne del?", and the
 * two save buttons; after a conflict, both versions (PartConflict). Errors in form order, each
 * linking to its field, with the field's name and limit in the message.
 */
export function PartPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = usePreparationText();
  const formatWhen = useFormatWhen();
  const part = partByKey(loaderData.key as PartKey);
  const { state } = loaderData;
  const conflict = actionData?.conflict as Conflict | null | undefined;
  const [form] = useForm({
    id: `preparation-${part.slug}`,
    lastResult: !conflict ? actionData?.result : null,
  });
  const title = t(`parts.${part.key}.title`);
  const typed = (actionData?.result && !conflict ? actionData.result.initialValue : null) as Record<string, unknown> | null;
  const typedText = (name: string) => (typed ? (typeof typed[name] === "string" ? (typed[name] as string) : "") : state.answers[name] ?? "");
  const typedTasks: string[] = typed
    ? (Array.isArray(typed.tasks) ? typed.tasks : []).map((item) => (typeof item === "string" ? item : ""))
    : state.tasks;
  const taskInputs = Math.min(MAX_TASK_INPUTS, Math.max(MIN_TASK_INPUTS, typedTasks.filter(Boolean).length + 2));

  // Errors in form order, each linking to its field, with the field's name and limit in the message.
  const errorFor = (name: string): string | undefined => {
    const key = form.allErrors[name]?.[0];
    if (!key) return undefined;
    const task = /^tasks\[(\d+)\]$/.exec(name);
    if (task) return t(key, { number: Number(task[1]) + 1, max: TASK_MAX });
    return t(key, { label: fieldLabel(t, part.key, name), max: maxOf(part, name) });
  };
  const errors: FieldError[] = [];
  if (conflict) {
    const first = questionNames(part.key).find((name) => (conflict.saved.answers[name] ?? "") !== (conflict.mine.answers[name] ?? ""));
    errors.push({ fieldId: first ?? "task-1", message: t("conflict.title") });
  }
  for (const name of questionNames(part.key)) {
    const message = errorFor(name);
    if (message) errors.push({ fieldId: name, message });
  }
  for (let index = 0; index < taskInputs; index++) {
    const message = errorFor(`tasks[${index}]`);
    if (message) errors.push({ fieldId: `task-${index + 1}`, message });
  }

  const doneDefault = typed
    ? typeof typed.done === "string"
      ? typed.done
      : undefined
    : state.status === "done"
      ? "yes"
      : state.status === "in_progress"
        ? "no"
        : undefined;

  const textarea = (name: string, options: TextareaOptions = {}) => {
    const field = part.fields.find((candidate) => candidate.name === name)!;
    return (
      <TextareaField
        key={name}
        id={options.id ?? name}
        name={name}
        label={options.label ?? t(`parts.${part.key}.fields.${name}.label`)}
        hint={options.hint === undefined ? t(`parts.${part.key}.fields.${name}.hint`) : options.hint || undefined}
        maxLength={field.max}
        rows={field.rows}
        defaultValue={options.defaultValue ?? typedText(name)}
        error={errorFor(name)}
      />
    );
  };

  return (
    <>
      <PageTitle title={title} hasErrors={errors.length > 0} />
      <p className="back-link">
        <Link to="/forberedelse">{t("form.back")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      {loaderData.savedKey && !actionData ? (
        <div className="notice" role="status">
          <p>{t("form.saved", { part: t(`parts.${loaderData.savedKey}.title`) })}</p>
        </div>
      ) : null}
      <p className="prep-caption">{t("form.stepOf", { step: stepNumber(part), total: STEP_COUNT })}</p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t(`parts.${part.key}.intro`)}</p>
      {part.key !== "challenges" ? <p>{t("form.allOptional")}</p> : null}

      {state.share.kind === "shared" ? (
        <p className="meta">{t("form.sharedNote", { when: formatWhen(new Date(state.share.sharedAt)) })}</p>
      ) : state.share.kind === "changed" ? (
        <div className="notice">
          <p>{t("form.changedNote", { when: formatWhen(new Date(state.share.sharedAt)) })}</p>
        </div>
      ) : null}

      {loaderData.remarkChoice && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`remarks.choice.${loaderData.remarkChoice}`)}</p>
        </div>
      ) : null}
      <RemarkList remarks={loaderData.remarks} back={part.slug} />

      {part.key === "challenges" ? <WhoReads /> : null}
      {part.key === "education_work" ? <FromCv entries={loaderData.cv} /> : null}
      {part.key === "network" ? <FromNetworkMap people={loaderData.network} /> : null}

      <Form
        method="post"
        {...getFormProps(form)}
        className="prep-form"
      >
        {conflict ? (
          <PartConflict part={part} conflict={conflict} textarea={textarea} />
        ) : (
          <>
            <input type="hidden" name="version" value={state.version} />
            {part.key === "abilities"
              ? ABILITY_AREAS.map((area) => (
                  <fieldset key={area} className="fieldset prep-area" aria-describedby={`${area}-area-hint`}>
                    <legend className="fieldset__legend">{t(`parts.abilities.areas.${area}.legend`)}</legend>
                    <div id={`${area}-area-hint`} className="field__hint">
                      {t(`parts.abilities.areas.${area}.hint`)}
                    </div>
                    {textarea(`${area}How`, { label: t("parts.abilities.how"), hint: "" })}
                    {textarea(`${area}Helps`, { label: t("parts.abilities.helps"), hint: "" })}
                  </fieldset>
                ))
              : part.key === "wishes"
                ? (
                    <>
                      {textarea("workWish")}
                      <HoursField
                        label={t("parts.wishes.hoursLabel")}
                        hint={t("parts.wishes.hoursHint")}
                        defaultValue={typedText("hoursPerWeek")}
                        error={errorFor("hoursPerWeek")}
                      />
                      {textarea("accommodations")}
                      <input type="hidden" name="tasksBaseline" value={JSON.stringify(state.tasks)} />
                      <TaskInputs
                        legend={t("parts.wishes.tasksLegend")}
                        tasks={typedTasks}
                        count={taskInputs}
                        errorFor={(index) => errorFor(`tasks[${index}]`)}
                        withHelp
                      />
                    </>
                  )
                : part.fields.map((field) => textarea(field.name))}

            <RadioGroup
              name="done"
              legend={t("form.doneLegend")}
              hint={t("form.doneHint")}
              options={[
                { value: "yes", label: t("form.doneYes") },
                { value: "no", label: t("form.doneNo") },
              ]}
              defaultValue={doneDefault}
            />
            <div className="button-group">
              <button type="submit" name="intent" value="continue" className="button">
                {t("form.saveContinue")}
              </button>
              <button type="submit" name="intent" value="later" className="button button--secondary">
                {t("form.saveLater")}
              </button>
            </div>
            {state.updatedAt ? (
              <p className="meta">{t("form.lastSaved", { when: formatWhen(new Date(state.updatedAt)) })}</p>
            ) : null}
          </>
        )}
      </Form>
      <p>
        <Link to={newMessageHref({ preparationPart: part.slug })}>{t("form.writeAbout")}</Link>
      </p>
    </>
  );
}
