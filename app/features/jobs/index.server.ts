/**
 * The jobs area's server face: the outbox (mail and notifications queued in a business
 * transaction, sent after the commit), the in-process job worker (which also queues the reminders
 * that are due) and the retention job. Code outside app/features/jobs
 * imports only this file.
 */
export {
  deliverDueMail,
  mailOutboxCounts,
  MAX_ATTEMPTS,
  OUTBOX_CHANNELS,
  OUTBOX_STATES,
  queueMail,
  queueNotice,
  queueNoticesAsWorker,
  type DeliveryReport,
  type OutboxChannel,
  type OutboxCount,
  type OutboxPayload,
  type QueuedMail,
  type QueuedNotice,
} from "./outbox.server";
export { pruneExpired } from "./retention.server";
export { startWorker, stopWorker, wakeWorker, type WorkerOptions } from "./worker.server";
