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
  networkPeople,
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
/** Ali's e-mail: he hides it on his CV, so no view may ever show it. */
const ALI_EMAIL = "ali.hassan@example.net";
const ids = {} as {
  mette: { personId: string; participantId: string };
  ali: { personId: string; participantId: string };
  jonas: string;
  sara: string;
};

/** Every row of every caseworker view, as one string: what a caseworker could ever read. */
async function everythingVisible(): Promise<string> {
  const all: unknown[] = [];
  for (const view of Object.values(CASEWORKER_VIEWS)) all.push(await database.db.select().from(view));
  return JSON.stringify(all);
}

// The file builds its own people (db/builders.ts), no demo seed: Sara, the caseworker of Mette and
// Ali; Mette with a meeting and a started, never shared preparation draft; Ali with a phone number,
// an e-mail he hides on his CV; Jonas, a relative. The describes below are one story, in order.
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(sara)
    .withAppointment({ startsAt: new Date(Date.now() + 3 * 86_400_000) })
    .withPreparation([{ part: "questions", status: "in_progress", answers: { questions: "UDKAST-FRA-START: aldrig delt" } }])
    .build(database.db);
  const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan", email: ALI_EMAIL, phone: "+45 11 22 33 02" } })
    .withCaseworker(sara)
    .withCv({ contactVisibility: { email: false, phone: true, address: false } })
    .build(database.db);
  ids.mette = { personId: mette.personId, participantId: mette.participantId };
  ids.ali = { personId: ali.personId, participantId: ali.participantId };
  ids.jonas = (await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db)).personId;
  ids.sara = sara.personId;
});

afterAll(async () => {
  await database?.dispose();
});

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
    const [mette] = await database.db.select({ cpr: persons.cpr }).from(persons).where(eq(persons.id, ids.mette.personId));
    const visible = await everythingVisible();
    expect(mette!.cpr).toBeTruthy();
    expect(visible).not.toContain(mette!.cpr!);
    expect(visible).not.toContain(mette!.cpr!.replace("-", ""));
  });
});

describe("the network", () => {
  const actor = () => ({ personId: ids.mette.personId, participantId: ids.mette.participantId });
  const NOTE = "PRIVAT NOTE: min mor må ikke vide det";

  beforeAll(async () => {
    await database.db.insert(networkPeople).values({
      participantId: ids.mette.participantId,
      name: "Testperson Privat",
      relation: "Nabo",
      sector: "friends",
      closeness: "middle",
      stance: "holds_back",
      note: NOTE,
      wantedAtMeeting: true,
    });
  });

  it("is absent until shared, and the private note never appears", async () => {
    expect(await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, ids.mette.participantId))).toEqual([]);
    expect(await everythingVisible()).not.toContain(NOTE);

    await setSharing(actor(), true, false);
    const rows = await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, ids.mette.participantId));
    const person = rows.find((row) => row.name === "Testperson Privat");
    expect(person).toBeDefined();
    expect(person!.relation).toBe("Nabo");
    expect(person!.wantedAtMeeting).toBe(true);
    expect(person!.sharedAt).toBeInstanceOf(Date);
    expect(await everythingVisible()).not.toContain(NOTE);
  });

  it("shows the judgement (stance) only when the participant shares it too", async () => {
    await setSharing(actor(), true, false);
    let rows = await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, ids.mette.participantId));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.stance === null && row.stanceShared === false)).toBe(true);
    expect(await everythingVisible()).not.toContain("holds_back");

    await setSharing(actor(), true, true);
    rows = await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, ids.mette.participantId));
    expect(rows.find((row) => row.name === "Testperson Privat")!.stance).toBe("holds_back");

    await setSharing(actor(), false, false);
    rows = await database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, ids.mette.participantId));
    expect(rows).toEqual([]);
  });
});

describe("the preparation", () => {
  const actor = () => ({ personId: ids.mette.personId, participantId: ids.mette.participantId });
  const SHARED = "Jeg har arbejdet otte år i Netto (delt)";
  const DRAFT = "UDKAST: dette er ikke delt endnu";

  async function part(key: "questions" | "challenges") {
    const [row] = await database.db
      .select()
      .from(preparationParts)
      .where(and(eq(preparationParts.participantId, ids.mette.participantId), eq(preparationParts.part, key)));
    return row;
  }

  it("never shows an unshared draft; a share shows its version and time", async () => {
    const saved = await savePart(actor(), "challenges", { version: 0, done: "yes", answers: { work: SHARED, social: "", health: "" } });
    expect(saved.status).toBe("saved");
    expect(await everythingVisible()).not.toContain(SHARED);

    const sharedAt = new Date("2026-11-20T09:30:00Z");
    const current = await part("challenges");
    const result = await shareParts(actor(), ["challenges"], { challenges: current!.version }, sharedAt);
    expect(result.status).toBe("shared");
    let [row] = await database.db
      .select()
      .from(cwSharedPreparation)
      .where(and(eq(cwSharedPreparation.participantId, ids.mette.participantId), eq(cwSharedPreparation.part, "challenges")));
    expect(row!.sharedVersion).toBe(current!.version);
    expect(row!.sharedAt.toISOString()).toBe(sharedAt.toISOString());
    expect(row!.firstSharedAt!.toISOString()).toBe(sharedAt.toISOString());
    expect((row!.sharedAnswers as { answers: Record<string, string> }).answers.work).toBe(SHARED);

    // A newer draft: the caseworker still reads the shared version, never the draft.
    const again = await savePart(actor(), "challenges", {
      version: current!.version,
      done: "yes",
      answers: { work: DRAFT, social: "", health: "" },
    });
    expect(again.status).toBe("saved");
    [row] = await database.db
      .select()
      .from(cwSharedPreparation)
      .where(and(eq(cwSharedPreparation.participantId, ids.mette.participantId), eq(cwSharedPreparation.part, "challenges")));
    expect(row!.sharedVersion).toBe(current!.version);
    expect(JSON.stringify(row!.sharedAnswers)).toContain(SHARED);
    expect(await everythingVisible()).not.toContain(DRAFT);
    // Her draft from before (started, never shared) is not visible either.
    const seeded = await database.db
      .select({ part: cwSharedPreparation.part })
      .from(cwSharedPreparation)
      .where(eq(cwSharedPreparation.participantId, ids.mette.participantId));
    expect(seeded.map((r) => r.part)).toEqual(["challenges"]);
    expect(await everythingVisible()).not.toContain("UDKAST-FRA-START");
  });

  it("shows only the relatives' remarks the participant included, only while the part is shared", async () => {
    const current = await part("challenges");
    await database.db.insert(relativeGrants).values({
      participantId: ids.mette.participantId,
      relativePersonId: ids.jonas,
      invitedName: "Jonas Hansen",
      invitedEmail: "jonas@example.org",
      relation: "Bror",
      scopes: ["preparation"],
      mayComment: true,
      validUntil: "2099-01-01",
      status: "active",
      acceptedAt: new Date(),
    });
    await database.db.insert(preparationComments).values([
      { preparationPartId: current!.id, authorPersonId: ids.jonas, body: "MED: Mette er god til at holde orden", includeWhenShared: true },
      { preparationPartId: current!.id, authorPersonId: ids.jonas, body: "IKKE MED: kun til Mette", includeWhenShared: false },
    ]);
    const remarks = await database.db
      .select()
      .from(cwSharedPreparationComments)
      .where(eq(cwSharedPreparationComments.participantId, ids.mette.participantId));
    expect(remarks.map((remark) => remark.body)).toEqual(["MED: Mette er god til at holde orden"]);
    expect(remarks[0]!.authorFirstName).toBe("Jonas");
    expect(remarks[0]!.authorRelation).toBe("Bror");
    expect(await everythingVisible()).not.toContain("IKKE MED");
  });

  it("a withdrawn part (and its remarks) disappears entirely", async () => {
    expect(await withdrawPart(actor(), "challenges")).toBe("withdrawn");
    const visible = await everythingVisible();
    expect(visible).not.toContain(SHARED);
    expect(visible).not.toContain("MED: Mette er god til at holde orden");
    const rows = await database.db.select().from(cwSharedPreparation).where(eq(cwSharedPreparation.participantId, ids.mette.participantId));
    expect(rows).toEqual([]);

    // Shared again: the new version, and the remark returns with it.
    const current = await part("challenges");
    const sharedAt = new Date("2026-11-22T08:00:00Z");
    await shareParts(actor(), ["challenges"], { challenges: current!.version }, sharedAt);
    const [row] = await database.db.select().from(cwSharedPreparation).where(eq(cwSharedPreparation.participantId, ids.mette.participantId));
    expect(row!.sharedVersion).toBe(current!.version);
    expect(row!.sharedAt.toISOString()).toBe(sharedAt.toISOString());
    expect(row!.firstSharedAt!.toISOString()).toBe(sharedAt.toISOString());
    expect(JSON.stringify(row!.sharedAnswers)).toContain(DRAFT);
    const remarks = await database.db.select().from(cwSharedPreparationComments).where(eq(cwSharedPreparationComments.participantId, ids.mette.participantId));
    expect(remarks).toHaveLength(1);
  });
});

describe("the CV and work wishes", () => {
  const actor = () => ({ personId: ids.ali.personId, participantId: ids.ali.participantId });
  const sharedAtOf = (result: ShareResult) => {
    if (result.status !== "shared") throw new Error("not shared");
    return result.sharedAt;
  };

  it("are absent until shared; then hidden contact details stay hidden and skånehensyn show", async () => {
    // Ali's profile was built with his choice of contact details: this replaces it.
    const profile = {
      summary: "CV-RESUME: elektriker med ti års erfaring",
      contactVisibility: { email: false, phone: true, address: false },
      address: "HEMMELIG-ADRESSE 1",
    };
    await database.db
      .insert(cvProfiles)
      .values({ participantId: ids.ali.participantId, ...profile })
      .onConflictDoUpdate({ target: cvProfiles.participantId, set: profile });
    await database.db.insert(cvEntries).values([
      { participantId: ids.ali.participantId, kind: "work", title: "Elektriker", organisation: "Firma A/S", fromText: "2012", toText: "2022" },
      { participantId: ids.ali.participantId, kind: "work", title: "SLETTET-JOB", deletedAt: new Date() },
    ]);
    await database.db.insert(workWishes).values({
      participantId: ids.ali.participantId,
      fields: ["El-installation"],
      hoursPerWeek: 12,
      accommodations: "SKAANEHENSYN: ingen tunge løft",
      showAccommodationsOnCv: false,
    });
    const before = await everythingVisible();
    expect(before).not.toContain("CV-RESUME");
    expect(before).not.toContain("Elektriker");
    expect(before).not.toContain("SKAANEHENSYN");

    // Ali ticks "Del også mine skånehensyn" (nothing is shared by default; cv-share.test.ts).
    const sharedAt = sharedAtOf(await shareCv(actor(), { accommodations: true }, undefined, new Date("2026-11-21T10:00:00Z")));
    const [cv] = await database.db.select().from(cwCv).where(eq(cwCv.participantId, ids.ali.participantId));
    expect(cv!.sharedAt.toISOString()).toBe(sharedAt.toISOString());
    expect(cv!.summary).toBe("CV-RESUME: elektriker med ti års erfaring");
    expect(cv!.email).toBeNull();
    expect(cv!.address).toBeNull();
    expect(cv!.phone).not.toBeNull();
    const entries = await database.db.select().from(cwCvEntries).where(eq(cwCvEntries.participantId, ids.ali.participantId));
    expect(entries.some((entry) => entry.title === "Elektriker" && entry.organisation === "Firma A/S")).toBe(true);
    expect(entries.map((entry) => entry.title)).not.toContain("SLETTET-JOB");
    const [wishes] = await database.db.select().from(cwWorkWishes).where(eq(cwWorkWishes.participantId, ids.ali.participantId));
    expect(wishes!.accommodations).toBe("SKAANEHENSYN: ingen tunge løft");
    expect(wishes!.showAccommodationsOnCv).toBe(false);
    expect(wishes!.hoursPerWeek).toBe(12);
    const after = await everythingVisible();
    expect(after).not.toContain("HEMMELIG-ADRESSE");
    expect(after).not.toContain("SLETTET-JOB");
    expect(after).not.toContain(ALI_EMAIL);
    // The participant's /cv compares with what was shared: nothing changed since.
    expect(changedSinceShared(await getCv(ids.ali.participantId))).toBe(false);
  });

  it("show the CV as shared: later edits reach the caseworker only when the participant shares again", async () => {
    const cvRow = async () => (await database.db.select().from(cwCv).where(eq(cwCv.participantId, ids.ali.participantId)))[0]!;
    const entryRows = () => database.db.select().from(cwCvEntries).where(eq(cwCvEntries.participantId, ids.ali.participantId));
    const wishesRow = async () => (await database.db.select().from(cwWorkWishes).where(eq(cwWorkWishes.participantId, ids.ali.participantId)))[0]!;
    const [profile] = await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, ids.ali.participantId));
    const [job] = await database.db
      .select()
      .from(cvEntries)
      .where(and(eq(cvEntries.participantId, ids.ali.participantId), eq(cvEntries.organisation, "Firma A/S")));
    const [wishes] = await database.db.select().from(workWishes).where(eq(workWishes.participantId, ids.ali.participantId));
    // What the caseworker reads right after the first share.
    const sharedCv = await cvRow();
    const sharedEntries = await entryRows();
    const sharedWishes = await wishesRow();
    expect(sharedEntries.find((entry) => entry.entryId === job!.id)).toMatchObject({ title: "Elektriker", details: null });

    // After sharing, Ali changes every part of his CV.
    expect((await saveSummary(actor(), "NYT-RESUME: vil gerne arbejde med børn", profile!.version)).status).toBe("saved");
    const jobEdit = { ...job!, title: "NY-TITEL: Overmontør", details: "NYE-DETALJER", submissionId: null };
    expect((await updateEntry(actor(), job!.id, jobEdit, job!.version)).status).toBe("saved");
    await createEntry(actor(), sections.erfaring, {
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
    await saveContact(actor(), { showEmail: false, showPhone: true, showAddress: true, address: "SYNLIG-ADRESSE 2" });
    expect(
      (
        await saveWishes(
          actor(),
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
    await saveTaskSuggestions(ids.ali.participantId, ["NY-OPGAVE: feje skolegården"], { personId: ids.ali.personId });

    // The caseworker still reads exactly what was shared, plus the bare fact that something changed.
    let cv = await cvRow();
    expect(cv).toEqual({ ...sharedCv, changedSinceShared: true });
    expect(cv.sharedAt.toISOString()).toBe("2026-11-21T10:00:00.000Z");
    expect(cv.summary).toBe("CV-RESUME: elektriker med ti års erfaring");
    expect(cv.address).toBeNull();
    expect(cv.email).toBeNull();
    let entries = await entryRows();
    expect(entries).toEqual(sharedEntries);
    let shownWishes = await wishesRow();
    expect(shownWishes).toEqual(sharedWishes);
    expect(shownWishes).toMatchObject({
      fields: ["El-installation"],
      hoursPerWeek: 12,
      accommodations: "SKAANEHENSYN: ingen tunge løft",
      showAccommodationsOnCv: false,
    });
    let visible = await everythingVisible();
    for (const edit of ["NYT-RESUME", "NY-TITEL", "NYE-DETALJER", "NYT-JOB", "SYNLIG-ADRESSE", "NYT-FELT", "NYT-OMRAADE", "NYT-SKAANEHENSYN", "NY-OPGAVE"]) {
      expect(visible, edit).not.toContain(edit);
    }
    // The briefing reads the same views: the shared CV and "Ændret efter deling", no new content.
    const briefing = (await getBriefing(ids.sara, ids.ali.participantId))!;
    expect(briefing.cv!.summary).toBe("CV-RESUME: elektriker med ti års erfaring");
    expect(briefing.cv!.changedSinceShared).toBe(true);
    expect(JSON.stringify(briefing.cv)).not.toContain("NY");
    // The participant's /cv says "Du har ændret noget, siden du delte".
    expect(changedSinceShared(await getCv(ids.ali.participantId))).toBe(true);

    // Shared again: now the caseworker sees the new CV, and still never the hidden e-mail.
    const sharedAgain = sharedAtOf(await shareCv(actor(), { accommodations: true }));
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
    expect(visible).not.toContain("CV-RESUME");
    expect(visible).not.toContain(ALI_EMAIL);
    expect(visible).not.toContain("HEMMELIG-ADRESSE");
    expect(changedSinceShared(await getCv(ids.ali.participantId))).toBe(false);

    // Deleting a line after sharing: still shown as shared until shared again; then gone.
    expect(await deleteEntry(actor(), job!.id)).not.toBeNull();
    expect((await entryRows()).map((entry) => entry.entryId)).toContain(job!.id);
    expect((await cvRow()).changedSinceShared).toBe(true);
    await shareCv(actor(), { accommodations: true });
    entries = await entryRows();
    expect(entries.map((entry) => entry.entryId)).not.toContain(job!.id);
    expect(entries).toHaveLength(sharedEntries.length);
    expect((await cvRow()).changedSinceShared).toBe(false);

    // For the participant's "Du har ændret noget, siden du delte", an edit undone again is no change.
    const [current] = await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, ids.ali.participantId));
    await saveSummary(actor(), "MIDLERTIDIG", current!.version);
    expect(changedSinceShared(await getCv(ids.ali.participantId))).toBe(true);
    await saveSummary(actor(), "NYT-RESUME: vil gerne arbejde med børn", current!.version + 1);
    expect(changedSinceShared(await getCv(ids.ali.participantId))).toBe(false);
    expect((await cvRow()).summary).toBe("NYT-RESUME: vil gerne arbejde med børn");
  });

  it("hides every CV view row when a share has no snapshot (a share from before snapshots existed)", async () => {
    const [mette] = await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, ids.mette.participantId));
    if (mette) {
      await database.db.update(cvProfiles).set({ sharedAt: new Date(), sharedSnapshot: null }).where(eq(cvProfiles.participantId, ids.mette.participantId));
    } else {
      await database.db.insert(cvProfiles).values({ participantId: ids.mette.participantId, summary: "METTE-LIVE", sharedAt: new Date() });
    }
    for (const view of [cwCv, cwCvEntries, cwWorkWishes]) {
      expect(await database.db.select().from(view).where(eq(view.participantId, ids.mette.participantId))).toEqual([]);
    }
    // Her /cv asks her to share again.
    expect(changedSinceShared(await getCv(ids.mette.participantId))).toBe(true);
    await database.db.update(cvProfiles).set({ sharedAt: null }).where(eq(cvProfiles.participantId, ids.mette.participantId));
  });
});

describe("appointments and relatives", () => {
  it("show the participant's questions, notes and 'cannot come', and derive 'expired' grants", async () => {
    const [meeting] = await database.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.participantId, ids.mette.participantId))
      .orderBy(appointments.startsAt)
      .limit(1);
    await database.db.insert(appointmentPreparations).values({ appointmentId: meeting!.id, questions: "SPØRGSMÅL: hvor mange timer?", notes: "NOTE: tag dagbogen med" });
    await database.db.insert(absenceNotices).values({ appointmentId: meeting!.id, reason: "Jeg er syg", wishForNewTime: "Næste uge" });
    const visible = await everythingVisible();
    expect(visible).toContain("SPØRGSMÅL: hvor mange timer?");
    expect(visible).toContain("NOTE: tag dagbogen med");
    expect(visible).toContain("Jeg er syg");

    const yesterday = copenhagenDay(new Date(Date.now() - 86_400_000));
    const today = copenhagenDay(new Date());
    const [expired] = await database.db
      .insert(relativeGrants)
      .values({ participantId: ids.ali.participantId, invitedName: "Udløbet", invitedEmail: "u@example.org", relation: "Ven", scopes: ["plan"], validUntil: yesterday, status: "active" })
      .returning({ id: relativeGrants.id });
    const [lastDay] = await database.db
      .insert(relativeGrants)
      .values({ participantId: ids.ali.participantId, invitedName: "Sidste dag", invitedEmail: "s@example.org", relation: "Ven", scopes: ["plan"], validUntil: today, status: "active" })
      .returning({ id: relativeGrants.id });
    const grants = await database.db.select().from(cwRelativeGrants).where(eq(cwRelativeGrants.participantId, ids.ali.participantId));
    expect(grants.find((grant) => grant.grantId === expired!.id)!.status).toBe("expired");
    expect(grants.find((grant) => grant.grantId === expired!.id)!.storedStatus).toBe("active");
    expect(grants.find((grant) => grant.grantId === lastDay!.id)!.status).toBe("active");
  });
});

describe("the briefing queries", () => {
  let otherParticipant: string;
  let otherCaseworker: string;

  beforeAll(async () => {
    // Another caseworker with a participant of her own.
    const birgit = await aCaseworker({ person: { firstName: "Birgit", lastName: "Berg" } }).build(database.db);
    otherCaseworker = birgit.personId;
    const anna = await aParticipant({ person: { firstName: "Anna", lastName: "Andersen" } }).withCaseworker(birgit).build(database.db);
    otherParticipant = anna.participantId;
  });

  it("list only the caseworker's own participants", async () => {
    const mine = await listMyParticipants(ids.sara);
    expect(mine.map((item) => item.name).sort()).toEqual(["Ali Hassan", "Mette Hansen"]);
    const hers = await listMyParticipants(otherCaseworker);
    expect(hers.map((item) => item.name)).toEqual(["Anna Andersen"]);
    expect(await listMyParticipants(ids.jonas)).toEqual([]);
  });

  it("open a briefing only for the caseworker's own participants", async () => {
    expect(await getBriefing(ids.sara, otherParticipant)).toBeNull();
    expect(await getBriefing(otherCaseworker, ids.mette.participantId)).toBeNull();
    expect(await getBriefing(ids.sara, "not-a-uuid")).toBeNull();
    expect(await getBriefing(ids.sara, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await findMyParticipant(ids.mette.personId, ids.mette.participantId)).toBeNull();

    const briefing = await getBriefing(ids.sara, ids.mette.participantId);
    expect(briefing!.participant.name).toBe("Mette Hansen");
    expect(briefing!.preparation.map((part) => part.part)).toEqual(["challenges"]);
    expect(briefing!.preparation[0]!.remarks.map((remark) => remark.authorFirstName)).toEqual(["Jonas"]);
    // Mette stopped sharing her network above; Ali's CV is shared, Mette's is not.
    expect(briefing!.network).toBeNull();
    expect(briefing!.cv).toBeNull();
    expect((await getBriefing(ids.sara, ids.ali.participantId))!.cv!.wishes!.accommodations).toContain("SKAANEHENSYN");
  });

  it("records each opening as 'caseworker.briefing_viewed' for the participant's access log", async () => {
    await recordBriefingViewed({ caseworkerPersonId: ids.sara, participantId: ids.mette.participantId, requestId: "req-1" });
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "caseworker.briefing_viewed"), eq(auditEvents.participantId, ids.mette.participantId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorPersonId).toBe(ids.sara);
    expect(rows[0]!.details).toEqual({ page: "briefing" });
  });
});

if (!serverUrl) console.log("caseworker-views.test: running on PGlite; set TEST_DATABASE_URL to run the same checks on Postgres.");
