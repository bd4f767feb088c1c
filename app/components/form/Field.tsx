import { useTranslation } from "~/lib/i18n/react";

export interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

function describedBy(id: string, hint?: React.ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's inline error (`<id>-error`), for fields and fieldsets built by hand too. Nothing without a message. */
export function ErrorMessage({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="error-message">
      <span className="visually-hidden">{t("errorTitlePrefix")}</span>
      {message}
    </p>
  );
}

/**
 * A labelled form field with an optional hint and an inline error that says what to do.
 * `children` renders the control with the ids it must carry.
 */
export function Field(props: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  optional?: boolean;
  children(ids: FieldIds): React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <label htmlFor={props.id} className="field__label">
        {props.label}
        {props.optional ? ` ${t("form.optional")}` : null}
      </label>
      {props.hint ? (
        <div id={`${props.id}-hint`} className="field__hint">
          {props.hint}
        </div>
      ) : null}
      <ErrorMessage id={props.id} message={props.error} />
      {props.children({ id: props.id, describedBy: describedBy(props.id, props.hint, props.error), invalid: Boolean(props.error) })}
    </div>
  );
}

/** A group of radio buttons in a fieldset; the legend is the question. */
export function RadioGroup(props: {
  name: string;
  legend: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  options: { value: string; label: React.ReactNode; hint?: React.ReactNode }[];
  defaultValue?: string;
}) {
  const id = props.name;
  return (
    <fieldset
      className={props.error ? "field field--error fieldset" : "field fieldset"}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend className="fieldset__legend">{props.legend}</legend>
      {props.hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {props.hint}
        </div>
      ) : null}
      <ErrorMessage id={id} message={props.error} />
      <div className="radios">
        {props.options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="radios__item" key={option.value}>
              <input
                className="radios__input"
                type="radio"
                id={optionId}
                name={props.name}
                value={option.value}
                defaultChecked={props.defaultValue === option.value}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label className="radios__label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint ? (
                <div id={`${optionId}-hint`} className="radios__hint">
                  {option.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
