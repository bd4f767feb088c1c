// The one logger: JSON lines (pino) on stdout, never personal data. What may go in a line is a
// request id, a route pattern, a status, a duration, an error's kind (server/safe-error.js).
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "min-vej" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
