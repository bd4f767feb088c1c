import { logError } from "../../../server/safe-error.js";
import { queueDueReminders } from "~/features/notifications/index.server";
import { deliverDueMail } from "./outbox.server";
import { pruneExpired } from "./retention.server";
import { pruneRateLimits } from "~/lib/rate-limit.server";
import { runApiJobs } from "~/features/api/index.server";

/**
 * The job worker (docs/decisions/0014-job-queue.md): queues the reminders that are due
 * (app/features/notifications: portal.due_reminders), sends due mail and SMS from the outbox and
 * runs the retention job. It runs inside the portal's process by default (entry.server.tsx starts
 * it, `JOB_WORKER=off` leaves it out) and on its own with `npm run worker` (worker.js).
 *
 * One pass at a time. A pass starts when a request that queued mail has committed (`wakeWorker`),
 * and every `pollMs` anyway (mail due for a retry, mail queued by another process). `stop` waits
 * for the pass in flight (a mail being sent is finished and marked) and starts no new one.
 */
export interface WorkerOptions {
  pollMs?: number;
  retentionEveryMs?: number;
  /** How often a pass looks for reminders that have come due (30 s: reminders are minutes apart). */
  remindersEveryMs?: number;
  /** The clock (tests). */
  now?: () => Date;
}

export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private lastRetention = 0;
  private lastReminders = 0;

  constructor(private readonly options: WorkerOptions = {}) {}

  get isRunning() {
    return !this.stopped;
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.wake();
  }

  /** Runs a pass now, or right after the one in flight. Never waits for it. */
  wake() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else {
        this.timer = setTimeout(() => this.wake(), this.options.pollMs ?? 5_000);
        this.timer.unref();
      }
    });
  }

  private async pass() {
    const now = this.options.now ?? (() => new Date());
    // Reminders first, so one that has just come due leaves in this same pass. Rows are keyed by
    // reminder, person and channel: two workers, or this one after a restart, queue each once.
    const remindersEvery = this.options.remindersEveryMs ?? 30_000;
    if (Date.now() - this.lastReminders >= remindersEvery) {
      this.lastReminders = Date.now();
      try {
        await queueDueReminders(now());
      } catch (error) {
        logError("job_reminders_pass_failed", null, error);
      }
    }
    try {
      await deliverDueMail({ now });
    } catch (error) {
      logError("job_mail_pass_failed", null, error);
    }
    // The API for case systems: signed webhooks of the change feed (issue 20), and its idempotency keys' retention.
    try {
      await runApiJobs({ now });
    } catch (error) {
      logError("job_api_pass_failed", null, error);
    }
    const every = this.options.retentionEveryMs ?? 60 * 60_000;
    if (Date.now() - this.lastRetention >= every) {
      this.lastRetention = Date.now();
      try {
        await pruneExpired();
        await pruneRateLimits();
      } catch (error) {
        logError("job_retention_failed", null, error);
      }
    }
  }

  /** Starts nothing new and resolves when the pass in flight has finished. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}

let current: JobWorker | null = null;

/** The process's worker (the portal's own, or `npm run worker`'s). */
export function startWorker(options: WorkerOptions = {}): JobWorker {
  current ??= new JobWorker(options);
  current.start();
  return current;
}

export async function stopWorker() {
  const worker = current;
  current = null;
  await worker?.stop();
}

/** After a commit that queued mail: this process's worker sends it now (a separate worker polls). */
export function wakeWorker() {
  current?.wake();
}
