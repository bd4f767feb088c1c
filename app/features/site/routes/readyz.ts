import { sql } from "drizzle-orm";
import { getDatabase } from "../../../../db/client";
import journal from "../../../../db/migrations/meta/_journal.json";

/** A load balancer asks often: a blocked database is "not ready" within seconds, not after minutes. */
const READY_CHECK_MS = 2000;

function withinTime<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("readiness check timed out")), READY_CHECK_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Readiness: the database answers and every migration in db/migrations is applied. */
export async function loader() {
  const headers = { "Content-Type": "text/plain; charset=utf-8" };
  try {
    const { db } = await getDatabase();
    const rows = await withinTime(
      db.execute<{ applied: number }>(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`),
    );
    const applied = Number((rows as unknown as { rows?: { applied: number }[] }).rows?.[0]?.applied ?? (rows as unknown as { applied: number }[])[0]?.applied);
    if (applied < journal.entries.length) {
      return new Response(`migrations pending (${applied}/${journal.entries.length})\n`, { status: 503, headers });
    }
    return new Response("ready\n", { headers });
  } catch {
    return new Response("database unavailable\n", { status: 503, headers });
  }
}
