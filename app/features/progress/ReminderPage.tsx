import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Field } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";
import { paths } from "./components";

const DAYS = Array.from({ length: 28 }, (_, index) => index + 1);

/**
 * /saadan-gaar-det/paamindelse: the day of the month she wants to be reminded. One choice, no
 * version: the newest choice wins. Says honestly where the reminder shows (the overview), since
 * no e-mail or SMS is sent for it.
 */
export function ReminderPage({ reminderDay, refused }: { reminderDay: number | null; refused: boolean }) {
  const { t } = useTranslation("progress");
  const error = refused ? t("reminder.errors.day") : undefined;
  return (
    <>
      <PageTitle title={t("reminder.title")} hasErrors={refused} />
      <p className="back-link">
        <Link to={paths.home}>{t("back")}</Link>
      </p>
      <ErrorSummary errors={error ? [{ fieldId: "reminderDay", message: error }] : []} />
      <h1 tabIndex={-1}>{t("reminder.title")}</h1>
      <p className="lead">{t("reminder.intro")}</p>
      <p>{t("reminder.where")}</p>
      <Form method="post" noValidate>
        <Field id="reminderDay" label={t("reminder.label")} hint={t("reminder.hint")} error={error}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="reminderDay"
              className="input progress-select"
              defaultValue={reminderDay ?? 1}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            >
              {DAYS.map((day) => (
                <option key={day} value={day}>
                  {t("reminder.option", { day })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button">
          {t("reminder.save")}
        </button>
      </Form>
    </>
  );
}
