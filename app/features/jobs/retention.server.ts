import { sql } from "drizzle-orm";
import { db, rowsOf } from "../../../db/client";

/**
 * The retention job: what Min Vej promises to keep only for a while is deleted for good
 * (portal.prune_expired, migration 0011, which runs with its owner's rights because no person's
 * row-level security covers other people's sessions):
 *
 * - sign-in sessions that have ended: signed out, 30 minutes unused, or 8 hours old (the privacy
 *   page: "husker Min Vej dig i højst 8 timer");
 * - invitation links that were never used and ran out more than `graceDays` ago, once the grant
 *   has a newer link, is answered, withdrawn or past its end date (until then the participant's
 *   list needs the link's end to say "Linket er udløbet");
 * - mail outbox rows that were sent or given up more than `graceDays` ago (their content was
 *   wiped at that moment already).
 */
export async function pruneExpired(now = new Date(), graceDays = 30) {
  const database = await db();
  const result = await database.execute(sql`select * from portal.prune_expired(${now.toISOString()}::timestamptz, ${graceDays}::int)`);
  const [row] = rowsOf<{ sessions: number; invitations: number; mails: number }>(result);
  return { sessions: Number(row?.sessions ?? 0), invitations: Number(row?.invitations ?? 0), mails: Number(row?.mails ?? 0) };
}
