import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../db/builders";
import { auditEvents } from "../../db/schema";
import { addMonths } from "~/features/relatives/scopes";
import { copenhagenDay } from "~/lib/dates";
import { loader as caseworkerListLoader } from "~/features/caseworker/routes/caseworker";
import { loader as helpingLoader } from "~/features/relatives/routes/relatives-helping";
import { loader as logLoader } from "~/features/relatives/routes/relatives-log";
import { loader as sharedHomeLoader } from "~/features/relatives/routes/relatives-shared-home";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { cookieFor, get } from "../support/requests";
import { run, unwrap } from "../support/routes";

// Reads by others land in the participant's "Hvem har set mine oplysninger": the caseworker's list
// (/sagsbehandler), the relative's list (/hjaelper) and the relative's overview (/hjaelper/:id),
// as HTML and as .data (the same loader runs for both). Each read reaches each affected
// participant's log, and nobody else's.

interface LogEntry {
  action: string;
  actorName: string | null;
  byCaseworker: boolean;
  byParticipant: boolean;
  details: { page?: string };
}

let database: TestDatabase;
const previousDemoLogin = process.env.DEMO_LOGIN;

beforeAll(async () => {
  process.env.DEMO_LOGIN = "1";
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database.dispose();
  if (previousDemoLogin === undefined) delete process.env.DEMO_LOGIN;
  else process.env.DEMO_LOGIN = previousDemoLogin;
});

type Who = "mette" | "ali" | "jonas" | "sara";

/**
 * The people of one test (db/builders.ts), no demo seed: Sara Nielsen follows Mette and Ali;
 * Jonas Hansen helps Mette (an active grant, as after invitation, acceptance and confirmation);
 * Ulla, a participant Sara does not follow and Jonas does not help.
 */
async function people() {
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(sara)
    .withRelative(jonas, { invitedName: "Jonas Hansen", relation: "Bror", scopes: ["plan"], validUntil: addMonths(copenhagenDay(new Date()), 2) })
    .build(database.db);
  const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan" } }).withCaseworker(sara).build(database.db);
  const outsider = await aParticipant({ person: { firstName: "Ulla", lastName: "Udenfor" } }).build(database.db);
  const built = { mette, ali, jonas, sara };
  const cookies = {} as Record<Who, string>;
  for (const who of Object.keys(built) as Who[]) cookies[who] = await cookieFor(built[who].demoKey);
  return {
    ids: { mette: mette.participantId, ali: ali.participantId, outsider: outsider.participantId, sara: sara.personId, jonas: jonas.personId },
    cookies,
    /** The participant's own log, through the page that shows it. */
    logOf: async (who: "mette" | "ali"): Promise<LogEntry[]> =>
      (unwrap(await run(logLoader, get("/paaroerende/log", cookies[who]))).data as { entries: LogEntry[] }).entries,
  };
}

const readsBy = async (actorPersonId: string, participantId: string, action: string) =>
  database.db.$count(auditEvents, and(eq(auditEvents.actorPersonId, actorPersonId), eq(auditEvents.participantId, participantId), eq(auditEvents.action, action)));

describe("the caseworker's list /sagsbehandler", () => {
  it("lands in the log of each person on it, as 'Din sagsbehandler' and never a name, HTML and .data alike", async () => {
    const { ids, cookies, logOf } = await people();
    const page = unwrap(await run(caseworkerListLoader, get("/sagsbehandler", cookies.sara))).data as { participants: { participantId: string }[] };
    const listed = page.participants.map((row) => row.participantId).sort();
    expect(listed).toEqual([ids.mette, ids.ali].sort());
    await run(caseworkerListLoader, get("/sagsbehandler.data", cookies.sara));

    for (const who of ["mette", "ali"] as const) {
      const reads = (await logOf(who)).filter((entry) => entry.byCaseworker && entry.details.page === "list");
      expect(reads).toHaveLength(2);
      for (const entry of reads) expect(entry.actorName).toBeNull();
      expect(JSON.stringify(await logOf(who))).not.toMatch(/Sara|Nielsen/);
    }
    // Nobody who is not on her list.
    expect(await readsBy(ids.sara, ids.outsider, "caseworker.briefing_viewed")).toBe(0);
  });

  it("writes nothing when a participant or a relative is refused the page", async () => {
    const { cookies } = await people();
    const before = await database.db.$count(auditEvents, eq(auditEvents.action, "caseworker.briefing_viewed"));
    for (const who of ["mette", "jonas"] as const) {
      const refused = await run(caseworkerListLoader, get("/sagsbehandler", cookies[who]));
      expect((refused as Response).status).toBe(404);
    }
    expect(await database.db.$count(auditEvents, eq(auditEvents.action, "caseworker.briefing_viewed"))).toBe(before);
  });
});

describe("the relative's list /hjaelper and overview /hjaelper/:id", () => {
  it("the list lands in the log of the person Jonas helps, by his name, and in nobody else's", async () => {
    const { ids, cookies, logOf } = await people();
    const page = unwrap(await run(helpingLoader, get("/hjaelper", cookies.jonas))).data as { helped: { participantId: string }[] };
    expect(page.helped.map((row) => row.participantId)).toEqual([ids.mette]);
    await run(helpingLoader, get("/hjaelper.data", cookies.jonas));

    const reads = (await logOf("mette")).filter((entry) => entry.action === "relatives.viewed" && entry.details.page === "list");
    expect(reads).toHaveLength(2);
    for (const entry of reads) expect(entry).toMatchObject({ actorName: "Jonas Hansen", byCaseworker: false, byParticipant: false });
    expect((await logOf("ali")).filter((entry) => entry.actorName === "Jonas Hansen")).toEqual([]);
    expect(await readsBy(ids.jonas, ids.outsider, "relatives.viewed")).toBe(0);
  });

  it("a person who helps nobody leaves no trace in anyone's log", async () => {
    const { cookies } = await people();
    const before = await database.db.$count(auditEvents, eq(auditEvents.action, "relatives.viewed"));
    const page = unwrap(await run(helpingLoader, get("/hjaelper", cookies.ali))).data as { helped: unknown[] };
    expect(page.helped).toEqual([]);
    expect(await database.db.$count(auditEvents, eq(auditEvents.action, "relatives.viewed"))).toBe(before);
  });

  it("the overview of the person he helps lands in her log as 'forsiden', HTML and .data alike", async () => {
    const { ids, cookies, logOf } = await people();
    const mette = ids.mette;
    for (const path of [`/hjaelper/${mette}`, `/hjaelper/${mette}.data`]) {
      const result = await run(sharedHomeLoader, get(path, cookies.jonas), { participantId: mette });
      expect(result).not.toBeInstanceOf(Response);
    }
    const reads = (await logOf("mette")).filter((entry) => entry.action === "relatives.viewed" && entry.details.page === "home");
    expect(reads).toHaveLength(2);
    for (const entry of reads) expect(entry.actorName).toBe("Jonas Hansen");
    // Ali's overview is not Jonas's to open: 404, and nothing in Ali's log.
    const refused = await run(sharedHomeLoader, get(`/hjaelper/${ids.ali}`, cookies.jonas), { participantId: ids.ali });
    expect((refused as Response).status).toBe(404);
    expect((await logOf("ali")).filter((entry) => entry.action === "relatives.viewed")).toEqual([]);
  });

  it("the log has words for these reads, in Danish and English", () => {
    for (const language of ["da", "en"]) {
      const log = JSON.parse(readFileSync(`locales/${language}/relatives.json`, "utf8")).log;
      expect(log.pages.list).toEqual(expect.any(String));
      expect(log.caseworkerPages.list).toEqual(expect.any(String));
    }
  });
});
