/**
 * The API area's server face: for the job worker (app/features/jobs), the API's part of each pass
 * (signed webhooks of the change feed, and forgetting idempotency keys after 24 hours).
 */
export { deliverDueWebhooks, MAX_WEBHOOK_ATTEMPTS, queueWebhookDeliveries, runApiJobs, type WebhookReport } from "./webhooks.server";
