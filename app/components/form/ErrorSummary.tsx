import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface FieldError {
  /** The id of the input to move to (for a group: its first input). */
  fieldId: string;
  message: string;
}

/**
 * GOV.UK/DKFDS error summary: above the form, takes focus after a failed submit,
 * and each link moves focus to its field.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.fieldId + e.message).join("|");

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title" role="alert">
      <h2 id="error-summary-title" className="error-summary__title">
        {t("form.errorSummaryTitle")}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId + error.message}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                const field = document.getElementById(error.fieldId);
                if (!field) return;
                event.preventDefault();
                field.focus();
                field.closest("fieldset, .field")?.scrollIntoView({ block: "start" });
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
