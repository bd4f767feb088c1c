import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, setupRoles, useDatabase, withRequestTransaction, type Database } from "../../db/client";
import { addBenchParticipants } from "../../scripts/bench-seed";
import { loader as appointmentLoader } from "~/features/appointments/routes/appointment";
import { loader as appointmentsLoader } from "~/features/appointments/routes/appointments";
import { loader as briefingLoader } from "~/features/caseworker/routes/caseworker-briefing";
import { loader as caseworkerLoader } from "~/features/caseworker/routes/caseworker";
import { loader as inboxLoader } from "~/features/caseworker/routes/caseworker-inbox";
import { loader as helpLoader } from "~/features/content/routes/help";
import { loader as cvLoader } from "~/features/cv/routes/cv";
import { loader as messagesLoader } from "~/features/messages/routes/messages";
import { loader as networkLoader } from "~/features/network/routes/network";
import { loader as overviewLoader } from "~/features/overview/routes/overview";
import { loader as planLoader } from "~/features/plan/routes/plan";
import { loader as preparationLoader } from "~/features/preparation/routes/preparation";
import { loader as relativesLoader } from "~/features/relatives/routes/relatives";
import type { ApiCaller } from "~/features/api/auth.server";
import {
  absenceRequestsOf,
  appointmentsOf,
  caseSystemScope,
  disagreementsOf,
  eventsAfter,
  findParticipant,
  listParticipants,
  sharedCvOf,
  sharedNetworkOf,
  sharedPreparationOf,
} from "~/features/api/queries.server";
import { createPostgresDatabase, serverUrl, type PostgresDatabase } from "../support/db";
import { cookieFor, get } from "../support/requests";
import { run } from "../support/routes";

// Issue 21: the hot queries stay flat as the data grows. Every statement the participant pages and
// the caseworker's list and briefing send (as portal_app, under row-level security, as production
// runs) is EXPLAINed against a database with thousands of participants (scripts/bench-seed.ts), where
// the planner prefers an index whenever one fits. A sequential scan of a large table fails the test.
// Only a real Postgres server plans like production; the embedded PGlite has one superuser and is
// not what production runs, so there it is skipped, saying why.

if (!serverUrl) console.info("hot-queries-explain: skipped, it needs a real Postgres server (TEST_DATABASE_URL): PGlite is not what production plans with.");

/**
 * The most buffer pages a statement about one row may touch, with its row-level security: here the
 * API's (below) touch 7-159 asking about the row, and touched 293-3,238 building the municipality's set.
 */
const MOST_PAGES_FOR_ONE_ROW = 250;

/** A table is large from this many rows (the participants' own tables all are, here). */
const LARGE = 10_000;

interface Statement {
  query: string;
  params: unknown[];
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

/** A parameter as an SQL literal, for EXECUTE of a prepared statement. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  // An array as Postgres writes one: {"a","b"}, each element quoted.
  const arrayText = (items: unknown[]) => `{${items.map((item) => `"${String(item).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
  const text =
    value instanceof Date ? value.toISOString() : Array.isArray(value) ? arrayText(value) : typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * The plan a prepared statement runs with once it has run five times: Postgres then keeps a generic
 * plan (made without the values) if it estimates it no dearer than planning for the values each time
 * (`plan_cache_mode = auto`, as the portal's connections plan, db/client.ts). PREPARE, EXECUTE five
 * times, then EXPLAIN EXECUTE: the plan it chose.
 */
async function settledPlanOf(tx: postgres.TransactionSql, query: string, params: unknown[]): Promise<{ plan: PlanNode; generic: boolean }> {
  await tx.unsafe("set local plan_cache_mode = auto");
  await tx.unsafe(`prepare hot_query as ${query}`);
  try {
    const execute = `execute hot_query${params.length > 0 ? `(${params.map(literal).join(", ")})` : ""}`;
    for (let run = 0; run < 5; run++) await tx.unsafe(execute);
    const [row] = await tx.unsafe(`explain (format json) ${execute}`);
    // Whether the sixth run was given the generic plan, as Postgres counts it.
    const [counts] = await tx`select generic_plans from pg_prepared_statements where name = 'hot_query'`;
    return { plan: (row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan, generic: Number(counts!.generic_plans) > 0 };
  } finally {
    await tx.unsafe("deallocate hot_query");
  }
}

/** The steps of an EXPLAIN ANALYZE plan that yielded more than `most` rows in all (rows a run times runs). */
function widerThan(node: PlanNode, most: number): string[] {
  const rows = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
  const own = rows > most ? [`${node["Node Type"]}${node["Relation Name"] ? ` on ${node["Relation Name"]}` : ""}: ${rows} rows`] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => widerThan(child, most))];
}

function seqScans(node: PlanNode, large: Set<string>): string[] {
  const own = node["Node Type"] === "Seq Scan" && node["Relation Name"] && large.has(node["Relation Name"]) ? [node["Relation Name"]] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => seqScans(child, large))];
}

describe.skipIf(!serverUrl)("the hot queries use indexes on big tables (real Postgres)", () => {
  let created: PostgresDatabase;
  let owner: postgres.Sql;
  let app: postgres.Sql;
  let large: Set<string>;
  /** The reads whose settled plan is generic (scansOf): proof that the check of settled plans checks something. */
  const settledOnGeneric: string[] = [];
  /** What the portal sent, statement by statement, while `captured` is set. */
  let captured: Statement[] | null = null;
  const ids = { mette: "", sara: "", meeting: "", metteParticipant: "", saraParticipant: "" };
  const cookies = { mette: "", sara: "" };
  /** A case system of Solbjerg (which also holds the participants stored without a municipality). */
  const solbjergSystem = {
    client: { clientId: "explain" },
    municipality: { id: "solbjerg" },
    defaultMunicipality: { id: "solbjerg" },
    scopes: new Set(),
  } as unknown as ApiCaller;

  /**
   * Each read by itself, in a request's transaction with the client's municipality set, as the API
   * runs it; then every statement it sent, explained as portal_app: the large tables scanned whole.
   */
  async function largeTablesScannedBy(
    caller: ApiCaller,
    reads: [string, () => Promise<unknown>][],
    answered?: (name: string, rows: unknown) => void,
    /** Also run each statement (EXPLAIN ANALYZE) and report every step that yielded more rows than this. */
    mostRowsPerStep?: number,
  ): Promise<string[]> {
    const found: string[] = [];
    for (const [name, read] of reads) {
      captured = [];
      let statements: Statement[];
      try {
        const rows = await withRequestTransaction(async () => {
          await caseSystemScope(caller);
          return read();
        });
        answered?.(name, rows);
        statements = captured.filter(({ query }) => /^\s*(select|with)\b/i.test(query) && !/^\s*select set_config/i.test(query));
      } finally {
        captured = null;
      }
      expect(statements.length, `${name} reads`).toBeGreaterThan(0);
      for (const { query, params } of statements) {
        const { plan, settled } = await app.begin(async (tx) => {
          await tx`select set_config('minvej.api_municipality', 'solbjerg', true), set_config('minvej.api_default_municipality', 'solbjerg', true)`;
          const analyze = mostRowsPerStep === undefined ? "" : "analyze, ";
          const [row] = await tx.unsafe(`explain (${analyze}format json) ${query}`, params as never[]);
          return { plan: (row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan, settled: (await settledPlanOf(tx, query, params)).plan };
        });
        for (const table of seqScans(plan, large)) found.push(`${name}: ${table}`);
        for (const table of seqScans(settled, large)) found.push(`${name}: ${table} (settled plan)`);
        if (mostRowsPerStep !== undefined) for (const step of widerThan(plan, mostRowsPerStep)) found.push(`${name}: ${step}`);
      }
    }
    return found;
  }

  beforeAll(async () => {
    created = await createPostgresDatabase("minvej_explain");
    owner = postgres(created.ownerUrl, { max: 1, onnotice: () => {} });
    await setupRoles(owner);
    const ownerDb = drizzle(owner, { schema }) as unknown as Database;
    const { seedDemoData } = await import("../../db/seed-data");
    await seedDemoData(ownerDb);
    // Enough participants that a page of 50 is a small share of every per-participant table (as in
    // a real municipality); fewer meetings and audit rows than the bench's, to keep the test short.
    await addBenchParticipants(ownerDb, { participants: 20_000, caseworkers: 400, sara: 60, meetings: 6, auditRows: 6 });

    const rows = await owner<{ relname: string }[]>`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'portal' and c.relkind = 'r' and c.reltuples >= ${LARGE}`;
    large = new Set(rows.map((row) => row.relname));
    expect(large.size, "the data set has large tables").toBeGreaterThanOrEqual(10);

    const [people] = await owner`
      select (select id from portal.persons where demo_key = 'mette') as mette,
             (select id from portal.persons where demo_key = 'sara') as sara,
             (select p.id from portal.participants p join portal.persons pe on pe.id = p.person_id where pe.demo_key = 'mette') as mette_participant`;
    ids.mette = people!.mette as string;
    ids.sara = people!.sara as string;
    ids.metteParticipant = people!.mette_participant as string;
    const [meeting] = await owner`select id from portal.appointments where participant_id = ${ids.metteParticipant} order by starts_at desc limit 1`;
    ids.meeting = meeting!.id as string;
    const [hers] = await owner`select participant_id from caseworker.participants where coordinating_caseworker_person_id = ${ids.sara} order by first_name limit 1`;
    ids.saraParticipant = hers!.participant_id as string;

    // The portal as production runs it: portal_app, one transaction per request; every statement
    // it sends is kept (with its parameters) while a page is read.
    app = postgres(created.appUrl, { max: 2, onnotice: () => {} });
    const appDb = drizzle(app, {
      schema,
      logger: { logQuery: (query, params) => captured?.push({ query, params }) },
    }) as unknown as Database;
    useDatabase({ db: appDb, kind: "postgres", close: async () => {} });
    process.env.DEMO_LOGIN = "1";
    cookies.mette = await withRequestTransaction(() => cookieFor("mette"));
    cookies.sara = await withRequestTransaction(() => cookieFor("sara"));
  }, 300_000);

  afterAll(async () => {
    useDatabase(undefined);
    await Promise.all([owner, app].map((connection) => connection?.end()));
    await created?.drop();
  });

  /** The statements one page's loader sends, in its own request transaction. */
  async function statementsOf(loader: (args: never) => unknown, path: string, cookie: string, params: Record<string, string> = {}) {
    captured = [];
    try {
      const result = await withRequestTransaction(() => run(loader as never, get(path, cookie), params));
      expect(result instanceof Response ? result.status : 200, `${path} answers`).toBe(200);
      return captured;
    } finally {
      captured = null;
    }
  }

  /**
   * Sequential scans of large tables in the plans of each read, as the person who sent it sees it:
   * the plan for its values (a statement's first runs), and the plan it settles on after five runs
   * (a generic one where Postgres finds that no dearer).
   */
  async function scansOf(statements: Statement[], personId: string): Promise<string[]> {
    const found: string[] = [];
    for (const { query, params } of statements) {
      if (!/^\s*(select|with)\b/i.test(query) || /^\s*select set_config/i.test(query)) continue;
      const plans = await app.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${personId}, true)`;
        const [row] = await tx.unsafe(`explain (format json) ${query}`, params as never[]);
        const settled = await settledPlanOf(tx, query, params);
        if (settled.generic) settledOnGeneric.push(query);
        return { first: (row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan, settled: settled.plan };
      });
      for (const [kind, plan] of Object.entries(plans)) {
        for (const table of seqScans(plan, large)) found.push(`${table} (${kind} plan): ${query.slice(0, 160)}`);
      }
    }
    return found;
  }

  const participantPages: [string, (args: never) => unknown, () => Record<string, string>][] = [
    ["/", overviewLoader, () => ({})],
    ["/min-plan", planLoader, () => ({})],
    ["/moeder", appointmentsLoader, () => ({})],
    ["/moeder/:id", appointmentLoader, () => ({ id: ids.meeting })],
    ["/beskeder", messagesLoader, () => ({})],
    ["/forberedelse", preparationLoader, () => ({})],
    ["/cv", cvLoader, () => ({})],
    ["/netvaerk", networkLoader, () => ({})],
    ["/paaroerende", relativesLoader, () => ({})],
    ["/hjaelp", helpLoader, () => ({})],
  ];

  for (const [path, loader, params] of participantPages) {
    it(`${path}: every read uses an index on the large tables`, async () => {
      const where = params().id ? path.replace(":id", params().id!) : path;
      const statements = await statementsOf(loader, where, cookies.mette, params());
      expect(statements.length).toBeGreaterThan(0);
      expect(await scansOf(statements, ids.mette)).toEqual([]);
    });
  }

  it("/sagsbehandler, her messages and a briefing: every read uses an index, starting from her own participants", async () => {
    const list = await statementsOf(caseworkerLoader, "/sagsbehandler", cookies.sara);
    const inbox = await statementsOf(inboxLoader, "/sagsbehandler/beskeder", cookies.sara);
    const briefing = await statementsOf(briefingLoader, `/sagsbehandler/${ids.saraParticipant}`, cookies.sara, { participantId: ids.saraParticipant });
    expect(await scansOf([...list, ...inbox, ...briefing], ids.sara)).toEqual([]);
  });

  // EXPLAIN of a page's statement that calls a function shows only a function scan: auto_explain shows
  // the plans of the statements inside it, as notices on this connection, run after run of one
  // connection (a PL/pgSQL function keeps its plan per connection, and may settle on a generic one
  // after five).
  const pageFunctions: [string, (tx: postgres.TransactionSql) => Promise<unknown>, RegExp][] = [
    ["her list's function (caseworker_portal.caseload_page)", async (tx) => {
      const [page] = await tx`select total from caseworker_portal.caseload_page(${ids.sara}, 1, 50, now())`;
      expect(Number(page!.total)).toBeGreaterThan(50);
    }, /caseworker\.appointments/],
    ["her inbox's function (caseworker_portal.inbox_page)", async (tx) => {
      const [page] = await tx`select total from caseworker_portal.inbox_page(${ids.sara}, 1, 50)`;
      expect(Number(page!.total)).toBeGreaterThan(50);
    }, /portal\.messages/],
  ];
  for (const [name, call, inside] of pageFunctions) {
    it(`${name}: its statement's plans, the first ones and the one it settles on, use indexes`, async () => {
      const plans: { text: string; plan: PlanNode }[] = [];
      const session = postgres(created.ownerUrl, {
        max: 1,
        onnotice: (notice) => {
          const json = /plan:\s*(\{[\s\S]*\})\s*$/.exec(notice.message ?? "")?.[1];
          if (json) {
            const logged = JSON.parse(json) as { "Query Text": string; Plan: PlanNode };
            plans.push({ text: logged["Query Text"], plan: logged.Plan });
          }
        },
      });
      try {
        await session.unsafe("load 'auto_explain'");
        await session.unsafe(
          "set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on; set auto_explain.log_format = json; set auto_explain.log_level = notice; set plan_cache_mode = auto",
        );
        for (let run = 0; run < 8; run++) {
          await session.begin(async (tx) => {
            await tx.unsafe("set local role portal_app");
            await tx`select set_config('minvej.person_id', ${ids.sara}, true)`;
            await call(tx);
          });
        }
      } finally {
        await session.end();
      }
      const inner = plans.filter(({ text }) => inside.test(text) && !/_page\(/.test(text));
      expect(inner.length, "every run's statement was explained").toBe(8);
      for (const [run, { plan }] of inner.entries()) expect(seqScans(plan, large), `run ${run + 1}`).toEqual([]);
    });
  }

  it("her participants (row-level security of the caseworker views and messages) are read from her side", async () => {
    // portal.my_coordinated_participants() runs inside every caseworker view read; EXPLAIN does not
    // show a function's own plan, so the query that works the caseload out (once per transaction,
    // migration 0042) is taken from the function and explained, with the person it is for.
    const [fn] = await owner`select prosrc from pg_proc where proname = 'my_coordinated_participants'`;
    const [, column, from] = /array_agg\(([\w.]+)\)[\s\S]*?INTO ids([\s\S]*?);\s*PERFORM/i.exec(fn!.prosrc as string) ?? [];
    expect(from, "the function works the caseload out with one query").toBeTruthy();
    const body = `SELECT ${column} ${from!.replace(/\bme\b/g, "portal.current_person_id()")}`;
    const plan = await owner.begin(async (tx) => {
      await tx`select set_config('minvej.person_id', ${ids.sara}, true)`;
      const [row] = await tx.unsafe(`explain (format json) ${body}`);
      return (row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
    });
    expect(seqScans(plan, large)).toEqual([]);

    // And it answers as the contract view does, for Sara and for caseworkers of the bench data.
    const caseworkers = await owner<{ id: string }[]>`
      (select id from portal.persons where demo_key = 'sara') union all
      (select id from portal.persons where is_caseworker and email like '%@bench.invalid' order by id limit 5)`;
    for (const { id } of caseworkers) {
      const fromFunction = await owner.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${id}, true)`;
        return (await tx<{ id: string }[]>`select portal.my_coordinated_participants() as id`).map((row) => row.id).sort();
      });
      const fromView = (
        await owner<{ id: string }[]>`select participant_id as id from caseworker.participants where coordinating_caseworker_person_id = ${id}`
      )
        .map((row) => row.id)
        .sort();
      expect(fromFunction).toEqual(fromView);
      expect(fromView.length).toBeGreaterThan(0);
    }
  });

  it("the API's reads of one participant use indexes and read that participant, not the municipality, as portal_app with the client's municipality set", async () => {
    const caller = solbjergSystem;
    const reads: [string, () => Promise<unknown>][] = [
      ["findParticipant", () => findParticipant(caller, ids.metteParticipant)],
      ["sharedPreparationOf", () => sharedPreparationOf(ids.metteParticipant)],
      ["sharedCvOf", () => sharedCvOf(ids.metteParticipant)],
      ["sharedNetworkOf", () => sharedNetworkOf(ids.metteParticipant)],
      ["appointmentsOf", () => appointmentsOf(ids.metteParticipant)],
      ["absenceRequestsOf", () => absenceRequestsOf(ids.metteParticipant)],
      ["disagreementsOf", () => disagreementsOf(ids.metteParticipant)],
    ];
    // Solbjerg has about 10,000 participants here; one participant's rows are a few dozen. A step
    // that yields the municipality's participants (a set built to ask about one) is found by its rows.
    expect(await largeTablesScannedBy(caller, reads, undefined, 500)).toEqual([]);
  });

  it("the API's writes and its reads of the portal tables ask about the one row, not the municipality (row-level security as portal_app)", async () => {
    const [plan] = await owner`select id from portal.plans where participant_id = ${ids.metteParticipant}`;
    const [contact] = await owner`select professional_id from portal.participant_contacts where participant_id = ${ids.metteParticipant} limit 1`;
    const statements: [string, string, unknown[]][] = [
      ["a meeting moved", "update portal.appointments set starts_at = starts_at where id = $1", [ids.meeting]],
      ["the plan read", "select id, version from portal.plans where participant_id = $1", [ids.metteParticipant]],
      ["the plan's sub-goals", "select id from portal.sub_goals where plan_id = $1", [plan!.id]],
      ["the meeting's attendees", "select id from portal.appointment_attendees where appointment_id = $1", [ids.meeting]],
      ["a professional", "select id from portal.professionals where id = $1", [contact!.professional_id]],
    ];
    const found: string[] = [];
    const rolledBack = new Error("rolled back on purpose");
    for (const [name, query, params] of statements) {
      // Run (EXPLAIN ANALYZE runs the write too), then roll back: the data stays as the other tests read it.
      await app
        .begin(async (tx) => {
          await tx`select set_config('minvej.api_municipality', 'solbjerg', true), set_config('minvej.api_default_municipality', 'solbjerg', true)`;
          const [row] = await tx.unsafe(`explain (analyze, buffers, format json) ${query}`, params as never[]);
          const plan = (row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
          // It found its row (row-level security refusing everything would pass the rest).
          const rows = plan["Node Type"] === "ModifyTable" ? plan.Plans![0]!["Actual Rows"] : plan["Actual Rows"];
          if (!rows) found.push(`${name}: no row`);
          // What the definer functions read does not show as steps, but its pages count in the statement's.
          const pages = (plan["Shared Hit Blocks"] ?? 0) + (plan["Shared Read Blocks"] ?? 0);
          if (pages > MOST_PAGES_FOR_ONE_ROW) found.push(`${name}: ${pages} pages read`);
          for (const step of [...widerThan(plan, 500), ...seqScans(plan, large)]) found.push(`${name}: ${step}`);
          throw rolledBack;
        })
        .catch((error: unknown) => {
          if (error !== rolledBack) throw error;
        });
    }
    expect(found).toEqual([]);
  });

  it("the API's lists (GET /participants, GET /events, the webhooks' queue) read a page by index, not the municipality", async () => {
    const caller = solbjergSystem;
    const [middle] = await owner`select id from portal.participants order by id offset 10000 limit 1`;
    const [event] = await owner`select id, transaction_id::text::bigint as position from portal.caseworker_outbox order by 2, 1 offset 100 limit 1`;
    const reads: [string, () => Promise<unknown[]>][] = [
      // Pages of the default size: a small share of the participants here, as in a municipality.
      ["listParticipants from the start", () => listParticipants(caller, null, 50)],
      ["listParticipants after a cursor", () => listParticipants(caller, middle!.id as string, 50)],
      ["eventsAfter from the start", () => eventsAfter(caller, { position: 0n, id: 0 }, 500)],
      ["eventsAfter a cursor", () => eventsAfter(caller, { position: BigInt(event!.position as string), id: Number(event!.id) }, 100)],
    ];
    expect(await largeTablesScannedBy(caller, reads, (name, rows) => expect((rows as unknown[]).length, `${name} answers a page`).toBeGreaterThan(1))).toEqual([]);

    // The page's keys are picked inside definer functions (migration 0044), whose own plans EXPLAIN
    // does not show: each body is explained as the function runs it, with a generic plan.
    const pages: [string, string, Record<string, string>, string][] = [
      ["case_system_participant_page", "uuid, integer", { after: "$1", page_size: "$2" }, "('00000000-0000-0000-0000-000000000000', 51)"],
      ["case_system_event_page", "bigint, bigint, integer", { after_position: "$1", after_id: "$2", page_size: "$3" }, "(0, 0, 501)"],
    ];
    for (const [name, types, parameters, values] of pages) {
      const [fn] = await owner`select prosrc from pg_proc where proname = ${name}`;
      let body = fn!.prosrc as string;
      for (const [parameter, placeholder] of Object.entries(parameters)) body = body.replace(new RegExp(`\\b${parameter}\\b`, "g"), () => placeholder);
      const plan = await owner.begin(async (tx) => {
        await tx`select set_config('minvej.api_municipality', 'solbjerg', true), set_config('minvej.api_default_municipality', 'solbjerg', true)`;
        await tx.unsafe("set local plan_cache_mode = force_generic_plan");
        await tx.unsafe(`prepare page_body(${types}) as ${body}`);
        const [row] = await tx.unsafe(`explain (format json) execute page_body${values}`);
        await tx.unsafe("deallocate page_body");
        return (row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
      });
      expect(seqScans(plan, large), name).toEqual([]);
    }
  });

  it("some of a page's reads settle on a generic plan, so the settled plans checked above include such plans", async () => {
    settledOnGeneric.length = 0;
    await scansOf(await statementsOf(overviewLoader, "/", cookies.mette), ids.mette);
    expect(settledOnGeneric.length).toBeGreaterThan(0);
  });

  it("a sequential scan of a large table is found (the check itself works)", async () => {
    const [row] = await owner.unsafe("explain (format json) select * from portal.audit_events where details::text like '%x%'");
    expect(seqScans((row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan, large)).toContain("audit_events");
  });
});
