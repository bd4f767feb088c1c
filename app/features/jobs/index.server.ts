/**
 * The jobs area's server face: the outbox (mail queued in a business transaction, sent after the
 * commit), the in-process job worker and the retention job. Code outside app/features/jobs
 * imports only this file.
 */
export { deliverDueMail, mailOutboxCounts, MAX_ATTEMPTS, queueMail, type DeliveryReport, type QueuedMail } from "./outbox.server";
export { pruneExpired } from "./retention.server";
export { startWorker, stopWorker, wakeWorker, type WorkerOptions } from "./worker.server";
