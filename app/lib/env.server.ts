import { randomBytes } from "node:crypto";

const production = process.env.NODE_ENV === "production";

function sessionSecret(): string {
  const configured = process.env.SESSION_SECRET;
  if (configured && configured.length >= 32) return configured;
  if (configured) throw new Error("SESSION_SECRET must be at least 32 characters.");
  // Sessions live in the database, so a per-process secret only means that signed
  // cookies from an earlier process stop being valid: people sign in again.
  if (production && process.env.DEMO_LOGIN !== "1") {
    console.warn("SESSION_SECRET is not set: using a random secret for this process.");
  }
  return randomBytes(32).toString("hex");
}

export const env = {
  production,
  /** The demo sign-in that lists seeded people. Off unless explicitly "1"; read on every use. */
  get demoLogin() {
    return process.env.DEMO_LOGIN === "1";
  },
  sessionSecret: sessionSecret(),
  /** Secure, `__Host-` cookies whenever served in production mode. */
  secureCookies: production,
};
