import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { ErrorMessage, Field } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { PROGRESS_REMINDER_PATH } from "~/features/progress";
import { possessiveName } from "~/lib/addressee";
import type { SettingsPageData, SettingsView } from "./queries.server";
import { HOURS, REMINDER_CHOICES, settingsSchema } from "./schema";

export interface SettingsActionData {
  result: SubmissionResult<string[]>;
  conflict: { saved: SettingsView; savedVersion: number } | null;
}

const FIELD_ORDER = ["email", "phone", "meetingReminders", "quietFrom", "quietUntil"];

function Checkbox(props: { name: string; value: string; id: string; label: React.ReactNode; defaultChecked: boolean; describedBy?: string }) {
  return (
    <div className="radios__item">
      <input
        className="radios__input"
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value}
        defaultChecked={props.defaultChecked}
        aria-describedby={props.describedBy}
      />
      <label className="radios__label" htmlFor={props.id}>
        {props.label}
      </label>
    </div>
  );
}

/** "Sådan får du besked" (/indstillinger): how and when the signed-in person is told. */
export function SettingsPage({ loaderData, actionData }: { loaderData: SettingsPageData & { saved: boolean }; actionData?: SettingsActionData }) {
  const { t, i18n } = useTranslation("notifications");
  const conflict = actionData?.conflict ?? null;
  const [form, fields] = useForm<z.input<typeof settingsSchema>>({
    lastResult: actionData?.result,
  });
  const translate = (key: string) => t(key);
  const errors = summaryErrors(form.allErrors, FIELD_ORDER, translate);
  const errorOf = (name: "email" | "phone" | "meetingReminders" | "quietFrom" | "quietUntil") => {
    const key = fields[name].errors?.[0];
    return key ? translate(key) : undefined;
  };

  // After a refused or conflicting post, the form shows what the person chose; otherwise what is saved.
  const submitted = Boolean(actionData);
  const { settings, copies, isParticipant } = loaderData;
  const typed = (name: keyof typeof fields) => fields[name].initialValue as string | string[] | undefined;
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const ticked = (name: "byEmail" | "bySms" | "newMessages" | "agreementReminders", saved: boolean) => (submitted ? typed(name) === "yes" : saved);
  const text = (name: "email" | "phone", saved: string) => (submitted ? ((typed(name) as string | undefined) ?? "") : saved);
  const chosenMinutes = submitted ? list(typed("meetingReminders")) : settings.meetingReminderMinutes.map(String);
  const chosenCopies = submitted ? list(typed("copies")) : copies.filter((copy) => copy.reminderCopy).map((copy) => copy.participantId);
  const hourOf = (name: "quietFrom" | "quietUntil", saved: string) => (submitted ? ((typed(name) as string | undefined) ?? saved) : saved);
  const hourLabel = (hour: string) => t("form.hour", { hour });
  const version = conflict ? conflict.savedVersion : settings.version;
  const minutesLabel = (minutes: number) => t(`form.minutes.${minutes}`);
  const yesNo = (value: boolean) => t(value ? "conflict.yes" : "conflict.no");

  return (
    <>
      <PageTitle title={conflict ? t("conflict.title") : t("title")} hasErrors={errors.length > 0 || Boolean(conflict)} />
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>{t("privacy")}</p>
      {loaderData.saved && !actionData ? (
        <SavedNotice>
          <p>{t("saved")}</p>
        </SavedNotice>
      ) : null}
      {!submitted && !settings.byEmail && !settings.bySms ? <p className="notice">{t("form.noneChosen")}</p> : null}
      {conflict ? (
        <div data-focus-on-load="" tabIndex={-1} className="notice notice--warning plan-conflict" role="group" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("conflict.title")}</h2>
          <p>{t("conflict.text")}</p>
          <SummaryList>
            <SummaryRow label={t("conflict.channels")}>
              {[conflict.saved.byEmail ? t("form.byEmail") : null, conflict.saved.bySms ? t("form.bySms") : null].filter(Boolean).join(", ") ||
                t("conflict.none")}
            </SummaryRow>
            <SummaryRow label={t("conflict.meetings")}>
              {conflict.saved.meetingReminderMinutes.map(minutesLabel).join(", ") || t("conflict.none")}
            </SummaryRow>
            <SummaryRow label={t("conflict.newMessages")}>{yesNo(conflict.saved.newMessages)}</SummaryRow>
            <SummaryRow label={t("conflict.quiet")}>
              {t("conflict.quietRange", { from: hourLabel(conflict.saved.quietFrom), until: hourLabel(conflict.saved.quietUntil) })}
            </SummaryRow>
          </SummaryList>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />

        <fieldset className="field fieldset" aria-describedby="channels-hint">
          <legend className="fieldset__legend">{t("form.channelsLegend")}</legend>
          <div id="channels-hint" className="field__hint">
            {t("form.channelsHint")}
          </div>
          <Checkbox name="byEmail" value="yes" id="byEmail" label={t("form.byEmail")} defaultChecked={ticked("byEmail", settings.byEmail)} />
          <div className="notifications-reveal">
            <Field id="email" label={t("form.email")} hint={t("form.emailHint")} error={errorOf("email")}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="email"
                  type="email"
                  className="input"
                  autoComplete="email"
                  spellCheck={false}
                  defaultValue={text("email", settings.email)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                />
              )}
            </Field>
          </div>
          <Checkbox name="bySms" value="yes" id="bySms" label={t("form.bySms")} defaultChecked={ticked("bySms", settings.bySms)} />
          <div className="notifications-reveal">
            <Field id="phone" label={t("form.phone")} hint={t("form.phoneHint")} error={errorOf("phone")}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="phone"
                  type="tel"
                  className="input input--width-10"
                  autoComplete="tel"
                  defaultValue={text("phone", settings.phone)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <h2>{t("form.aboutLegend")}</h2>
        <fieldset
          className={errorOf("meetingReminders") ? "field field--error fieldset" : "field fieldset"}
          aria-describedby={["meetingReminders-hint", errorOf("meetingReminders") ? "meetingReminders-error" : null].filter(Boolean).join(" ")}
        >
          <legend className="fieldset__legend">{t("form.meetingsLegend")}</legend>
          <div id="meetingReminders-hint" className="field__hint">
            {t("form.meetingsHint")}
          </div>
          <ErrorMessage id="meetingReminders" message={errorOf("meetingReminders")} />
          {REMINDER_CHOICES.map((minutes, index) => (
            <Checkbox
              key={minutes}
              name="meetingReminders"
              value={String(minutes)}
              id={index === 0 ? "meetingReminders" : `meetingReminders-${minutes}`}
              label={minutesLabel(minutes)}
              defaultChecked={chosenMinutes.includes(String(minutes))}
            />
          ))}
        </fieldset>
        <fieldset className="field fieldset">
          <legend className="fieldset__legend">{t("form.otherLegend")}</legend>
          <Checkbox name="newMessages" value="yes" id="newMessages" label={t("form.newMessages")} defaultChecked={ticked("newMessages", settings.newMessages)} />
          {isParticipant ? (
            <Checkbox
              name="agreementReminders"
              value="yes"
              id="agreementReminders"
              label={t("form.agreementReminders")}
              defaultChecked={ticked("agreementReminders", settings.agreementReminders)}
            />
          ) : null}
          {isParticipant ? (
            <p>
              {t("form.checkinHint")} <Link to={PROGRESS_REMINDER_PATH}>{t("form.checkinLink")}</Link>
            </p>
          ) : null}
        </fieldset>

        {copies.length > 0 ? (
          <fieldset className="field fieldset" aria-describedby="copies-hint">
            <legend className="fieldset__legend">{t("form.copiesLegend")}</legend>
            <div id="copies-hint" className="field__hint">
              {t("form.copiesHint")}
            </div>
            {copies.map((copy) =>
              copy.mayCopy ? (
                <Checkbox
                  key={copy.participantId}
                  name="copies"
                  value={copy.participantId}
                  id={`copies-${copy.participantId}`}
                  label={t("form.copy", { possessive: possessiveName(copy.firstName, i18n.language) })}
                  defaultChecked={chosenCopies.includes(copy.participantId)}
                />
              ) : (
                <p key={copy.participantId}>{t("form.noCopy", { name: copy.firstName })}</p>
              ),
            )}
          </fieldset>
        ) : null}

        <fieldset
          className={errorOf("quietFrom") || errorOf("quietUntil") ? "field field--error fieldset" : "field fieldset"}
          aria-describedby="quiet-hint"
        >
          <legend className="fieldset__legend">{t("form.quietLegend")}</legend>
          <div id="quiet-hint" className="field__hint">
            {t("form.quietHint")}
          </div>
          <div className="quiet-hours">
            {(["quietFrom", "quietUntil"] as const).map((name) => (
              <div className="quiet-hours__field" key={name}>
                <label htmlFor={name} className="field__label">
                  {t(`form.${name}`)}
                </label>
                <ErrorMessage id={name} message={errorOf(name)} />
                <select
                  id={name}
                  name={name}
                  className="input quiet-hours__select"
                  defaultValue={hourOf(name, name === "quietFrom" ? settings.quietFrom : settings.quietUntil)}
                  aria-describedby={errorOf(name) ? `${name}-error` : undefined}
                  aria-invalid={errorOf(name) ? true : undefined}
                >
                  {HOURS.map((hour) => (
                    <option key={hour} value={hour}>
                      {hourLabel(hour)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>

        <div className="button-group">
          <button type="submit" className="button">
            {t("submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

/** "Dine valg er gemt": a calm notice that takes focus after the redirect. */
function SavedNotice({ children }: { children: React.ReactNode }) {
  return (
    <div data-focus-on-load="" className="notice notifications-status" id="notifications-status" tabIndex={-1} role="status">
      {children}
    </div>
  );
}
