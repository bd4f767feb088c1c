import { useTranslation } from "~/lib/i18n/react";
import { DateInput } from "~/components/form/DateInput";
import { ErrorMessage } from "~/components/form/Field";
import { formatDay } from "~/lib/dates";
import { formatDate, formatTime } from "~/lib/dates";
import { MAX_MONTHS, SHAREABLE_SCOPES } from "./scopes";

export function Checkbox(props: { name: string; value: string; id: string; label: React.ReactNode; hint?: React.ReactNode; defaultChecked: boolean }) {
  return (
    <div className="radios__item">
      <input
        className="radios__input"
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value}
        defaultChecked={props.defaultChecked}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
      />
      <label className="radios__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div id={`${props.id}-hint`} className="radios__hint">
          {props.hint}
        </div>
      ) : null}
    </div>
  );
}

export interface TermsValues {
  scopes: string[];
  network: boolean;
  mayComment: boolean;
  mayWriteMessages: boolean;
  bisidder: string[];
  validUntil: { day: string; month: string; year: string };
}

/**
 * What a grant allows and until when: the parts, the network map (its own fieldset, on purpose),
 * the comment right, the right to write in her messages, bisidder meetings and the end date. Used by "Inviter" and "Ret adgangen".
 */
export function TermsFields(props: {
  values: TermsValues;
  appointments: { id: string; title: string; startsAt: Date | string; supportPersonAllowed: boolean }[];
  latest: string;
  error: (name: "scopes" | "mayComment" | "mayWriteMessages" | "bisidder" | "validUntil") => string | undefined;
}) {
  const { t, i18n } = useTranslation("relatives");
  const language = i18n.language;
  const { values, appointments, error } = props;
  const describedBy = (id: string, hasError: boolean) => [`${id}-hint`, hasError ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <>
      <fieldset className={error("scopes") ? "field field--error fieldset" : "field fieldset"} aria-describedby={describedBy("scopes", Boolean(error("scopes")))}>
        <legend className="fieldset__legend">{t("form.scopesLegend")}</legend>
        <div id="scopes-hint" className="field__hint">
          {t("form.scopesHint")}
        </div>
        <ErrorMessage id="scopes" message={error("scopes")} />
        {SHAREABLE_SCOPES.map((scope, index) => (
          <Checkbox
            key={scope}
            id={index === 0 ? "scopes" : `scopes-${scope}`}
            name="scopes"
            value={scope}
            label={t(`scopes.${scope}`)}
            hint={t(`scopeHints.${scope}`)}
            defaultChecked={values.scopes.includes(scope)}
          />
        ))}
      </fieldset>

      <fieldset className="field fieldset" aria-describedby="network-hint">
        <legend className="fieldset__legend">{t("form.networkLegend")}</legend>
        <div id="network-hint" className="field__hint">
          {t("form.networkHint")}
        </div>
        <Checkbox id="network" name="scopes" value="network" label={t("form.networkLabel")} defaultChecked={values.network} />
      </fieldset>

      <fieldset
        className={error("mayComment") ? "field field--error fieldset" : "field fieldset"}
        aria-describedby={describedBy("mayComment", Boolean(error("mayComment")))}
      >
        <legend className="fieldset__legend">{t("form.commentLegend")}</legend>
        <div id="mayComment-hint" className="field__hint">
          {t("form.commentHint")}
        </div>
        <ErrorMessage id="mayComment" message={error("mayComment")} />
        <Checkbox id="mayComment" name="mayComment" value="yes" label={t("form.commentLabel")} defaultChecked={values.mayComment} />
      </fieldset>

      <fieldset
        className={error("mayWriteMessages") ? "field field--error fieldset" : "field fieldset"}
        aria-describedby={describedBy("mayWriteMessages", Boolean(error("mayWriteMessages")))}
      >
        <legend className="fieldset__legend">{t("form.writeMessagesLegend")}</legend>
        <div id="mayWriteMessages-hint" className="field__hint">
          {t("form.writeMessagesHint")}
        </div>
        <ErrorMessage id="mayWriteMessages" message={error("mayWriteMessages")} />
        <Checkbox
          id="mayWriteMessages"
          name="mayWriteMessages"
          value="yes"
          label={t("form.writeMessagesLabel")}
          defaultChecked={values.mayWriteMessages}
        />
      </fieldset>

      <fieldset
        className={error("bisidder") ? "field field--error fieldset" : "field fieldset"}
        aria-describedby={describedBy("bisidder", Boolean(error("bisidder")))}
      >
        <legend className="fieldset__legend">{t("form.bisidderLegend")}</legend>
        <div id="bisidder-hint" className="field__hint">
          {t("form.bisidderHint")}
        </div>
        <ErrorMessage id="bisidder" message={error("bisidder")} />
        {appointments.length === 0 ? <p>{t("form.bisidderNone")}</p> : null}
        {appointments.map((appointment, index) => (
          <Checkbox
            key={appointment.id}
            id={index === 0 ? "bisidder" : `bisidder-${appointment.id}`}
            name="bisidder"
            value={appointment.id}
            label={
              <>
                <span lang="da">{appointment.title}</span>, {formatDate(appointment.startsAt, language)}{" "}
                {t("list.at", { time: formatTime(appointment.startsAt, language) })}
              </>
            }
            hint={appointment.supportPersonAllowed ? undefined : t("form.bisidderAsk")}
            defaultChecked={values.bisidder.includes(appointment.id)}
          />
        ))}
      </fieldset>

      <DateInput
        name="validUntil"
        legend={t("form.endLegend")}
        hint={t("form.endHint", { months: MAX_MONTHS, latest: formatDay(props.latest, language) })}
        error={error("validUntil")}
        defaultValue={values.validUntil}
      />
    </>
  );
}
