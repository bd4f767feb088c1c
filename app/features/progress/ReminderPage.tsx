import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Field } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";
import { NOTIFICATION_SETTINGS_PATH } from "~/features/notifications";
import { paths } from "./components";
import { NO_REMINDER } from "./schema";

const DAYS = Array.from({ length: 28 }, (_, index) => index + 1);

/**
 * /saadan-gaar-det/paamindelse: the day of the month she wants to be reminded, or no reminder. One
 * choice, no version: the newest choice wins. Says where the reminder shows (the overview) and that
 * on that day an e-mail or SMS comes too, by the channels she chose under "Sådan får du besked"
 * (at most once a month, none once she has answered; migration 0032).
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
      <p>{t("reminder.once")}</p>
      <p>
        <Link to={NOTIFICATION_SETTINGS_PATH}>{t("reminder.channelsLink")}</Link>
      </p>
      <Form method="post" noValidate>
        <Field id="reminderDay" label={t("reminder.label")} hint={t("reminder.hint")} error={error}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="reminderDay"
              className="input progress-select"
              defaultValue={reminderDay ?? NO_REMINDER}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            >
              <option value={NO_REMINDER}>{t("reminder.none")}</option>
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
