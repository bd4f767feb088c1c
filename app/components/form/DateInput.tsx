import { useTranslation } from "~/lib/i18n/react";

/**
 * A date as three text fields (day, month, year), as GOV.UK and DKFDS do: easy to type,
 * easy to correct, and no date picker to fight with. Field names are `<name>.day` etc.;
 * read them with `dateInputSchema` from ./schemas.
 */
export function DateInput(props: {
  name: string;
  legend: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  defaultValue?: { day?: string; month?: string; year?: string };
}) {
  const { t } = useTranslation();
  const id = props.name;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const parts = [
    { key: "day", label: t("form.day"), width: 2, autoComplete: undefined },
    { key: "month", label: t("form.month"), width: 2, autoComplete: undefined },
    { key: "year", label: t("form.year"), width: 4, autoComplete: undefined },
  ] as const;
  return (
    <fieldset
      className={props.error ? "field field--error fieldset" : "field fieldset"}
      role="group"
      aria-describedby={[hintId, props.error ? errorId : null].filter(Boolean).join(" ")}
    >
      <legend className="fieldset__legend">{props.legend}</legend>
      <div id={hintId} className="field__hint">
        {props.hint ?? t("form.dateHint")}
      </div>
      {props.error ? (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">{t("errorTitlePrefix")}</span>
          {props.error}
        </p>
      ) : null}
      <div className="date-input">
        {parts.map((part, index) => {
          const inputId = index === 0 ? id : `${id}-${part.key}`;
          return (
            <div className="date-input__item" key={part.key}>
              <label className="field__label" htmlFor={inputId}>
                {part.label}
              </label>
              <input
                id={inputId}
                name={`${props.name}.${part.key}`}
                className={`input input--width-${part.width}`}
                inputMode="numeric"
                defaultValue={props.defaultValue?.[part.key]}
                aria-invalid={props.error ? true : undefined}
                spellCheck={false}
              />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
