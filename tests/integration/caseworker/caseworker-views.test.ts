import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import {
  absenceNotices,
  appointmentPreparations,
  appointments,
  auditEvents,
  cvEntries,
  cvProfiles,
  preparationComments,
  persons,
  preparationParts,
  relativeGrants,
  workWishes,
} from "../../../db/schema";
import { recordBriefingViewed } from "~/features/caseworker/commands.server";
import { findMyParticipant, getBriefing, listMyParticipants } from "~/features/caseworker/queries.server";
import {
  CASEWORKER_VIEWS,
  cwCv,
  cwCvEntries,
  cwNetworkPeople,
  cwRelativeGrants,
  cwSharedPreparation,
  cwSharedPreparationComments,
  cwWorkWishes,
} from "~/features/caseworker/views.server";
import { createEntry, deleteEntry, saveContact, saveSummary, saveWishes, type ShareResult, shareCv, updateEntry } from "~/features/cv/commands.server";
import { getCv } from "~/features/cv/queries.server";
import { sections } from "~/features/cv/sections";
import { changedSinceShared } from "~/features/cv/snapshot.server";
import { saveTaskSuggestions } from "~/features/cv/task-suggestions.server";
import { setSharing } from "~/features/network/commands.server";
import { savePart, shareParts, withdrawPart } from "~/features/preparation/commands.server";
import { copenhagenDay } from "~/lib/dates";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";

/**
 * The caseworker contract (db/migrations/0005_caseworker_views.sql, the CV views in
 * 0007_cv_shared_snapshot.sql): every view can be read, nothing private or unshared ever appears
 * in one, and a shared CV shows as it was shared. Runs on PGlite and, with TEST_DATABASE_URL,
 * on real Postgres (roles and grants are tested by the lead's security tests).
 */

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});

afterAll(async () => {
  await database?.dispose();
});

/** Every row of every caseworker view, as one string: what a caseworker could ever read. */
async function everythingVisible(): Promise<string> {
  const all: unknown[] = [];
  for (const view of Object.values(CASEWORKER_VIEWS)) all.push(await database.db.select().from(view));
  return JSON.stringify(all);
}

/**
 * A mark unique to one test: the views are read whole (everythingVisible), so what one test
 * shares must not be mistaken for another test's secret.
 */
const aMark = () => randomBytes(4).toString("hex").toUpperCase();

type Actor = { personId: string; participantId: string };
const actorOf = (who: Actor): Actor => ({ personId: who.personId, participantId: who.participantId });

/**
 * Each test builds its own people (db/builders.ts), no demo seed: Sara, the caseworker of Mette
 * and Ali; Mette with a meeting, a started, never shared preparation draft and her brother Jonas
 * as a relative who may comment on her preparation; Ali with a phone number and an e-mail he hides
 * on his CV.
 */
async function somePeople(options: { network?: boolean; alisCv?: AlisCv } = {}) {
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(sara)
    .withAppointment({ startsAt: new Date(Date.now() + 3 * 86_400_000) })
    .withPreparation([{ part: "questions", status: "in_progress", answers: { questions: "UDKAST-FRA-START: aldrig delt" } }])
    .withRelative(jonas, { invitedName: "Jonas Hansen", relation: "Bror", scopes: ["preparation"], mayComment: true })
    .withNetwork(options.network ? [NETWORK_PERSON] : [])
    .build(database.db);
  /** Ali's e-mail: he hides it on his CV, so no view may ever show it. */
  const aliEmail = `ali.hassan.${aMark().toLowerCase()}@example.net`;
  const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan", email: aliEmail, phone: "+45 11 22 33 02" } })
    .withCaseworker(sara)
    .withCv({
      contactVisibility: { email: false, phone: true, address: false },
      ...(options.alisCv && {
        profile: { summary: options.alisCv.summary, address: "HEMMELIG-ADRESSE 1" },
        entries: [
          { kind: "work", title: options.alisCv.job, organisation: "Firma A/S", fromText: "2012", toText: "2022" },
          { kind: "work", title: "SLETTET-JOB", deletedAt: new Date() },
        ],
        wishes: { fields: ["El-installation"], hoursPerWeek: 12, accommodations: options.alisCv.accommodations, showAccommodationsOnCv: false },
      }),
    })
    .build(database.db);
  return { sara: sara.personId, jonas: jonas.personId, mette: actorOf(mette), ali: actorOf(ali), aliEmail };
}

/** Ali's CV as he wrote it, before sharing: his summary, a job and his skånehensyn, marked for one test. */
type AlisCv = ReturnType<typeof alisCv>;
function alisCv() {
  const mark = aMark();
  return {
    summary: `CV-RESUME ${mark}: elektriker med ti års erfaring`,
    job: `Elektriker ${mark}`,
    accommodations: `SKAANEHENSYN ${mark}: ingen tunge løft`,
  };
}

const NOTE = "PRIVAT NOTE: min mor må ikke vide det";
/** A neighbour on Mette's network map who holds her back, with a private note. */
const NETWORK_PERSON = {
  name: "Testperson Privat",
  relation: "Nabo",
  sector: "friends",
  closeness: "middle",
  stance: "holds_back",
  note: NOTE,
  wantedAtMeeting: true,
} as const;

async function part(who: Actor, key: "questions" | "challenges") {
  const [row] = await database.db
    .select()
    .from(preparationParts)
    .where(and(eq(preparationParts.participantId, who.participantId), eq(preparationParts.part, key)));
  return row;
}

/**
 * Mette's "challenges" part saved with `shared` and shared; then, if given, a newer draft; then,
 * if given, Jonas' two remarks on it: one she includes when sharing, one she keeps to herself.
 */
async function sharedChallenges(mette: Actor, jonas: string, texts: { shared: string; draft?: string; remarks?: { included: string; kept: string } }) {
  expect((await savePart(mette, "challenges", { version: 0, done: "yes", answers: { work: texts.shared, social: "", health: "" } })).status).toBe("saved");
  const shared = await part(mette, "challenges");
  expect((await shareParts(mette, ["challenges"], { challenges: shared!.version }, new Date("2026-11-20T09:30:00Z"))).status).toBe("shared");
  if (texts.draft) {
    const draft = { version: shared!.version, done: "yes" as const, answers: { work: texts.draft, social: "", health: "" } };
    expect((await savePart(mette, "challenges", draft)).status).toBe("saved");
  }
  if (texts.remarks) {
    await database.db.insert(preparationComments).values([
      { preparationPartId: shared!.id, authorPersonId: jonas, body: texts.remarks.included, includeWhenShared: true },
      { preparationPartId: shared!.id, authorPersonId: jonas, body: texts.remarks.kept, includeWhenShared: false },
    ]);
  }
}

describe("the caseworker views", () => {
  it("are all readable, and name no secret columns", async () => {
    for (const [name, view] of Object.entries(CASEWORKER_VIEWS)) {
      const rows = await database.db.select().from(view);
      expect(Array.isArray(rows), name).toBe(true);
    }
    const result = await database.db.execute<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns where table_schema = 'caseworker'`,
    );
    const columns = ((result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as {
      table_name: string;
      column_name: string;
    }[];
    // Every view of this contract exists (the lead's `events` view lives in the same schema).
    const views = new Set(columns.map((column) => column.table_name));
    for (const name of Object.keys(CASEWORKER_VIEWS)) expect(views.has(name), name).toBe(true);
    const names = columns.map((column) => column.column_name);
    for (const forbidden of ["cpr", "token_hash", "note", "answers", "subject", "provider", "include_when_shared"]) {
      expect(names, forbidden).not.toContain(forbidden);
    }
    expect(names.filter((name) => /token|hash|cpr|session/.test(name))).toEqual([]);
  });

  it("every view has a comment on itself and on each column", async () => {
    const result = await database.db.execute<{ name: string; missing: boolean }>(sql`
      select c.relname || coalesce('.' || a.attname, '') as name,
             (case when a.attname is null then obj_description(c.oid, 'pg_class') else col_description(c.oid, a.attnum) end) is null as missing
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'caseworker'
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relkind = 'v'`);
    const mine = new Set(Object.keys(CASEWORKER_VIEWS));
    const rows = (((result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as { name: string; missing: boolean }[]).filter(
      (row) => mine.has(row.name.split(".")[0]!),
    );
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((row) => row.missing).map((row) => row.name)).toEqual([]);
    const viewComments = await database.db.execute<{ name: string; comment: string | null }>(sql`
      select c.relname as name, obj_description(c.oid, 'pg_class') as comment
      from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'caseworker'
      where c.relkind = 'v'`);
    const comments = ((viewComments as unknown as { rows?: unknown[] }).rows ?? (viewComments as unknown as unknown[])) as { name: string; comment: string | null }[];
    for (const name of mine) expect(comments.find((row) => row.name === name)?.comment, name).toBeTruthy();
  });

  it("never show a CPR number, a session or an invitation token", async () => {
    const people = await somePeople();
    const [mette] = await database.db.select({ cpr: persons.cpr }).from(persons).where(eq(persons.id, people.mette.personId));
    const visible = await everythingVisible();
    expect(mette!.cpr).toBeTruthy();
    expect(visible).not.toContain(mette!.cpr!);
    expect(visible).not.toContain(mette!.cpr!.replace("-", ""));
  });
});

describe("the network", () => {
  it("is absent until shared, and the private note never appears", async () => {
    const { mette } = await somePeople({ network: true });
    expect(await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, mette.participantId))).toEqual([]);
    expect(await everythingVisible()).not.toContain(NOTE);

    await setSharing(mette, true, false);
    const rows = await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, mette.participantId));
    const person = rows.find((row) => row.name === "Testperson Privat");
    expect(person).toBeDefined();
    expect(person!.relation).toBe("Nabo");
    expect(person!.wantedAtMeeting).toBe(true);
    expect(person!.sharedAt).toBeInstanceOf(Date);
    expect(await everythingVisible()).not.toContain(NOTE);
  });

  it("shows the judgement (stance) only when the participant shares it too", async () => {
    const { mette } = await somePeople({ network: true });
    await setSharing(mette, true, false);
    let rows = await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, mette.participantId));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.stance === null && row.stanceShared === false)).toBe(true);
    expect(await everythingVisible()).not.toContain("holds_back");

    await setSharing(mette, true, true);
    rows = await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, mette.participantId));
    expect(rows.find((row) => row.name === "Testperson Privat")!.stance).toBe("holds_back");

    await setSharing(mette, false, false);
    rows = await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, mette.participantId));
    expect(rows).toEqual([]);
  });
});

describe("the preparation", () => {
  it("never shows an unshared draft; a share shows its version and time", async () => {
    const { mette } = await somePeople();
    const mark = aMark();
    const SHARED = `Jeg har arbejdet otte år i Netto (delt ${mark})`;
    const DRAFT = `UDKAST-${mark}: dette er ikke delt endnu`;
    const saved = await savePart(mette, "challenges", { version: 0, done: "yes", answers: { work: SHARED, social: "", health: "" } });
    expect(saved.status).toBe("saved");
    expect(await everythingVisible()).not.toContain(SHARED);

    const sharedAt = new Date("2026-11-20T09:30:00Z");
    const current = await part(mette, "challenges");
    const result = await shareParts(mette, ["challenges"], { challenges: current!.version }, sharedAt);
    expect(result.status).toBe("shared");
    let [row] = await database.db
      .select()
      .from(cwSharedPreparation)
      .where(and(eq(cwSharedPreparation.participantId, mette.participantId), eq(cwSharedPreparation.part, "challenges")));
    expect(row!.sharedVersion).toBe(current!.version);
    expect(row!.sharedAt.toISOString()).toBe(sharedAt.toISOString());
    expect(row!.firstSharedAt!.toISOString()).toBe(sharedAt.toISOString());
    expect((row!.sharedAnswers as { answers: Record<string, string> }).answers.work).toBe(SHARED);

    // A newer draft: the caseworker still reads the shared version, never the draft.
    const again = await savePart(mette, "challenges", {
      version: current!.version,
      done: "yes",
      answers: { work: DRAFT, social: "", health: "" },
    });
    expect(again.status).toBe("saved");
    [row] = await database.db
      .select()
      .from(cwSharedPreparation)
      .where(and(eq(cwSharedPreparation.participantId, mette.participantId), eq(cwSharedPreparation.part, "challenges")));
    expect(row!.sharedVersion).toBe(current!.version);
    expect(JSON.stringify(row!.sharedAnswers)).toContain(SHARED);
    expect(await everythingVisible()).not.toContain(DRAFT);
    // Her draft from before (started, never shared) is not visible either.
    const seeded = await database.db
      .select({ part: cwSharedPreparation.part })
      .from(cwSharedPreparation)
      .where(eq(cwSharedPreparation.participantId, mette.participantId));
    expect(seeded.map((r) => r.part)).toEqual(["challenges"]);
    expect(await everythingVisible()).not.toContain("UDKAST-FRA-START");
  });

  it("shows only the relatives' remarks the participant included, only while the part is shared", async () => {
    const { mette, jonas } = await somePeople();
    const mark = aMark();
    const remarks = { included: `MED ${mark}: Mette er god til at holde orden`, kept: `IKKE MED ${mark}: kun til Mette` };
    await sharedChallenges(mette, jonas, { shared: `Delt ${mark}`, remarks });
    const visibleRemarks = await database.db
      .select()
      .from(cwSharedPreparationComments)
      .where(eq(cwSharedPreparationComments.participantId, mette.participantId));
    expect(visibleRemarks.map((remark) => remark.body)).toEqual([remarks.included]);
    expect(visibleRemarks[0]!.authorFirstName).toBe("Jonas");
    expect(visibleRemarks[0]!.authorRelation).toBe("Bror");
    expect(await everythingVisible()).not.toContain(remarks.kept);
  });

  it("a withdrawn part (and its remarks) disappears entirely", async () => {
    const { mette, jonas } = await somePeople();
    const mark = aMark();
    const SHARED = `Jeg har arbejdet otte år i Netto (delt ${mark})`;
    const DRAFT = `UDKAST-${mark}: dette er ikke delt endnu`;
    const remarks = { included: `MED ${mark}: Mette er god til at holde orden`, kept: `IKKE MED ${mark}: kun til Mette` };
    await sharedChallenges(mette, jonas, { shared: SHARED, draft: DRAFT, remarks });
    expect(await everythingVisible()).toContain(SHARED);
    expect(await everythingVisible()).toContain(remarks.included);

    expect(await withdrawPart(mette, "challenges")).toBe("withdrawn");
    const visible = await everythingVisible();
    expect(visible).not.toContain(SHARED);
    expect(visible).not.toContain(remarks.included);
    const rows = await database.db.select().from(cwSharedPreparation).where(eq(cwSharedPreparation.participantId, mette.participantId));
    expect(rows).toEqual([]);

    // Shared again: the new version, and the remark returns with it.
    const current = await part(mette, "challenges");
    const sharedAt = new Date("2026-11-22T08:00:00Z");
    await shareParts(mette, ["challenges"], { challenges: current!.version }, sharedAt);
    const [row] = await database.db.select().from(cwSharedPreparation).where(eq(cwSharedPreparation.participantId, mette.participantId));
    expect(row!.sharedVersion).toBe(current!.version);
    expect(row!.sharedAt.toISOString()).toBe(sharedAt.toISOString());
    expect(row!.firstSharedAt!.toISOString()).toBe(sharedAt.toISOString());
    expect(JSON.stringify(row!.sharedAnswers)).toContain(DRAFT);
    const shownRemarks = await database.db.select().from(cwSharedPreparationComments).where(eq(cwSharedPreparationComments.participantId, mette.participantId));
    expect(shownRemarks.map((remark) => remark.body)).toEqual([remarks.included]);
  });
});

describe("the CV and work wishes", () => {
  const sharedAtOf = (result: ShareResult) => {
    if (result.status !== "shared") throw new Error("not shared");
    return result.sharedAt;
  };

  it("are absent until shared; then hidden contact details stay hidden and skånehensyn show", async () => {
    const cvText = alisCv();
    const { ali, aliEmail } = await somePeople({ alisCv: cvText });
    const before = await everythingVisible();
    expect(before).not.toContain(cvText.summary);
    expect(before).not.toContain(cvText.job);
    expect(before).not.toContain(cvText.accommodations);

    // Ali ticks "Del også mine skånehensyn" (nothing is shared by default; cv-share.test.ts).
    const sharedAt = sharedAtOf(await shareCv(ali, { accommodations: true }, undefined, new Date("2026-11-21T10:00:00Z")));
    const [cv] = await database.db.select().from(cwCv).where(eq(cwCv.participantId, ali.participantId));
    expect(cv!.sharedAt.toISOString()).toBe(sharedAt.toISOString());
    expect(cv!.summary).toBe(cvText.summary);
    expect(cv!.email).toBeNull();
    expect(cv!.address).toBeNull();
    expect(cv!.phone).not.toBeNull();
    const entries = await database.db.select().from(cwCvEntries).where(eq(cwCvEntries.participantId, ali.participantId));
    expect(entries.some((entry) => entry.title === cvText.job && entry.organisation === "Firma A/S")).toBe(true);
    expect(entries.map((entry) => entry.title)).not.toContain("SLETTET-JOB");
    const [wishes] = await database.db.select().from(cwWorkWishes).where(eq(cwWorkWishes.participantId, ali.participantId));
    expect(wishes!.accommodations).toBe(cvText.accommodations);
    expect(wishes!.showAccommodationsOnCv).toBe(false);
    expect(wishes!.hoursPerWeek).toBe(12);
    const after = await everythingVisible();
    expect(after).not.toContain("HEMMELIG-ADRESSE");
    expect(after).not.toContain("SLETTET-JOB");
    expect(after).not.toContain(aliEmail);
    // The participant's /cv compares with what was shared: nothing changed since.
    expect(changedSinceShared(await getCv(ali.participantId))).toBe(false);
  });

  it("show the CV as shared: later edits reach the caseworker only when the participant shares again", async () => {
    const cvText = alisCv();
    const { sara, ali, aliEmail } = await somePeople({ alisCv: cvText });
    sharedAtOf(await shareCv(ali, { accommodations: true }, undefined, new Date("2026-11-21T10:00:00Z")));
    const cvRow = async () => (await database.db.select().from(cwCv).where(eq(cwCv.participantId, ali.participantId)))[0]!;
    const entryRows = () => database.db.select().from(cwCvEntries).where(eq(cwCvEntries.participantId, ali.participantId));
    const wishesRow = async () => (await database.db.select().from(cwWorkWishes).where(eq(cwWorkWishes.participantId, ali.participantId)))[0]!;
    const [profile] = await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, ali.participantId));
    const [job] = await database.db
      .select()
      .from(cvEntries)
      .where(and(eq(cvEntries.participantId, ali.participantId), eq(cvEntries.organisation, "Firma A/S")));
    const [wishes] = await database.db.select().from(workWishes).where(eq(workWishes.participantId, ali.participantId));
    // What the caseworker reads right after the first share.
    const sharedCv = await cvRow();
    const sharedEntries = await entryRows();
    const sharedWishes = await wishesRow();
    expect(sharedEntries.find((entry) => entry.entryId === job!.id)).toMatchObject({ title: cvText.job, details: null });

    // After sharing, Ali changes every part of his CV.
    expect((await saveSummary(ali, "NYT-RESUME: vil gerne arbejde med børn", profile!.version)).status).toBe("saved");
    const jobEdit = { ...job!, title: "NY-TITEL: Overmontør", details: "NYE-DETALJER", submissionId: null };
    expect((await updateEntry(ali, job!.id, jobEdit, job!.version)).status).toBe("saved");
    await createEntry(ali, sections.erfaring, {
      kind: "work",
      title: "NYT-JOB: Pedel",
      organisation: "Skolen",
      fromText: "2023",
      toText: null,
      isOngoing: true,
      details: null,
      level: null,
      category: null,
      version: undefined,
      submissionId: null,
    });
    // The address was hidden when shared: now shown, with new words. The e-mail stays hidden.
    await saveContact(ali, { showEmail: false, showPhone: true, showAddress: true, address: "SYNLIG-ADRESSE 2" });
    expect(
      (
        await saveWishes(
          ali,
          {
            fields: ["NYT-FELT: Pedelarbejde"],
            hoursPerWeek: 20,
            hoursPerWeekMax: null,
            maxCommuteMinutes: 30,
            areas: "NYT-OMRAADE",
            accommodations: "NYT-SKAANEHENSYN: korte dage",
            showAccommodationsOnCv: true,
          },
          wishes!.version,
        )
      ).status,
    ).toBe("saved");
    await saveTaskSuggestions(ali.participantId, ["NY-OPGAVE: feje skolegården"], { personId: ali.personId });

    // The caseworker still reads exactly what was shared, plus the bare fact that something changed.
    let cv = await cvRow();
    expect(cv).toEqual({ ...sharedCv, changedSinceShared: true });
    expect(cv.sharedAt.toISOString()).toBe("2026-11-21T10:00:00.000Z");
    expect(cv.summary).toBe(cvText.summary);
    expect(cv.address).toBeNull();
    expect(cv.email).toBeNull();
    let entries = await entryRows();
    expect(entries).toEqual(sharedEntries);
    let shownWishes = await wishesRow();
    expect(shownWishes).toEqual(sharedWishes);
    expect(shownWishes).toMatchObject({
      fields: ["El-installation"],
      hoursPerWeek: 12,
      accommodations: cvText.accommodations,
      showAccommodationsOnCv: false,
    });
    let visible = await everythingVisible();
    for (const edit of ["NYT-RESUME", "NY-TITEL", "NYE-DETALJER", "NYT-JOB", "SYNLIG-ADRESSE", "NYT-FELT", "NYT-OMRAADE", "NYT-SKAANEHENSYN", "NY-OPGAVE"]) {
      expect(visible, edit).not.toContain(edit);
    }
    // The briefing reads the same views: the shared CV and "Ændret efter deling", no new content.
    const briefing = (await getBriefing(sara, ali.participantId))!;
    expect(briefing.cv!.summary).toBe(cvText.summary);
    expect(briefing.cv!.changedSinceShared).toBe(true);
    expect(JSON.stringify(briefing.cv)).not.toContain("NY");
    // The participant's /cv says "Du har ændret noget, siden du delte".
    expect(changedSinceShared(await getCv(ali.participantId))).toBe(true);

    // Shared again: now the caseworker sees the new CV, and still never the hidden e-mail.
    const sharedAgain = sharedAtOf(await shareCv(ali, { accommodations: true }));
    cv = await cvRow();
    expect(cv.sharedAt.toISOString()).toBe(sharedAgain.toISOString());
    expect(cv.summary).toBe("NYT-RESUME: vil gerne arbejde med børn");
    expect(cv.address).toBe("SYNLIG-ADRESSE 2");
    expect(cv.email).toBeNull();
    expect(cv.phone).not.toBeNull();
    expect(cv.changedSinceShared).toBe(false);
    entries = await entryRows();
    expect(entries).toHaveLength(sharedEntries.length + 1);
    expect(entries.find((entry) => entry.entryId === job!.id)).toMatchObject({ title: "NY-TITEL: Overmontør", details: "NYE-DETALJER" });
    expect(entries.find((entry) => entry.title === "NYT-JOB: Pedel")).toMatchObject({ isOngoing: true, toText: null, organisation: "Skolen" });
    shownWishes = await wishesRow();
    expect(shownWishes).toMatchObject({
      fields: ["NYT-FELT: Pedelarbejde"],
      hoursPerWeek: 20,
      maxCommuteMinutes: 30,
      areas: "NYT-OMRAADE",
      accommodations: "NYT-SKAANEHENSYN: korte dage",
      showAccommodationsOnCv: true,
      taskSuggestions: ["NY-OPGAVE: feje skolegården"],
      sharedAt: sharedAgain,
    });
    visible = await everythingVisible();
    expect(visible).not.toContain(cvText.summary);
    expect(visible).not.toContain(aliEmail);
    expect(visible).not.toContain("HEMMELIG-ADRESSE");
    expect(changedSinceShared(await getCv(ali.participantId))).toBe(false);

    // Deleting a line after sharing: still shown as shared until shared again; then gone.
    expect(await deleteEntry(ali, job!.id)).not.toBeNull();
    expect((await entryRows()).map((entry) => entry.entryId)).toContain(job!.id);
    expect((await cvRow()).changedSinceShared).toBe(true);
    await shareCv(ali, { accommodations: true });
    entries = await entryRows();
    expect(entries.map((entry) => entry.entryId)).not.toContain(job!.id);
    expect(entries).toHaveLength(sharedEntries.length);
    expect((await cvRow()).changedSinceShared).toBe(false);

    // For the participant's "Du har ændret noget, siden du delte", an edit undone again is no change.
    const [current] = await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, ali.participantId));
    await saveSummary(ali, "MIDLERTIDIG", current!.version);
    expect(changedSinceShared(await getCv(ali.participantId))).toBe(true);
    await saveSummary(ali, "NYT-RESUME: vil gerne arbejde med børn", current!.version + 1);
    expect(changedSinceShared(await getCv(ali.participantId))).toBe(false);
    expect((await cvRow()).summary).toBe("NYT-RESUME: vil gerne arbejde med børn");
  });

  it("hides every CV view row when a share has no snapshot (a share from before snapshots existed)", async () => {
    const { mette } = await somePeople();
    await database.db.insert(cvProfiles).values({ participantId: mette.participantId, summary: "METTE-LIVE", sharedAt: new Date() });
    for (const view of [cwCv, cwCvEntries, cwWorkWishes]) {
      expect(await database.db.select().from(view).where(eq(view.participantId, mette.participantId))).toEqual([]);
    }
    // Her /cv asks her to share again.
    expect(changedSinceShared(await getCv(mette.participantId))).toBe(true);
  });
});

describe("appointments and relatives", () => {
  it("show the participant's questions, notes and 'cannot come', and derive 'expired' grants", async () => {
    const { mette, ali } = await somePeople();
    const [meeting] = await database.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.participantId, mette.participantId))
      .orderBy(appointments.startsAt)
      .limit(1);
    const mark = aMark();
    await database.db.insert(appointmentPreparations).values({ appointmentId: meeting!.id, questions: `SPØRGSMÅL ${mark}: hvor mange timer?`, notes: `NOTE ${mark}: tag dagbogen med` });
    await database.db.insert(absenceNotices).values({ appointmentId: meeting!.id, reason: `Jeg er syg ${mark}`, wishForNewTime: "Næste uge" });
    const visible = await everythingVisible();
    expect(visible).toContain(`SPØRGSMÅL ${mark}: hvor mange timer?`);
    expect(visible).toContain(`NOTE ${mark}: tag dagbogen med`);
    expect(visible).toContain(`Jeg er syg ${mark}`);

    const yesterday = copenhagenDay(new Date(Date.now() - 86_400_000));
    const today = copenhagenDay(new Date());
    const [expired] = await database.db
      .insert(relativeGrants)
      .values({ participantId: ali.participantId, invitedName: "Udløbet", invitedEmail: "u@example.org", relation: "Ven", scopes: ["plan"], validUntil: yesterday, status: "active" })
      .returning({ id: relativeGrants.id });
    const [lastDay] = await database.db
      .insert(relativeGrants)
      .values({ participantId: ali.participantId, invitedName: "Sidste dag", invitedEmail: "s@example.org", relation: "Ven", scopes: ["plan"], validUntil: today, status: "active" })
      .returning({ id: relativeGrants.id });
    const grants = await database.db.select().from(cwRelativeGrants).where(eq(cwRelativeGrants.participantId, ali.participantId));
    expect(grants.find((grant) => grant.grantId === expired!.id)!.status).toBe("expired");
    expect(grants.find((grant) => grant.grantId === expired!.id)!.storedStatus).toBe("active");
    expect(grants.find((grant) => grant.grantId === lastDay!.id)!.status).toBe("active");
  });
});

describe("the briefing queries", () => {
  /** Another caseworker, Birgit, with a participant of her own, Anna. */
  async function anotherCaseworker() {
    const birgit = await aCaseworker({ person: { firstName: "Birgit", lastName: "Berg" } }).build(database.db);
    const anna = await aParticipant({ person: { firstName: "Anna", lastName: "Andersen" } }).withCaseworker(birgit).build(database.db);
    return { otherCaseworker: birgit.personId, otherParticipant: anna.participantId };
  }

  it("list only the caseworker's own participants", async () => {
    const { sara, jonas } = await somePeople();
    const { otherCaseworker } = await anotherCaseworker();
    const mine = await listMyParticipants(sara);
    expect(mine.map((item) => item.name).sort()).toEqual(["Ali Hassan", "Mette Hansen"]);
    const hers = await listMyParticipants(otherCaseworker);
    expect(hers.map((item) => item.name)).toEqual(["Anna Andersen"]);
    expect(await listMyParticipants(jonas)).toEqual([]);
  });

  it("open a briefing only for the caseworker's own participants", async () => {
    // Mette shared her "challenges" with one of Jonas' remarks; her network she shared and then
    // stopped sharing. Ali shared his CV with his skånehensyn; Mette has not shared hers.
    const cvText = alisCv();
    const { sara, jonas, mette, ali } = await somePeople({ network: true, alisCv: cvText });
    await sharedChallenges(mette, jonas, { shared: "Delt", remarks: { included: "MED: Mette er god til at holde orden", kept: "IKKE MED: kun til Mette" } });
    await setSharing(mette, true, false);
    await setSharing(mette, false, false);
    expect((await shareCv(ali, { accommodations: true })).status).toBe("shared");
    const { otherCaseworker, otherParticipant } = await anotherCaseworker();

    expect(await getBriefing(sara, otherParticipant)).toBeNull();
    expect(await getBriefing(otherCaseworker, mette.participantId)).toBeNull();
    expect(await getBriefing(sara, "not-a-uuid")).toBeNull();
    expect(await getBriefing(sara, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await findMyParticipant(mette.personId, mette.participantId)).toBeNull();

    const briefing = await getBriefing(sara, mette.participantId);
    expect(briefing!.participant.name).toBe("Mette Hansen");
    expect(briefing!.preparation.map((part) => part.part)).toEqual(["challenges"]);
    expect(briefing!.preparation[0]!.remarks.map((remark) => remark.authorFirstName)).toEqual(["Jonas"]);
    expect(briefing!.network).toBeNull();
    expect(briefing!.cv).toBeNull();
    expect((await getBriefing(sara, ali.participantId))!.cv!.wishes!.accommodations).toBe(cvText.accommodations);
  });

  it("records each opening as 'caseworker.briefing_viewed' for the participant's access log", async () => {
    const { sara, mette } = await somePeople();
    await recordBriefingViewed({ caseworkerPersonId: sara, participantId: mette.participantId, requestId: "req-1" });
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "caseworker.briefing_viewed"), eq(auditEvents.participantId, mette.participantId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorPersonId).toBe(sara);
    expect(rows[0]!.details).toEqual({ page: "briefing" });
  });
});

if (!serverUrl) console.log("caseworker-views.test: running on PGlite; set TEST_DATABASE_URL to run the same checks on Postgres.");
