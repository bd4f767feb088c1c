import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { RadioGroup } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { addDays, formatDayMonth, formatWeekday, weekNumber, weekStart } from "./calendar";
import { Notice, paths } from "./components";
import { ACTIVITIES, DIARY_DAYS_BACK, ENERGY_LEVELS, LIMITS, isActivity, isEnergyLevel, type Activity, type EnergyLevel } from "./levels";
import type { diaryPage } from "./pages.server";
import type { DiaryEntryView } from "./queries.server";
import { DIARY_FIELDS, diarySchema, limitValues } from "./schema";

type PageData = Awaited<ReturnType<typeof diaryPage>>;

export interface DiaryActionData {
  result: SubmissionResult<string[]>;
  conflict: { saved: DiaryEntryView } | null;
}

interface Values {
  energy?: EnergyLevel;
  activities: Activity[];
  note: string;
}

function fromTyped(initial: unknown): Values | null {
  if (!initial || typeof initial !== "object") return null;
  const typed = initial as Record<string, unknown>;
  const activities = Array.isArray(typed.activities) ? typed.activities : typed.activities === undefined ? [] : [typed.activities];
  return {
    energy: isEnergyLevel(typed.energy) ? typed.energy : undefined,
    activities: activities.filter(isActivity),
    note: typeof typed.note === "string" ? typed.note : "",
  };
}

/**
 * /saadan-gaar-det/dagbog: two taps (energy, what the day held) and an optional note; the week;
 * and, from seven days written, what her own days show, in words and never as a judgement.
 */
export function DiaryPage({ page, actionData }: { page: PageData; actionData: DiaryActionData | undefined }) {
  const { t, i18n } = useTranslation("progress");
  const language = i18n.language;
  const [form, fields] = useForm<z.input<typeof diarySchema>>({
    id: "progress-diary",
    lastResult: actionData?.result,
  });
  const conflict = actionData?.conflict ?? null;
  const translate = (key?: string) => (key ? t(key, limitValues) : undefined);
  const errors = summaryErrors(form.allErrors, DIARY_FIELDS, (key) => t(key, limitValues));
  // A refused day (too old, or in the future) is said at the top: the form shows a day she may write.
  if (form.allErrors.day?.[0]) errors.unshift({ fieldId: "energy", message: t(form.allErrors.day[0]) });
  const saved = page.entry;
  const values: Values = fromTyped(form.initialValue) ?? {
    energy: saved?.energy,
    activities: saved?.activities ?? [],
    note: saved?.note ?? "",
  };
  const version = conflict ? conflict.saved.version : (saved?.version ?? 0);
  const dayTitle = page.day === page.today ? t("diary.today", { day: formatWeekday(page.day, language) }) : formatWeekday(page.day, language);
  const dayLabel = dayTitle.charAt(0).toLocaleUpperCase(language) + dayTitle.slice(1);

  return (
    <>
      <PageTitle title={t("diary.title")} hasErrors={errors.length > 0 || conflict !== null} />
      <p className="back-link">
        <Link to={paths.home}>{t("back")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("diary.title")}</h1>
      <Notice id="diary-notice" text={page.notice ? t("diary.saved") : null} />
      <p className="lead">{t("diary.lead")}</p>
      <p>{t("diary.private")}</p>

      <section className="panel" aria-labelledby="diary-day">
        <h2 id="diary-day">{dayLabel}</h2>
        {conflict ? (
          <div className="conflict" data-focus-on-load="" tabIndex={-1} role="group" aria-labelledby="diary-conflict-title">
            <h3 id="diary-conflict-title">{t("diary.conflictTitle")}</h3>
            <p>{t("diary.conflictText")}</p>
            <DayText entry={conflict.saved} />
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="day" value={page.day} />
          <input type="hidden" name="version" value={version} />
          <div className="progress-scale">
            <RadioGroup
              name="energy"
              legend={t("diary.energy")}
              error={translate(fields.energy.errors?.[0])}
              defaultValue={values.energy}
              options={ENERGY_LEVELS.map((level) => ({ value: level, label: t(`energyLevels.${level}`) }))}
            />
          </div>
          <fieldset className="field fieldset" aria-describedby="activities-hint">
            <legend className="fieldset__legend">
              {t("diary.activities")} {t("common:form.optional")}
            </legend>
            <div id="activities-hint" className="field__hint">
              {t("diary.activitiesHint")}
            </div>
            <div className="radios progress-activities">
              {ACTIVITIES.map((activity, index) => {
                const id = index === 0 ? "activities" : `activities-${activity}`;
                return (
                  <div className="radios__item" key={activity}>
                    <input
                      className="radios__input"
                      type="checkbox"
                      id={id}
                      name="activities"
                      value={activity}
                      defaultChecked={values.activities.includes(activity)}
                    />
                    <label className="radios__label" htmlFor={id}>
                      {t(`diary.activity.${activity}`)}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <TextareaField
            id="note"
            name="note"
            label={t("diary.note")}
            optional
            maxLength={LIMITS.diaryNote}
            rows={3}
            error={translate(fields.note.errors?.[0])}
            defaultValue={values.note}
          />
          <button type="submit" className="button">
            {t("diary.save")}
          </button>
        </Form>
      </section>

      {page.patterns.length > 0 ? (
        <section aria-labelledby="patterns">
          <h2 id="patterns">{t("diary.patternsHeading")}</h2>
          {page.patterns.map((activity, index) => (
            <p key={activity}>
              {t(index === 0 ? "diary.patternFirst" : "diary.patternMore", { activity: t(`diary.activityPhrase.${activity}`) })}
            </p>
          ))}
          <p className="meta">{t("diary.patternsNote")}</p>
        </section>
      ) : null}

      <Week page={page} />
    </>
  );
}

/** An entry in words: energy, what the day held, her note. */
function DayText({ entry }: { entry: DiaryEntryView }) {
  const { t } = useTranslation("progress");
  return (
    <>
      <p>
        {t("diary.energyShort")}: {t(`energyLevels.${entry.energy}`)}
      </p>
      {entry.activities.length > 0 ? <p>{entry.activities.map((activity) => t(`diary.activity.${activity}`)).join(", ")}</p> : null}
      {entry.note ? <p className="pre-wrap-text">{entry.note}</p> : null}
    </>
  );
}

/** Monday to Sunday, each day in words, with a link to write about the days she still may. */
function Week({ page }: { page: PageData }) {
  const { t, i18n } = useTranslation("progress");
  const language = i18n.language;
  const days = Array.from({ length: 7 }, (_, index) => addDays(page.week, index));
  const byDay = new Map(page.weekEntries.map((entry) => [entry.day, entry]));
  const previous = addDays(page.week, -7);
  const next = addDays(page.week, 7);
  const oldestWritable = addDays(page.today, -DIARY_DAYS_BACK);
  return (
    <section aria-labelledby="week">
      <h2 id="week">{t("diary.weekHeading")}</h2>
      <p>
        {t("diary.week", {
          number: weekNumber(page.week),
          from: formatDayMonth(page.week, language),
          to: formatDayMonth(addDays(page.week, 6), language),
        })}
      </p>
      <ul className="progress-week">
        {days.map((day) => {
          const entry = byDay.get(day);
          const writable = day <= page.today && day >= oldestWritable;
          const name = formatWeekday(day, language);
          return (
            <li key={day} className={day === page.day ? "progress-week__day progress-week__day--chosen" : "progress-week__day"}>
              <h3 className="progress-week__name">{name.charAt(0).toLocaleUpperCase(language) + name.slice(1)}</h3>
              {entry ? <DayText entry={entry} /> : <p className="meta">{t("diary.notWritten")}</p>}
              {writable ? (
                <p>
                  <Link to={`${paths.diary}?dag=${day}#diary-day`}>
                    {entry ? t("diary.edit") : t("diary.write")}
                    <span className="visually-hidden">: {name}</span>
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ul className="progress-week-nav">
        <li>
          <Link to={`${paths.diary}?uge=${previous}#week`}>{t("diary.previousWeek")}</Link>
        </li>
        {next <= weekStart(page.today) ? (
          <li>
            <Link to={`${paths.diary}?uge=${next}#week`}>{t("diary.nextWeek")}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
