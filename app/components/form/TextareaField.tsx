import { useTranslation } from "~/lib/i18n/react";
import { Field } from "./Field";

/**
 * A labelled multi-line text field that says its limit before the person reaches it
 * (GOV.UK character count). With JavaScript (plain-page.js) a polite live count follows the
 * typing, in the words these attributes carry; without it the limit is still stated and the
 * server checks it.
 */
export function TextareaField(props: {
  id: string;
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  optional?: boolean;
  maxLength: number;
  rows?: number;
  defaultValue?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error} optional={props.optional}>
      {({ id, describedBy, invalid }) => (
        <>
          <textarea
            id={id}
            name={props.name}
            className="textarea"
            rows={props.rows ?? 5}
            defaultValue={props.defaultValue}
            aria-describedby={[describedBy, `${id}-count`].filter(Boolean).join(" ")}
            aria-invalid={invalid || undefined}
            data-max-length={props.maxLength}
          />
          <p
            id={`${id}-count`}
            className="field__hint character-count"
            aria-live="polite"
            data-left={t("form.charactersLeft", { count: 2, replace: { count: "{count}" } })}
            data-left-one={t("form.charactersLeft", { count: 1 })}
            data-over={t("form.charactersOver", { count: 2, replace: { count: "{count}" } })}
            data-over-one={t("form.charactersOver", { count: 1 })}
          >
            {t("form.charactersLimit", { max: props.maxLength })}
          </p>
        </>
      )}
    </Field>
  );
}
