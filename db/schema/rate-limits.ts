import { index, integer, text, timestamp } from "drizzle-orm/pg-core";
import { portal } from "./portal";

/**
 * Rate limits shared by every portal process (app/lib/rate-limit.server.ts): one row per limited
 * key, counting requests until `expires_at`, when the window starts again. The key is the limit's
 * name and a keyed hash (HMAC) of what is counted (a client address, a person, a feed link), never
 * the thing itself: nothing in this table says who or where. Expired rows are deleted by the job
 * worker's retention pass.
 */
export const rateLimits = portal.table(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_expires_at").on(t.expiresAt)],
);
