import { useTranslation } from "~/lib/i18n/react";

export interface FieldError {
  /** The id of the input to move to (for a group: its first input). */
  fieldId: string;
  message: string;
}

/**
 * GOV.UK/DKFDS error summary: above the form. The page's script (plain-page.js) gives it focus
 * when the page loads, and makes each link move focus to its field with its label in view;
 * without JavaScript each link still goes to its field.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" tabIndex={-1} aria-labelledby="error-summary-title" role="alert">
      <h2 id="error-summary-title" className="error-summary__title">
        {t("form.errorSummaryTitle")}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId + error.message}>
            <a href={`#${error.fieldId}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
