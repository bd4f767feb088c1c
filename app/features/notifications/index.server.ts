/**
 * The notifications area's server face (issue 18): how and when a person is told, and the
 * notifications themselves. Other areas import only this file or ./index:
 *
 * - `queueMessageNotice(tx, …)`: "Du har en ny besked i Min Vej", queued in the transaction that
 *   wrote the message (the messages area calls it when a caseworker writes);
 * - for the job worker (app/features/jobs): `queueDueReminders` (the reminders pass),
 *   `prepareNotification` (the last check as a notification leaves), `sendSms`, `smsReference`;
 * - `digitalPost`: the Digital Post (NgDP/MeMo) adapter slot, not configured.
 */
export { digitalPost, type DigitalPostAdapter, type DigitalPostMessage } from "./digital-post.server";
export { queueMessageNotice, type MessageNoticeInput } from "./message-notice.server";
export { queueDueReminders, type ReminderPass } from "./reminders.server";
export { prepareNotification, type Preparation } from "./send-check.server";
export { listStoredSms, sendSms, SmsGatewayError, smsReference, type Sms, type StoredSms } from "./sms.server";
export { getSettings, type SettingsView } from "./queries.server";
export { exportNotificationSettingsFor, type NotificationSettingsExport } from "./my-data.server";
