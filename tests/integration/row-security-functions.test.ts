import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { createTestDatabase, type TestDatabase } from "../support/db";

// Issue 21 (migrations 0052 and 0053): a SQL function that Postgres cannot inline (a definer
// function, or one with its own search_path) has its query planned again in every statement that
// calls it, once for each place it is called. Behind row-level security that was most of a
// participant page's database time (3.1 ms against 0.9 in PL/pgSQL, whose plans are kept per
// connection). Every function that a policy or a caseworker_portal / caseworker_api view calls,
// and every function those call, must be inlinable or PL/pgSQL.

interface FunctionRow {
  name: string;
  language: string;
  definer: boolean;
  ownSettings: boolean;
  body: string;
}

/** Every name followed by "(": schema-qualified or not (a body's search_path may reach portal). */
const CALLED = /(\w+)\s*\(/g;
const calledIn = (text: string) => [...text.matchAll(CALLED)].map((match) => match[1]!);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await database.db.execute(query));
}

/** The portal's functions reached from the policies and the filtered views, with what each is. */
async function functionsBehindRowSecurity(): Promise<FunctionRow[]> {
  const policies = await rows<{ text: string }>(
    sql`select coalesce(pg_get_expr(polqual, polrelid), '') || ' ' || coalesce(pg_get_expr(polwithcheck, polrelid), '') as text from pg_policy`,
  );
  const views = await rows<{ text: string }>(sql`
    select pg_get_viewdef(c.oid) as text from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('caseworker_portal', 'caseworker_api') and c.relkind = 'v'`);
  const functions = await rows<FunctionRow>(sql`
    select p.proname as name, l.lanname as language, p.prosecdef as definer, p.proconfig is not null as "ownSettings", p.prosrc as body
    from pg_proc p join pg_language l on l.oid = p.prolang join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'portal'`);
  const byName = new Map<string, FunctionRow[]>();
  for (const row of functions) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  const reached = new Set<string>();
  const waiting = [...policies, ...views].flatMap((row) => calledIn(row.text));
  for (let name = waiting.pop(); name !== undefined; name = waiting.pop()) {
    if (reached.has(name) || !byName.has(name)) continue;
    reached.add(name);
    for (const row of byName.get(name)!) waiting.push(...calledIn(row.body));
  }
  return [...reached].flatMap((name) => byName.get(name)!);
}

describe("the functions behind row-level security", () => {
  it("are planned once per connection or inlined, never again in every statement", async () => {
    const reached = await functionsBehindRowSecurity();
    // The check sees what it should: the policies' own functions and those they call.
    expect(reached.map((row) => row.name)).toEqual(expect.arrayContaining(["may_see_participant", "may_see_plan", "conversable_participants", "current_person_id"]));
    const plannedPerStatement = reached.filter((row) => row.language === "sql" && (row.definer || row.ownSettings)).map((row) => row.name);
    expect(plannedPerStatement).toEqual([]);
  });

  it("finds a SQL definer function called from a policy (the check itself works)", async () => {
    await database.db.execute(sql`create function portal.test_planned_per_statement(target uuid) returns boolean
      language sql stable security definer set search_path = pg_catalog, portal as $$ select target is not null $$`);
    await database.db.execute(sql`create table portal.test_row_security (id uuid primary key)`);
    await database.db.execute(sql`create policy test_read on portal.test_row_security using (portal.test_planned_per_statement(id))`);
    try {
      const reached = await functionsBehindRowSecurity();
      expect(reached.filter((row) => row.language === "sql" && row.definer).map((row) => row.name)).toEqual(["test_planned_per_statement"]);
    } finally {
      await database.db.execute(sql`drop table portal.test_row_security`);
      await database.db.execute(sql`drop function portal.test_planned_per_statement(uuid)`);
    }
  });
});
