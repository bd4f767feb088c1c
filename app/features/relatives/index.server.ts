/**
 * The relatives area's server face: what other areas (the overview, the job worker) and the
 * tests may ask of it. Code outside app/features/relatives imports only this file or ./index.
 */
export { findActiveGrant, requireAccess, requireRelative, type ActiveGrant } from "./access.server";
export { pendingInvitationPath, pendingInvitationRedirect } from "./invite.server";
export { listStoredMail, sendMail, type Mail, type StoredMail } from "./mail.server";
export { hashInvitationToken, helpedPiece, listHelped } from "./queries.server";
export { listReminderCopyChoices, setReminderCopies, type ReminderCopyChoice } from "./reminder-copy.server";
export { exportAccessLog, exportGrantsFor, exportGrantsHeldBy, type GrantsExport, type GrantsHeldExport } from "./my-data.server";
