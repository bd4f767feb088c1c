import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupRoles } from "../../../db/client";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import { relativeGrants } from "../../../db/schema";
import { confirmRead, sendQuestion } from "~/features/plan/commands.server";
import { markAboutMeetingRead, shareParts } from "~/features/preparation/commands.server";
import { recordAudit, recordAuditForEach } from "~/lib/audit.server";
import { loader as appointmentsLoader } from "~/features/appointments/routes/appointments";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { cookieFor, get, routeArgs } from "../../support/requests";
import { aConversation } from "./messages-support";

// The caseworker contract's safety: the events outbox (every database), and the roles and
// row-level security (real Postgres only: the embedded PGlite has a single superuser).

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

/**
 * Each test builds its own people (db/builders.ts), no demo seed: Mette and Ali, each with a plan
 * (version 1) and a meeting, Mette with a finished preparation part and a network person; Jonas,
 * a person who is not a participant (a relative).
 */
async function somePeople() {
  const sara = await aCaseworker().build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette" } })
    .withCaseworker(sara)
    .withPlan()
    .withAppointment()
    .withPreparation([{ part: "education_work", status: "done", answers: { education: "", work: "Genbrugsbutik om lørdagen", goodAt: "Orden" } }])
    .withNetwork([{ name: "Jonas", relation: "Bror", sector: "family", closeness: "close" }])
    .build(database.db);
  const ali = await aParticipant({ person: { firstName: "Ali" } }).withCaseworker(sara).withPlan().withAppointment().build(database.db);
  const jonasPersonId = (await aPerson({ firstName: "Jonas" }).build(database.db)).personId;
  return { sara, mette, ali, jonasPersonId };
}

interface EventRow {
  id: number;
  participant_id: string;
  kind: string;
  area: string;
  actor_role: string;
  settled: boolean;
}

async function eventsFor(participantId: string): Promise<EventRow[]> {
  const result = await database.db.execute(
    sql`select id::int as id, participant_id, kind, area, actor_role, settled from caseworker.events where participant_id = ${participantId} order by id`,
  );
  return ((result as unknown as { rows?: EventRow[] }).rows ?? (result as unknown as EventRow[])).map((row) => ({ ...row }));
}

describe("caseworker.events: one event per participant write, in the same transaction", () => {
  it("records each write once and in order, and leaves out drafts and reads", async () => {
    const { sara, mette, ali, jonasPersonId } = await somePeople();
    const before = (await eventsFor(mette.participantId)).length;
    expect(await sendQuestion(mette, { planVersion: 1, comment: "Hvad betyder delmål 2?", submissionId: null })).toBe("saved");
    await markAboutMeetingRead(mette); // reading "Om mødet" is not news for the caseworker
    expect(await confirmRead(mette, 1)).toBe("saved");
    const shared = await shareParts(mette, ["education_work"], {});
    expect(shared.status).toBe("shared");
    // A relative looking at a page is a read, not a change.
    await recordAudit(database.db, {
      actorPersonId: jonasPersonId,
      participantId: mette.participantId,
      action: "relatives.viewed",
      details: { page: "plan" },
    });
    // Nor are her caseworker's reads (a page of her list) or a sign-in: the trigger leaves these
    // rows out before it calls its function (migration 0047).
    await recordAuditForEach(database.db, { actorPersonId: sara.personId, action: "caseworker.briefing_viewed", details: { page: "list" } }, [
      mette.participantId,
      ali.participantId,
    ]);
    await recordAudit(database.db, { actorPersonId: mette.personId, participantId: mette.participantId, action: "session.signed_in" });

    const events = (await eventsFor(mette.participantId)).slice(before);
    expect(events.map((event) => event.kind)).toEqual(["plan.question_sent", "plan.read_confirmed", "preparation.shared"]);
    expect(events.map((event) => event.area)).toEqual(["plan", "plan", "preparation"]);
    expect(events.every((event) => event.actor_role === "participant")).toBe(true);
    expect(events.map((event) => event.id)).toEqual([...events.map((event) => event.id)].sort((a, b) => a - b));
    // Nothing for the other participant.
    expect((await eventsFor(ali.participantId)).filter((event) => event.kind === "plan.question_sent")).toEqual([]);
  });

  it("writes nothing when the write is rolled back", async () => {
    const { mette } = await somePeople();
    const before = await eventsFor(mette.participantId);
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, { actorPersonId: mette.personId, participantId: mette.participantId, action: "plan.question_sent" });
        throw new Error("the write failed after its audit row");
      }),
    ).rejects.toThrow("the write failed");
    expect(await eventsFor(mette.participantId)).toEqual(before);
  });

  it("marks a relative's write as the relative's", async () => {
    const { mette, jonasPersonId } = await somePeople();
    await recordAudit(database.db, { actorPersonId: jonasPersonId, participantId: mette.participantId, action: "relatives.ended" });
    const [last] = (await eventsFor(mette.participantId)).slice(-1);
    expect(last).toMatchObject({ kind: "relatives.ended", area: "relatives", actor_role: "relative" });
  });

  it.skipIf(!serverUrl)("sends a NOTIFY on caseworker_events at commit, never for a rollback (real Postgres)", async () => {
    const { ali } = await somePeople();
    const listener = postgres(await urlAs("postgres"), { max: 1, onnotice: () => {} });
    const heard: { id: number; participant_id: string; kind: string }[] = [];
    try {
      await listener.listen("caseworker_events", (payload) => heard.push(JSON.parse(payload)));
      await database.db
        .transaction(async (tx) => {
          await recordAudit(tx, { actorPersonId: ali.personId, participantId: ali.participantId, action: "plan.question_sent" });
          throw new Error("rolled back");
        })
        .catch(() => {});
      await sendQuestion(ali, { planVersion: 1, comment: "Can we meet by phone?", submissionId: null });
      await waitFor(() => heard.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [event] = (await eventsFor(ali.participantId)).filter((row) => row.kind === "plan.question_sent");
      expect(heard).toEqual([{ id: event!.id, participant_id: ali.participantId, kind: "plan.question_sent" }]);
    } finally {
      await listener.end();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Real Postgres: roles and row-level security.

async function urlAs(role: string): Promise<string> {
  const result = await database.db.execute(sql`select current_database() as name`);
  const rows = (result as unknown as { rows?: { name: string }[] }).rows ?? (result as unknown as { name: string }[]);
  const url = new URL(serverUrl!);
  url.pathname = `/${rows[0]!.name}`;
  url.username = role;
  url.password = "";
  return url.toString();
}

async function waitFor(check: () => boolean, ms = 3000) {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function waitForAsync(check: () => Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (!(await check()) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The Postgres error code a statement fails with, or "ok". */
async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe.skipIf(!serverUrl)("roles and row-level security (real Postgres)", () => {
  let owner: postgres.Sql;
  let app: postgres.Sql;
  let caseworker: postgres.Sql;
  let jobcentre: postgres.Sql;

  beforeAll(async () => {
    if (!serverUrl) return;
    owner = postgres(await urlAs("postgres"), { max: 1, onnotice: () => {} });
    // Idempotent: a second run changes nothing and does not fail.
    await setupRoles(owner);
    await setupRoles(owner);
    app = postgres(await urlAs("portal_app"), { max: 1, onnotice: () => {} });
    caseworker = postgres(await urlAs("caseworker_ro"), { max: 1, onnotice: () => {} });
    jobcentre = postgres(await urlAs("jobcentre_writer"), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await Promise.all([owner, app, caseworker, jobcentre].map((connection) => connection?.end()));
  });

  /** Counts the rows `portal_app` can see in a table, with minvej.person_id set to `person` (or unset). */
  function visibleRows(person: string | null, table: string, where = "true"): Promise<number> {
    return app.begin(async (tx) => {
      if (person !== null) await tx`select set_config('minvej.person_id', ${person}, true)`;
      const [row] = await tx.unsafe(`select count(*)::int as n from portal.${table} where ${where}`);
      return row!.n as number;
    }) as Promise<number>;
  }

  it("marks an event unsettled while an older transaction could still add one before it", async () => {
    const { ali } = await somePeople();
    const other = postgres(await urlAs("postgres"), { max: 1, onnotice: () => {} });
    const audit = (sql: postgres.Sql | postgres.TransactionSql, comment: string) =>
      sql`insert into portal.audit_events (actor_person_id, participant_id, action, details)
          values (${ali.personId}, ${ali.participantId}, 'plan.question_sent', ${sql.json({ comment })})`;
    const settledOf = async () =>
      (await other`select details->>'comment' as comment, settled from caseworker.events
                   where participant_id = ${ali.participantId} and details ? 'comment'
                   order by transaction_position, id`).map((row) => `${row.comment}:${row.settled}`);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    try {
      // The older transaction takes its id first, then waits while a newer one commits.
      const older = owner.begin(async (tx) => {
        await tx`select pg_current_xact_id()`;
        started();
        await held;
        await audit(tx, "older");
      });
      await hasStarted;
      await audit(other, "newer");
      expect(await settledOf()).toEqual(["newer:false"]);
      release();
      await older;
      // In (transaction_position, id) order the older transaction's event comes first, and only
      // now can the newer one become final: a reader that took settled events has skipped nothing.
      // (Settling waits for every older transaction in the cluster, other test databases too.)
      await waitForAsync(async () => (await settledOf()).every((row) => row.endsWith(":true")), 20_000);
      expect(await settledOf()).toEqual(["older:true", "newer:true"]);
    } finally {
      release();
      await other.end();
    }
  });

  it("makes the three roles without special powers, owning nothing", async () => {
    const roles = await owner`
      select rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles
      where rolname in ('portal_app', 'caseworker_ro', 'jobcentre_writer') order by rolname`;
    expect(roles.map((role) => role.rolname)).toEqual(["caseworker_ro", "jobcentre_writer", "portal_app"]);
    for (const role of roles) expect([role.rolsuper, role.rolbypassrls, role.rolcreaterole, role.rolcreatedb]).toEqual([false, false, false, false]);
    const owned = await owner`
      select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner
      where r.rolname in ('portal_app', 'caseworker_ro', 'jobcentre_writer')`;
    expect(owned[0]!.n).toBe(0);
    const [setting] = await caseworker`show default_transaction_read_only`;
    expect(setting!.default_transaction_read_only).toBe("on");
  });

  describe("portal_app is bound by row-level security on the person set per transaction", () => {
    const participantTables = ["plans", "appointments", "preparation_parts", "network_people", "cv_entries", "sub_goals", "appointment_attendees"];

    it("sees nothing when the setting is missing, empty or not a person id", async () => {
      await somePeople(); // rows of two participants, none of them visible
      for (const table of participantTables) {
        expect(await visibleRows(null, table), `${table}, no setting`).toBe(0);
        expect(await visibleRows("", table), `${table}, empty`).toBe(0);
        expect(await visibleRows("'; drop table portal.plans; --", table), `${table}, garbage`).toBe(0);
      }
    });

    it("shows a participant their own rows and never another participant's", async () => {
      const { mette, ali } = await somePeople();
      expect(await visibleRows(mette.personId, "plans")).toBe(1);
      expect(await visibleRows(mette.personId, "plans", `participant_id = '${mette.participantId}'`)).toBe(1);
      expect(await visibleRows(mette.personId, "appointments", `participant_id <> '${mette.participantId}'`)).toBe(0);
      expect(await visibleRows(mette.personId, "appointments")).toBeGreaterThan(0);
      // Ali, also a participant, with the wrong person set for Mette's rows.
      expect(await visibleRows(ali.personId, "preparation_parts", `participant_id = '${mette.participantId}'`)).toBe(0);
      expect(await visibleRows(ali.personId, "network_people", `participant_id = '${mette.participantId}'`)).toBe(0);
      expect(await visibleRows(ali.personId, "plans", `participant_id = '${mette.participantId}'`)).toBe(0);
    });

    it("keeps the setting inside its transaction", async () => {
      const { mette } = await somePeople();
      const leaked = await app.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${mette.personId}, true)`;
        return (await tx`select count(*)::int as n from portal.plans`)[0]!.n;
      });
      expect(leaked).toBe(1);
      expect((await app`select count(*)::int as n from portal.plans`)[0]!.n).toBe(0);
    });

    it("refuses to write another participant's rows", async () => {
      const { mette, ali } = await somePeople();
      const insert = app.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${ali.personId}, true)`;
        await tx`insert into portal.network_people (participant_id, name, sector, closeness) values (${mette.participantId}, 'Indtrængende', 'friends', 'close')`;
      });
      expect(await codeOf(insert)).toBe("42501");
      const updated = await app.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${ali.personId}, true)`;
        return (await tx`update portal.plans set own_goal = 'overskrevet' where participant_id = ${mette.participantId} returning id`).length;
      });
      expect(updated).toBe(0);
    });

    it("lets a relative in only while an active grant runs, and only to that participant", async () => {
      const { mette, ali, jonasPersonId } = await somePeople();
      expect(await visibleRows(jonasPersonId, "plans")).toBe(0);
      const [grant] = await database.db
        .insert(relativeGrants)
        .values({
          participantId: mette.participantId,
          relativePersonId: jonasPersonId,
          invitedName: "Jonas",
          invitedEmail: "jonas-rls@example.org",
          relation: "Bror",
          scopes: ["plan"],
          validUntil: "2999-12-31",
          status: "active",
        })
        .returning({ id: relativeGrants.id });
      try {
        expect(await visibleRows(jonasPersonId, "plans")).toBe(1);
        expect(await visibleRows(jonasPersonId, "plans", `participant_id = '${ali.participantId}'`)).toBe(0);
        await database.db.update(relativeGrants).set({ validUntil: "2020-01-01" }).where(eq(relativeGrants.id, grant!.id));
        expect(await visibleRows(jonasPersonId, "plans"), "expired").toBe(0);
        await database.db.update(relativeGrants).set({ validUntil: "2999-12-31", status: "withdrawn" }).where(eq(relativeGrants.id, grant!.id));
        expect(await visibleRows(jonasPersonId, "plans"), "withdrawn").toBe(0);
      } finally {
        await database.db.delete(relativeGrants).where(eq(relativeGrants.id, grant!.id));
      }
    });

    it("may append to the audit log but never change it, and cannot read the outbox", async () => {
      const { mette, ali } = await somePeople();
      const asMette = <T>(work: (tx: postgres.TransactionSql) => Promise<T>) =>
        app.begin(async (tx) => {
          await tx`select set_config('minvej.person_id', ${mette.personId}, true)`;
          return work(tx);
        });
      expect(await codeOf(asMette((tx) => tx`insert into portal.audit_events (actor_person_id, participant_id, action) values (${mette.personId}, ${mette.participantId}, 'test.appended')`))).toBe("ok");
      expect(await codeOf(asMette((tx) => tx`update portal.audit_events set action = 'test.rewritten'`))).toBe("42501");
      expect(await codeOf(asMette((tx) => tx`delete from portal.audit_events`))).toBe("42501");
      expect(await codeOf(asMette((tx) => tx`select * from portal.caseworker_outbox`))).toBe("42501");
      // Another person's audit rows stay out of sight.
      const others = await asMette((tx) => tx`select count(*)::int as n from portal.audit_events where participant_id = ${ali.participantId}`);
      expect(others[0]!.n).toBe(0);
    });
  });

  describe("the caseload behind the caseworker's row-level security, kept for one transaction (migration 0042)", () => {
    const caseload = (tx: postgres.TransactionSql) =>
      tx`select participant_id::text as id from caseworker_portal.participants order by 1`.then((rows) => rows.map((row) => row.id as string));

    it("answers for the person set now, also when the person changes inside the transaction", async () => {
      const sara = await aCaseworker().build(database.db);
      const bo = await aCaseworker().build(database.db);
      const mette = await aParticipant().withCaseworker(sara).build(database.db);
      const ali = await aParticipant().withCaseworker(sara).build(database.db);
      const kim = await aParticipant().withCaseworker(bo).build(database.db);
      const [asSara, asBo, asSaraAgain, asNobody] = (await app.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${sara.personId}, true)`;
        const first = await caseload(tx);
        await tx`select set_config('minvej.person_id', ${bo.personId}, true)`;
        const second = await caseload(tx);
        await tx`select set_config('minvej.person_id', ${sara.personId}, true)`;
        const third = await caseload(tx);
        await tx`select set_config('minvej.person_id', '', true)`;
        return [first, second, third, await caseload(tx)];
      })) as string[][];
      expect(asSara).toEqual([mette.participantId, ali.participantId].sort());
      expect(asBo).toEqual([kim.participantId]);
      expect(asSaraAgain).toEqual(asSara);
      expect(asNobody).toEqual([]);
    });

    it("never uses a caseload kept for another person", async () => {
      const sara = await aCaseworker().build(database.db);
      const bo = await aCaseworker().build(database.db);
      await aParticipant().withCaseworker(sara).build(database.db);
      const kim = await aParticipant().withCaseworker(bo).build(database.db);
      const seen = await app.begin(async (tx) => {
        await tx`select set_config('minvej.caseload', ${`${bo.personId}:${kim.participantId}`}, true)`;
        await tx`select set_config('minvej.person_id', ${sara.personId}, true)`;
        return caseload(tx);
      });
      expect(seen).not.toContain(kim.participantId);
      expect(seen).toHaveLength(1);
    });

    it("forgets it when a contact changes in the same transaction, and starts afresh in the next", async () => {
      const sara = await aCaseworker().build(database.db);
      const mette = await aParticipant().withCaseworker(sara).build(database.db);
      const ali = await aParticipant().withCaseworker(sara).build(database.db);
      const counts = await owner.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${sara.personId}, true)`;
        const before = await tx`select count(*)::int as n from portal.my_coordinated_participants()`;
        await tx`delete from portal.participant_contacts where participant_id = ${ali.participantId}`;
        const after = await tx`select count(*)::int as n from portal.my_coordinated_participants()`;
        throw Object.assign(new Error("roll back"), { counts: [before[0]!.n, after[0]!.n] });
      }).catch((error: { counts?: number[] }) => error.counts);
      expect(counts).toEqual([2, 1]);
      const next = await app.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${sara.personId}, true)`;
        return caseload(tx);
      });
      expect(next).toEqual([mette.participantId, ali.participantId].sort());
    });
  });

  describe("her list's page (caseworker_portal.caseload_page, migration 0051): only for the caseworker asking, about herself", () => {
    const CASELOAD_PAGE = "caseworker_portal.caseload_page(uuid, integer, integer, timestamptz)";
    /** The people on page 1 as `person` (or no one) asks for `caseworker`'s list; null when no row comes back. */
    const pageAs = (sql: postgres.Sql, person: string | null, caseworkerPersonId: string) =>
      sql.begin(async (tx) => {
        if (person !== null) await tx`select set_config('minvej.person_id', ${person}, true)`;
        const rows = await tx`select total, people from caseworker_portal.caseload_page(${caseworkerPersonId}, 1, 50, now())`;
        if (rows.length === 0) return null;
        const people = rows[0]!.people as { participantId: string }[];
        return people.map((row) => row.participantId).sort();
      }) as Promise<string[] | null>;

    it("gives her own participants, and nothing to anyone else who asks as portal_app", async () => {
      const sara = await aCaseworker().build(database.db);
      const bo = await aCaseworker().build(database.db);
      const mette = await aParticipant().withCaseworker(sara).withAppointment().build(database.db);
      const ali = await aParticipant().withCaseworker(sara).build(database.db);
      const kim = await aParticipant().withCaseworker(bo).build(database.db);

      expect(await pageAs(app, sara.personId, sara.personId)).toEqual([mette.participantId, ali.participantId].sort());
      expect(await pageAs(app, bo.personId, bo.personId)).toEqual([kim.participantId]);
      // One caseworker naming another, no one naming her, a participant naming her or themselves.
      expect(await pageAs(app, sara.personId, bo.personId)).toBeNull();
      expect(await pageAs(app, bo.personId, sara.personId)).toBeNull();
      expect(await pageAs(app, null, sara.personId)).toBeNull();
      expect(await pageAs(app, mette.personId, sara.personId)).toBeNull();
      expect(await pageAs(app, mette.personId, mette.personId)).toBeNull();
    });

    it("gives nothing once she is no longer a caseworker", async () => {
      const sara = await aCaseworker().build(database.db);
      await aParticipant().withCaseworker(sara).build(database.db);
      expect(await pageAs(app, sara.personId, sara.personId)).toHaveLength(1);
      await owner`update portal.persons set is_caseworker = false where id = ${sara.personId}`;
      expect(await pageAs(app, sara.personId, sara.personId)).toBeNull();
    });

    it("may name her without a person set only as a superuser (the embedded database's one user), never after SET ROLE portal_app", async () => {
      const sara = await aCaseworker().build(database.db);
      const mette = await aParticipant().withCaseworker(sara).build(database.db);
      expect(await pageAs(owner, null, sara.personId)).toEqual([mette.participantId]);
      const asPortalAppWithoutPerson = (apiMunicipality: string | null) =>
        owner.begin(async (tx) => {
          await tx.unsafe("set local role portal_app");
          if (apiMunicipality) await tx`select set_config('minvej.api_municipality', ${apiMunicipality}, true)`;
          return (await tx`select total from caseworker_portal.caseload_page(${sara.personId}, 1, 50, now())`).length;
        });
      expect(await asPortalAppWithoutPerson(null)).toBe(0);
      expect(await asPortalAppWithoutPerson("solbjerg")).toBe(0);
    });

    it("may be called by portal_app only, not by the jobcentre's roles nor by PUBLIC", async () => {
      const [rights] = await owner`
        select has_function_privilege('portal_app', ${CASELOAD_PAGE}, 'execute') as portal_app,
               has_function_privilege('caseworker_ro', ${CASELOAD_PAGE}, 'execute') as caseworker_ro,
               has_function_privilege('jobcentre_writer', ${CASELOAD_PAGE}, 'execute') as jobcentre_writer`;
      expect(rights).toEqual({ portal_app: true, caseworker_ro: false, jobcentre_writer: false });
    });
  });

  describe("her inbox's page (caseworker_portal.inbox_page, migration 0055): only for the caseworker asking, about herself", () => {
    const INBOX_PAGE = "caseworker_portal.inbox_page(uuid, integer, integer)";
    /** The conversations on page 1 of `caseworker`'s inbox as `person` (or no one) asks; null when no row comes back. */
    const inboxAs = (sql: postgres.Sql, person: string | null, caseworkerPersonId: string, setRole?: string, apiMunicipality?: string) =>
      sql.begin(async (tx) => {
        if (setRole) await tx.unsafe(`set local role ${setRole}`);
        if (person !== null) await tx`select set_config('minvej.person_id', ${person}, true)`;
        if (apiMunicipality) await tx`select set_config('minvej.api_municipality', ${apiMunicipality}, true)`;
        const rows = await tx`select total, conversations from caseworker_portal.inbox_page(${caseworkerPersonId}, 1, 50)`;
        if (rows.length === 0) return null;
        return (rows[0]!.conversations as { id: string }[]).map((row) => row.id).sort();
      }) as Promise<string[] | null>;

    it("gives her own participants' conversations, and nothing to anyone else", async () => {
      const sara = await aCaseworker().build(database.db);
      const bo = await aCaseworker().build(database.db);
      const mette = await aParticipant().withCaseworker(sara).build(database.db);
      const kim = await aParticipant().withCaseworker(bo).build(database.db);
      const metteAsks = await aConversation(mette, { at: new Date() });
      const kimAsks = await aConversation(kim, { at: new Date() });

      expect(await inboxAs(app, sara.personId, sara.personId)).toEqual([metteAsks]);
      expect(await inboxAs(app, bo.personId, bo.personId)).toEqual([kimAsks]);
      // One caseworker naming another, no one naming her, a participant naming her or themselves.
      expect(await inboxAs(app, sara.personId, bo.personId)).toBeNull();
      expect(await inboxAs(app, bo.personId, sara.personId)).toBeNull();
      expect(await inboxAs(app, null, sara.personId)).toBeNull();
      expect(await inboxAs(app, null, sara.personId, undefined, "solbjerg")).toBeNull();
      expect(await inboxAs(app, mette.personId, sara.personId)).toBeNull();
      expect(await inboxAs(app, mette.personId, mette.personId)).toBeNull();
      // No longer a caseworker: nothing.
      await owner`update portal.persons set is_caseworker = false where id = ${bo.personId}`;
      expect(await inboxAs(app, bo.personId, bo.personId)).toBeNull();
      // Without a person, a superuser may name her; not after SET ROLE portal_app.
      expect(await inboxAs(owner, null, sara.personId)).toEqual([metteAsks]);
      expect(await inboxAs(owner, null, sara.personId, "portal_app")).toBeNull();
      expect(await inboxAs(owner, null, sara.personId, "portal_app", "solbjerg")).toBeNull();
    });

    it("may be called by portal_app only, not by the jobcentre's roles nor by PUBLIC", async () => {
      const [rights] = await owner`
        select has_function_privilege('portal_app', ${INBOX_PAGE}, 'execute') as portal_app,
               has_function_privilege('caseworker_ro', ${INBOX_PAGE}, 'execute') as caseworker_ro,
               has_function_privilege('jobcentre_writer', ${INBOX_PAGE}, 'execute') as jobcentre_writer`;
      expect(rights).toEqual({ portal_app: true, caseworker_ro: false, jobcentre_writer: false });
      // Nor PUBLIC (grantee 0), for this function and her list's.
      const [publicGrants] = await owner`
        select count(*)::int as n from pg_proc p, aclexplode(p.proacl) a
        where p.oid in (${INBOX_PAGE}::regprocedure, 'caseworker_portal.caseload_page(uuid, integer, integer, timestamptz)'::regprocedure) and a.grantee = 0`;
      expect(publicGrants!.n).toBe(0);
    });
  });

  describe("caseworker_ro reads the caseworker views and nothing else", () => {
    it("can read every view in the caseworker schema", async () => {
      const views = await owner`select table_name from information_schema.views where table_schema = 'caseworker' order by table_name`;
      expect(views.map((view) => view.table_name)).toContain("events");
      for (const view of views) {
        expect(await codeOf(caseworker.unsafe(`select * from caseworker.${view.table_name} limit 1`)), view.table_name).toBe("ok");
      }
    });

    it("cannot read portal tables: no sessions, no drafts, no private notes", async () => {
      for (const table of ["auth_sessions", "preparation_parts", "network_people", "persons", "appointment_preparations", "caseworker_outbox"]) {
        expect(await codeOf(caseworker.unsafe(`select * from portal.${table} limit 1`)), table).toBe("42501");
      }
    });

    it("cannot write anything, even in a transaction it declares read-write", async () => {
      const { mette } = await somePeople();
      const [readOnly] = await caseworker`show transaction_read_only`;
      expect(readOnly!.transaction_read_only).toBe("on");
      expect(await codeOf(caseworker`insert into portal.plans (participant_id, employment_goal) values (${mette.participantId}, 'x')`)).toBe("42501");
      const forced = caseworker.begin("read write", (tx) => tx`update caseworker.events set kind = 'rewritten'`);
      expect(await codeOf(forced)).toBe("42501");
      const forcedInsert = caseworker.begin("read write", (tx) => tx`insert into portal.plans (participant_id, employment_goal) values (${mette.participantId}, 'x')`);
      expect(await codeOf(forcedInsert)).toBe("42501");
    });
  });

  describe("jobcentre_writer writes the jobcentre's part, never the participant's", () => {
    it("books a meeting with the documented example script, and the participant sees it on /moeder", async () => {
      const { mette, ali } = await somePeople();
      const script = readFileSync("db/caseworker/examples/write-appointment.sql", "utf8").replaceAll(
        ":'participant_id'",
        `'${mette.participantId}'`,
      );
      await jobcentre.unsafe(script);
      const data = await appointmentsLoader(await routeArgs(get("/moeder", await cookieFor(mette.demoKey))));
      const booked = [...data.thisWeek, ...data.nextWeek, ...data.later].find((item) => item.title === "Opfølgende samtale om praktikken");
      expect(booked).toBeDefined();
      const aliData = await appointmentsLoader(await routeArgs(get("/moeder", await cookieFor(ali.demoKey))));
      expect([...aliData.thisWeek, ...aliData.nextWeek, ...aliData.later].map((item) => item.title)).not.toContain("Opfølgende samtale om praktikken");
    });

    it("moving a meeting raises its calendar SEQUENCE and LAST-MODIFIED (the trigger runs for the case system too)", async () => {
      const { mette } = await somePeople();
      const [booked] = await owner`
        select id, sequence, updated_at from portal.appointments where participant_id = ${mette.participantId}`;
      await jobcentre`
        update portal.appointments set starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day', status = 'moved'
        where id = ${booked!.id}`;
      await jobcentre`update portal.appointments set afterwards = 'Du får et referat.' where id = ${booked!.id}`;
      // A copy of the old counter written back by the case system does not lower it.
      expect(await codeOf(jobcentre`update portal.appointments set sequence = 0 where id = ${booked!.id}`)).toBe("ok");
      const [moved] = await owner`select sequence, updated_at from portal.appointments where id = ${booked!.id}`;
      expect(moved!.sequence).toBe((booked!.sequence as number) + 1);
      expect((moved!.updated_at as Date).getTime()).toBeGreaterThan((booked!.updated_at as Date).getTime());
    });

    it("cannot touch the participant's own goal, marks, notes or answers", async () => {
      const { mette } = await somePeople();
      expect(await codeOf(jobcentre`update portal.plans set own_goal = 'skrevet af systemet'`)).toBe("42501");
      expect(await codeOf(jobcentre`update portal.sub_goals set participant_comment = 'x'`)).toBe("42501");
      expect(await codeOf(jobcentre`update portal.sub_goals set participant_status = 'reached'`)).toBe("42501");
      expect(await codeOf(jobcentre`select * from portal.appointment_preparations`)).toBe("42501");
      expect(await codeOf(jobcentre`select * from portal.preparation_parts`)).toBe("42501");
      expect(await codeOf(jobcentre`select * from portal.auth_sessions`)).toBe("42501");
      // Its own fields it may change.
      expect(await codeOf(jobcentre`update portal.plans set next_step = next_step where participant_id = ${mette.participantId}`)).toBe("ok");
    });
  });
});

if (!serverUrl) console.log("caseworker-security.test: roles, row-level security and NOTIFY need real Postgres (TEST_DATABASE_URL); skipped on PGlite.");
