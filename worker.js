// `npm run worker`: the job worker alone (outbox mail, retention), for when the portal runs as
// several instances with JOB_WORKER=off. The same build and configuration as server.js (BUILD_DIR,
// DATABASE_URL, DATABASE_OWNER_URL, SMTP_URL, MAIL_FROM, ...). Needs `npm run build` first.
import { configOrExit } from "./server/config.js";
import { log } from "./server/log.js";
import { describeError, logError } from "./server/safe-error.js";

const settings = configOrExit();
const BUILD_DIR = settings.buildDir;
/** @type {import("./server/request-handler.js").MinVejBuild} */
const build = await import(new URL(`./${BUILD_DIR}/server/index.js`, import.meta.url).href);
const entry = build.entry.module;

try {
  await entry.runWorkerOnly();
} catch (error) {
  // Our own reasons (e.g. the embedded database) say what to do; the logger scrubs the message.
  const reason = error instanceof Error ? (error.message.split("\n", 1)[0] ?? "") : String(error);
  log.fatal({ event: "worker_start_failed", error: describeError(error) }, `Min Vej worker could not start: ${reason}`);
  process.exit(1);
}
log.info({ event: "worker_running" }, "Min Vej worker is running.");

let stopping = false;
/** @param {string} signal */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ event: "worker_stopping", signal }, `Min Vej worker: ${signal} received, finishing the job in flight, then stopping.`);
  setTimeout(() => {
    log.error({ event: "worker_shutdown_timeout" }, "Min Vej worker: the job in flight did not finish in time; stopping anyway.");
    process.exit(1);
  }, settings.shutdownTimeoutMs).unref();
  try {
    await entry.shutdown();
  } catch (error) {
    logError("shutdown_failed", null, error);
    process.exit(1);
  }
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stop(signal));
