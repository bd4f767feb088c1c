import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/preparation-part";
import { ErrorSummary, type FieldError } from "~/components/form/ErrorSummary";
import { Field, RadioGroup } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { useFormatWhen } from "~/features/appointments/components";
import { savePart, type SavedPart } from "~/features/preparation/commands.server";
import { fieldLabel } from "~/features/preparation/components";
import {
  ABILITY_AREAS,
  HOURS_MAX,
  MAX_TASK_INPUTS,
  MIN_TASK_INPUTS,
  RECOMMENDED_TASKS,
  STEP_COUNT,
  TASK_MAX,
  isWritable,
  nextPath,
  partByKey,
  partBySlug,
  stepNumber,
  type Answers,
  type PartDefinition,
  type PartKey,
} from "~/features/preparation/parts";
import { getCvSummary, getNetworkSummary, getPart, type CvSummaryEntry, type NetworkSummaryPerson } from "~/features/preparation/queries.server";
import { RemarkList } from "~/features/preparation/RemarkList";
import { listRemarks } from "~/features/preparation/remarks.server";
import { partSchema, toPartInput } from "~/features/preparation/schema";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { Tag } from "~/components/ui/Tag";
import { useFocusAfterFrame } from "~/components/ui/focus";
import { participantActor } from "~/lib/actor.server";

function writablePart(slug: string | undefined) {
  const part = partBySlug(slug);
  if (!part || !isWritable(part)) throw notFound();
  return part;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const part = writablePart(params.part);
  const participantId = user.participant.id;
  const [state, cv, network, remarks] = await Promise.all([
    getPart(participantId, part.key),
    part.key === "education_work" ? getCvSummary(participantId) : Promise.resolve([] as CvSummaryEntry[]),
    part.key === "network" ? getNetworkSummary(participantId) : Promise.resolve([] as NetworkSummaryPerson[]),
    listRemarks(participantId),
  ]);
  const url = new URL(request.url);
  const saved = partBySlug(url.searchParams.get("gemt") ?? undefined);
  const remarkChoice = url.searchParams.get("bemaerkning");
  return {
    slug: part.slug,
    key: part.key,
    state,
    cv,
    network,
    savedKey: saved?.key ?? null,
    // Relatives' remarks on this part ("Jonas' bemærkninger"), and the choice just made, if any.
    remarks: remarks.filter((remark) => remark.partKey === part.key),
    remarkChoice: remarkChoice === "med" || remarkChoice === "ikke-med" ? remarkChoice : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const part = writablePart(params.part);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/forberedelse/${part.slug}`;
  // "Behold den gemte udgave" after a conflict: nothing to write.
  if (intent === "keep-saved") return redirect(here);
  const submission = parseSubmission(formData, { schema: partSchema(part) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const input = toPartInput(part, submission.value as Record<string, unknown>);
  const result = await savePart(
    participantActor(context, user),
    part.key,
    input,
  );
  if (result.status === "conflict") {
    // Nothing the person typed is lost: both versions go back to the page.
    return data(
      {
        result: submission.reply(),
        conflict: { saved: result.saved, mine: { answers: input.answers, tasks: input.tasks ?? [], done: input.done ?? "" } },
      },
      { status: 409 },
    );
  }
  if (intent === "later") return redirect(`/forberedelse?gemt=${part.slug}`);
  if (intent === "keep-mine") return redirect(`${here}?gemt=${part.slug}`);
  return redirect(`${nextPath(part)}?gemt=${part.slug}`);
}

interface Conflict {
  saved: SavedPart;
  mine: { answers: Answers; tasks: string[]; done: string };
}

/** All answer names of a part in form order (the free texts, and for "Mine ønsker" the hours). */
function answerNames(part: PartDefinition): string[] {
  const names = part.fields.map((field) => field.name);
  if (part.key === "wishes") names.splice(1, 0, "hoursPerWeek");
  return names;
}

function maxOf(part: PartDefinition, name: string): number {
  return part.fields.find((field) => field.name === name)?.max ?? 0;
}

export default function PreparationPartPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("preparation");
  const formatWhen = useFormatWhen();
  const navigation = useNavigation();
  const idle = navigation.state === "idle";
  const part = partByKey(loaderData.key as PartKey);
  const { state } = loaderData;
  const schema = useMemo(() => partSchema(part), [part]);
  const conflict = (idle ? actionData?.conflict : null) as Conflict | null | undefined;
  const [form] = useForm({
    id: `preparation-${part.slug}`,
    lastResult: idle && !conflict ? actionData?.result : null,
    onValidate: conflict ? undefined : ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const title = t(`parts.${part.key}.title`);
  const typed = (idle && actionData?.result && !conflict ? actionData.result.initialValue : null) as Record<string, unknown> | null;
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
    const first = answerNames(part).find((name) => (conflict.saved.answers[name] ?? "") !== (conflict.mine.answers[name] ?? ""));
    errors.push({ fieldId: first ?? "task-1", message: t("conflict.title") });
  }
  for (const name of answerNames(part)) {
    const message = errorFor(name);
    if (message) errors.push({ fieldId: name, message });
  }
  for (let index = 0; index < taskInputs; index++) {
    const message = errorFor(`tasks[${index}]`);
    if (message) errors.push({ fieldId: `task-${index + 1}`, message });
  }

  const conflictRef = useRef<HTMLDivElement>(null);
  useFocusAfterFrame(conflict ? conflictRef : null, conflict);

  const doneDefault = typed
    ? typeof typed.done === "string"
      ? typed.done
      : undefined
    : state.status === "done"
      ? "yes"
      : state.status === "in_progress"
        ? "no"
        : undefined;

  const textarea = (name: string, options: { label?: string; hint?: string; defaultValue?: string; id?: string } = {}) => {
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
        key={conflict ? `conflict-${conflict.saved.version}` : `${part.slug}-${state.version}`}
        className="prep-form"
      >
        {conflict ? (
          <div ref={conflictRef} tabIndex={-1} className="conflict prep-conflict" role="group" aria-labelledby="conflict-title">
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
            {answerNames(part).map((name) => {
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
    </>
  );
}

function HoursField(props: { label: string; hint?: string; defaultValue: string; error?: string }) {
  const { t } = useTranslation("preparation");
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
function TaskInputs(props: {
  legend: string;
  tasks: string[];
  count: number;
  errorFor?: (index: number) => string | undefined;
  withHelp?: boolean;
}) {
  const { t } = useTranslation("preparation");
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

/** "Fra dit CV": what the participant already wrote in the CV, so they need not type it twice. */
function FromCv({ entries }: { entries: CvSummaryEntry[] }) {
  const { t } = useTranslation("preparation");
  return (
    <section className="panel prep-from" aria-labelledby="from-cv-heading">
      <h2 id="from-cv-heading">{t("parts.education_work.fromCvHeading")}</h2>
      {entries.length > 0 ? (
        <>
          <p>{t("parts.education_work.fromCvText")}</p>
          <ul className="plain-list prep-from__list">
            {entries.map((entry, index) => {
              const period = entry.fromText
                ? entry.isOngoing || !entry.toText
                  ? t("parts.education_work.ongoing", { from: entry.fromText })
                  : entry.toText === entry.fromText
                    ? entry.fromText
                    : t("parts.education_work.period", { from: entry.fromText, to: entry.toText })
                : null;
              return (
                <li key={`${index}-${entry.title}`}>
                  <span className="card__label">{t(`parts.education_work.kinds.${entry.kind}`)}</span>
                  <br />
                  <span className="emphasis">{entry.title}</span>
                  {entry.organisation ? `, ${entry.organisation}` : null}
                  {period ? ` (${period})` : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p>{t("parts.education_work.noCv")}</p>
      )}
      <p>
        <Link to="/cv">{t("parts.education_work.cvLink")}</Link>
      </p>
    </section>
  );
}

/** People from the network map: names, relation and who they want at the meeting. Never whether someone helps or holds back. */
function FromNetworkMap({ people }: { people: NetworkSummaryPerson[] }) {
  const { t } = useTranslation("preparation");
  return (
    <section className="panel prep-from" aria-labelledby="from-map-heading">
      <h2 id="from-map-heading">{t("parts.network.fromMapHeading")}</h2>
      {people.length > 0 ? (
        <>
          <p>{t("parts.network.fromMapText")}</p>
          <ul className="plain-list prep-from__list">
            {people.map((person, index) => (
              <li key={`${index}-${person.name}`}>
                <span className="emphasis">{person.name}</span>
                {person.relation ? `, ${person.relation}` : null}
                {person.wantedAtMeeting ? (
                  <>
                    <br />
                    <Tag tone="blue">{t("parts.network.wanted")}</Tag>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("parts.network.noMap")}</p>
      )}
      <p>
        <Link to="/netvaerk">{t("parts.network.mapLink")}</Link>
      </p>
    </section>
  );
}

function WhoReads() {
  const { t } = useTranslation("preparation");
  const items = t("parts.challenges.whoReads", { returnObjects: true }) as unknown;
  return (
    <section className="notice prep-who-reads" aria-labelledby="who-reads-heading">
      <h2 id="who-reads-heading">{t("parts.challenges.whoReadsHeading")}</h2>
      <ul>
        {(Array.isArray(items) ? (items as string[]) : []).map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{t("form.allOptional")}</p>
    </section>
  );
}
