import { sql } from "drizzle-orm";
import { getDatabase } from "../../db/client";
import journal from "../../db/migrations/meta/_journal.json";

/** Readiness: the database answers and every migration in db/migrations is applied. */
export async function loader() {
  const headers = { "Content-Type": "text/plain; charset=utf-8" };
  try {
    const { db } = await getDatabase();
    const rows = await db.execute<{ applied: number }>(
      sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
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
