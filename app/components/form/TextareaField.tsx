import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "./Field";

/**
 * A labelled multi-line text field that says its limit before the person reaches it
 * (GOV.UK character count). With JavaScript a polite live count follows the typing;
 * without it the limit is still stated and the server checks it.
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
  const [length, setLength] = useState<number | null>(null);
  const left = length === null ? null : props.maxLength - length;
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
            onChange={(event) => setLength(event.currentTarget.value.length)}
          />
          <p id={`${id}-count`} className="field__hint character-count" aria-live="polite">
            {left === null
              ? t("form.charactersLimit", { max: props.maxLength })
              : left >= 0
                ? t("form.charactersLeft", { count: left })
                : t("form.charactersOver", { count: -left })}
          </p>
        </>
      )}
    </Field>
  );
}
