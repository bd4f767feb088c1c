import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Field } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { formatTime, formatWeekdayMoment } from "~/lib/dates";
import { LIMITS } from "./schema";
import type { RequestStatus } from "./status";

/** "Du får svar inden for 2 hverdage": the municipality's promise, from configuration. */
export function AnswerPromise({ workdays }: { workdays: number }) {
  const { t } = useTranslation("messages");
  return (
    <div className="notice">
      <p>{t("answerPromise", { count: workdays })}</p>
    </div>
  );
}

/** Messages are not for what cannot wait: the caseworker's phone, when we have it. */
export function CaseworkerPhone({ caseworker }: { caseworker: { name: string; phone: string | null } | null }) {
  const { t } = useTranslation("messages");
  if (!caseworker?.phone) return <p>{t("urgentNoPhone")}</p>;
  return (
    <p>
      {t("urgent", { name: caseworker.name })}{" "}
      <a href={`tel:${caseworker.phone.replace(/\s+/g, "")}`} className="emphasis">
        {caseworker.phone}
      </a>
    </p>
  );
}

const STATUS_TAG: Record<RequestStatus, string> = {
  received: "tag--grey",
  read: "tag--blue",
  answered: "tag--green",
  handled: "tag--green",
  new_time_proposed: "tag--new",
};

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation("messages");
  return <strong className={`tag ${STATUS_TAG[status]}`}>{t(`status.${status}`)}</strong>;
}

/**
 * Where a request stands, as steps: Modtaget → Læst → Besvaret (or "Ny tid foreslået"). Each step
 * says whether it has happened, in words, not by colour alone.
 */
export function StatusSteps({ status }: { status: RequestStatus }) {
  const { t } = useTranslation("messages");
  const reached = { received: 1, read: 2, answered: 3, handled: 3, new_time_proposed: 3 }[status];
  const last = status === "new_time_proposed" || status === "handled" ? status : "answered";
  const steps = ["received", "read", last] as const;
  return (
    <section aria-labelledby="status-heading" className="card messages-card">
      <h2 id="status-heading" className="card__label">
        {t("steps.heading")}
      </h2>
      <ol className="status-steps">
        {steps.map((step, index) => {
          const done = index < reached;
          return (
            <li key={step} className={done ? "status-steps__step status-steps__step--done" : "status-steps__step"}>
              <span aria-hidden="true" className="status-steps__mark">
                {done ? "✓" : ""}
              </span>
              {t(`status.${step}`)}
              <span className="visually-hidden">{done ? t("steps.done") : t("steps.notYet")}</span>
            </li>
          );
        })}
      </ol>
      <p>{t(`steps.explain.${status}`)}</p>
    </section>
  );
}

/**
 * The message form, with a draft: "Gem kladde" keeps the text without sending (a plain POST that
 * works without JavaScript); with JavaScript the text is also kept by itself a few seconds after
 * the person stops typing. `hidden` carries what the message is tied to and the one-time id.
 */
type MessageFormProps = {
  formId: string;
  hidden: Record<string, string>;
  subject?: { defaultValue: string; error?: string };
  body: { defaultValue: string; error?: string; label: string; hint?: string };
  sendLabel: string;
  draftSavedAt?: Date | null;
  /** When another action is the page's main one (answering a proposed time): a secondary button. */
  secondary?: boolean;
};

/**
 * With JavaScript (plain-page.js) the text is kept as a draft two seconds after she stops typing
 * (`data-autosave`: the same post as "Gem som kladde", intent autosave), and the line under the
 * box says when, in the words of `data-template`.
 */
export function MessageForm(props: MessageFormProps) {
  const { t, i18n } = useTranslation("messages");
  const savedAt = props.draftSavedAt ?? null;
  return (
    <Form method="post" id={props.formId} noValidate data-autosave="">
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.subject ? (
        <Field id="subject" label={t("form.subject")} hint={t("form.subjectHint")} error={props.subject.error}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="subject"
              type="text"
              className="input"
              maxLength={LIMITS.subject}
              defaultValue={props.subject!.defaultValue}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
      ) : null}
      <TextareaField
        id="body"
        name="body"
        label={props.body.label}
        hint={props.body.hint ?? t("form.bodyHint")}
        maxLength={LIMITS.body}
        rows={6}
        defaultValue={props.body.defaultValue}
        error={props.body.error}
      />
      <p className="field__hint" aria-live="polite" data-draft-status="" data-template={t("form.draftSavedAt", { time: "{time}" })}>
        {savedAt ? t("form.draftSavedAt", { time: formatTime(savedAt, i18n.language) }) : null}
      </p>
      <div className="button-group">
        <button type="submit" name="intent" value="send" className={props.secondary ? "button button--secondary" : "button"}>
          {props.sendLabel}
        </button>
        <button type="submit" name="intent" value="draft" className="button button--secondary">
          {t("form.saveDraft")}
        </button>
      </div>
    </Form>
  );
}

/** "mandag den 7. december kl. 10.12". */
export function useWhen() {
  const { i18n } = useTranslation();
  return (value: Date | string) => formatWeekdayMoment(value, i18n.language);
}
