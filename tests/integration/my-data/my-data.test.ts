import { and, eq, sql } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../../db/client";
import { type BuiltCaseworker, type BuiltParticipant, type BuiltPerson } from "../../../db/builders";
import {
  absenceNotices,
  appointmentPreparations,
  auditEvents,
  conversations,
  cvEntries,
  cvProfiles,
  energyDiaryEntries,
  messageDrafts,
  messages,
  networkPeople,
  networkSnapshots,
  persons,
  plans,
  preparationComments,
  preparationParts,
  preparationShares,
  progressAnswerSets,
  progressSigns,
  taskSuggestions,
  workWishes,
} from "../../../db/schema";
import { myDataExportSchema, type MyDataExport } from "~/features/my-data/schema";
import * as page from "~/features/my-data/routes/my-data";
import * as json from "~/features/my-data/routes/my-data-json";
import * as pdf from "~/features/my-data/routes/my-data-pdf";
import * as choose from "~/features/my-data/routes/my-data-delete";
import * as confirm from "~/features/my-data/routes/my-data-delete-confirm";
import * as request from "~/features/my-data/routes/my-data-request";
import { loader as logLoader } from "~/features/relatives/routes/relatives-log";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";
import { aParticipantWithEverything, theCast } from "./my-data-people";

/**
 * Issue 22, "Mine data": everything Min Vej holds about her, as JSON (checked against the
 * published schema) and PDF, gathered through each area's face; nothing of anyone else; refused
 * to a caseworker; a relative gets only what is about the relative. Deleting her own private
 * things deletes only those, only hers, only after the explicit yes, in one transaction with one
 * audit row; what she shared and what the municipality wrote stays. Every download and deletion
 * is her own line in "Hvem har set mine oplysninger".
 */

let database: TestDatabase;
let sara: BuiltCaseworker;
let jonas: BuiltPerson;
let mette: BuiltParticipant;
let ali: BuiltParticipant;
let cookies: { mette: string; ali: string; jonas: string; sara: string };

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  ({ sara, jonas } = await theCast(database.db));
  mette = await aParticipantWithEverything(database.db, "METTE", { caseworker: sara, relative: jonas }, { firstName: "Mette", lastName: "Hansen" });
  ali = await aParticipantWithEverything(database.db, "ALIPRIVAT", { caseworker: sara }, { firstName: "Ali", lastName: "Hassan" });
  // Jonas writes in Mette's conversation as her relative.
  const [conversation] = await database.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.participantId, mette.participantId));
  await database.db.insert(messages).values({ conversationId: conversation!.id, authorPersonId: jonas.personId, authorRole: "relative", authorName: "Jonas Hansen", body: "Jonas skriver JONASORD" });
  cookies = {
    mette: await cookieFor(mette.demoKey),
    ali: await cookieFor(ali.demoKey),
    jonas: await cookieFor(jonas.demoKey),
    sara: await cookieFor(sara.demoKey),
  };
});
afterAll(() => database.dispose());

async function downloadJson(cookie: string) {
  const response = (await run(json.loader, get("/mine-data/mine-data.json", cookie))) as Response;
  return { response, text: response.status === 200 ? await response.clone().text() : "" };
}

async function readPdf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

const cprOf = async (personId: string) => (await database.db.select({ cpr: persons.cpr }).from(persons).where(eq(persons.id, personId)))[0]!.cpr!;

describe("the JSON file", () => {
  let file: MyDataExport;
  let text: string;

  beforeAll(async () => {
    const downloaded = await downloadJson(cookies.mette);
    expect(downloaded.response.status).toBe(200);
    text = downloaded.text;
    file = JSON.parse(text);
    const headers = downloaded.response.headers;
    expect(headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(headers.get("Content-Disposition")).toMatch(/^attachment; filename="mine-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(headers.get("Cache-Control")).toBe("no-store");
  });

  it("is valid and complete against the published schema, with a plain name and description for every part", () => {
    const parsed = myDataExportSchema.safeParse(file);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 5))).toBe(true);
    expect(file.format).toBe("min-vej/mine-data");
    expect(Object.keys(file.dele)).toEqual([
      "person",
      "forloeb",
      "plan",
      "forslag",
      "moeder",
      "referater",
      "forberedelse",
      "cv",
      "netvaerk",
      "saadan_gaar_det",
      "beskeder",
      "paaroerende",
      "beskedindstillinger",
      "hvem_har_set",
    ]);
    expect(file.om_filen.dele.map((part) => part.noegle)).toEqual(Object.keys(file.dele));
    expect(file.om_filen.tekst.join(" ")).toContain("Filen har alt det, Min Vej har om dig.");
    expect(file.dele.saadan_gaar_det!.navn).toBe("Sådan går det");
    expect(file.dele.forslag!.navn).toBe("Forslag til min plan");
    expect(file.dele.netvaerk!.beskrivelse).toContain("din egen vurdering");
  });

  it("holds each part of her data", () => {
    const { dele } = file;
    expect(dele.person.data).toMatchObject({ firstName: "Mette", lastName: "Hansen", phone: "+45 12 34 56 78" });
    expect(dele.forloeb!.data).toMatchObject({ programme: "ressourceforloeb", municipality: "Solbjerg Kommune" });
    expect(dele.forloeb!.data.contacts).toEqual([expect.objectContaining({ name: "Sara Nielsen", role: "koordinerende_sagsbehandler", isPrimary: true })]);
    const plan = dele.plan!.data!;
    expect(plan).toMatchObject({ ownGoal: "Mit eget mål METTE", nextStep: "Næste skridt METTE", lastSeenVersion: 1 });
    expect(plan.subGoals[0]).toMatchObject({ participantStatus: "reached", participantComment: "Det gik godt METTE" });
    expect(plan.subGoals[0]!.updates).toEqual([expect.objectContaining({ comment: "Det gik godt METTE" })]);
    expect(plan.versions[0]).toMatchObject({ version: 1, changeSummary: "Første version METTE", snapshot: { employmentGoal: "Gammel plan METTE" } });
    expect(plan.ownGoalHistory[0]).toMatchObject({ text: "Mit eget mål METTE", authorRole: "participant" });
    const meeting = dele.moeder!.data.meetings[0]!;
    expect(meeting).toMatchObject({ title: "Samtale METTE", yourNotes: "Mine noter METTE", yourQuestions: "Mit spørgsmål METTE" });
    expect(meeting.cannotCome).toEqual([expect.objectContaining({ reason: "Jeg er syg METTE" })]);
    const preparation = dele.forberedelse!.data;
    expect(preparation.parts.find((part) => part.part === "resources")).toMatchObject({ answers: { energy: "Gåture giver energi METTE" }, sharedAt: null });
    expect(preparation.parts.find((part) => part.part === "questions")!.sharedAt).not.toBeNull();
    expect(preparation.shares).toEqual([expect.objectContaining({ part: "questions", version: 1, withdrawnAt: null })]);
    expect(preparation.remarks.map((remark) => remark.body).sort()).toEqual(["Bemærkning fra pårørende METTE", "Delt bemærkning METTE"]);
    const cv = dele.cv!.data;
    expect(cv.profile).toMatchObject({ summary: "Kort om mig METTE", sharedCopy: { summary: "Delt CV METTE" } });
    expect(cv.entries.map((entry) => entry.title).sort()).toEqual(["Lagermedarbejder METTE", "Slettet kompetence METTE"]);
    expect(cv.entries.find((entry) => entry.title.startsWith("Slettet"))!.deletedAt).not.toBeNull();
    expect(cv.workWishes).toMatchObject({ fields: ["Butik METTE"], accommodations: "Pauser METTE" });
    expect(cv.taskSuggestions).toEqual([expect.objectContaining({ text: "Sortere varer METTE" })]);
    const network = dele.netvaerk!.data;
    expect(network.people.find((person) => person.name === "Nabo METTE")).toMatchObject({ stance: "holds_back" });
    expect(network.people.find((person) => person.name === "Søster METTE")).toMatchObject({ note: "Privat note METTE" });
    expect(network.snapshots).toEqual([expect.objectContaining({ label: "Kort fra marts METTE" })]);
    const progress = dele.saadan_gaar_det!.data;
    expect(progress.answerSets.map((set) => set.month)).toEqual(["2026-10-01", "2026-11-01"]);
    expect(progress.diary).toEqual([expect.objectContaining({ day: "2026-12-03", note: "Dagbog METTE", activities: ["walk"] }), expect.objectContaining({ day: "2026-12-04" })]);
    expect(progress.signs).toMatchObject({ warningSigns: ["Jeg sover dårligt METTE"], strategies: ["Gå en tur METTE"] });
    expect(progress.reminderDay).toBe(12);
    const talk = dele.beskeder!.data;
    expect(talk.conversations[0]!.messages.map((message) => message.body)).toEqual(["Hej Sara METTE", "Hej igen METTE", "Jonas skriver JONASORD"]);
    expect(talk.drafts).toEqual([expect.objectContaining({ body: "Min kladde METTE" })]);
    expect(dele.paaroerende!.data).toEqual([expect.objectContaining({ accountName: "Jonas Hansen", scopes: ["plan", "preparation", "messages"], status: "active" })]);
    expect(dele.beskedindstillinger.data).toMatchObject({ byEmail: true, email: "mette@example.org" });
  });

  it("never holds her whole CPR number: only the first six digits", async () => {
    const cpr = await cprOf(mette.personId);
    expect(file.dele.person.data.cprMasked).toBe(`${cpr.slice(0, 6)}-xxxx`);
    expect(text).not.toContain(cpr);
    expect(text).not.toContain(cpr.slice(6));
  });

  it("holds nothing of another participant", () => {
    expect(text).not.toContain("ALIPRIVAT");
    expect(text).not.toContain("Hassan");
    expect(text).not.toContain(ali.participantId);
  });

  it("names her own download in her log as hers, as the log page does", async () => {
    const second = JSON.parse((await downloadJson(cookies.mette)).text) as MyDataExport;
    expect(second.dele.hvem_har_set!.data).toContainEqual(expect.objectContaining({ action: "my_data.downloaded", who: "Dig", what: "Hentede alle dine data som JSON-fil" }));
    const log = (await run(logLoader, get("/paaroerende/log", cookies.mette))) as { entries: { action: string; byParticipant: boolean; details: { format?: string } }[] };
    expect(log.entries).toContainEqual(expect.objectContaining({ action: "my_data.downloaded", byParticipant: true, details: expect.objectContaining({ format: "json" }) }));
    const rows = await database.db
      .select({ details: auditEvents.details, actor: auditEvents.actorPersonId })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, mette.participantId), eq(auditEvents.action, "my_data.downloaded")));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((row) => row.actor === mette.personId)).toBe(true);
    // Her downloads are hers alone: never an event in the caseworker's change feed (migration 0029).
    const events = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from portal.caseworker_outbox where kind like 'my_data.%'`));
    expect(events[0]!.n).toBe(0);
  });
});

describe("the PDF", () => {
  it("is a real PDF with her name, each part's name and her own words, and no whole CPR number", async () => {
    const response = (await run(pdf.loader, get("/mine-data/mine-data.pdf", cookies.mette))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="mine-data-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const text = await readPdf(response);
    for (const expected of [
      "Mine data: Mette Hansen",
      "Dit forløb",
      "Ressourceforløb",
      "Mit eget mål METTE",
      "Mine noter METTE",
      "Jeg er syg METTE",
      "Gåture giver energi METTE",
      "Lagermedarbejder METTE",
      "Søster METTE",
      "Holder mig tilbage",
      "Dagbog METTE",
      "Jeg sover dårligt METTE",
      "Hej igen METTE",
      "Jonas Hansen",
      "Hvem har set mine oplysninger",
      "Hentede alle dine data",
    ]) {
      expect(text, expected).toContain(expected);
    }
    const cpr = await cprOf(mette.personId);
    expect(text).toContain(`${cpr.slice(0, 6)}-xxxx`);
    expect(text).not.toContain(cpr);
    expect(text).not.toContain("ALIPRIVAT");
    const [row] = await database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, mette.participantId), eq(auditEvents.action, "my_data.downloaded"), sql`${auditEvents.details}->>'format' = 'pdf'`));
    expect(row).toBeDefined();
  });

  it("is in English for an English page", async () => {
    const english = get("/mine-data/mine-data.pdf", cookies.mette);
    english.headers.set("Accept-Language", "en-GB,en;q=0.9");
    const response = (await run(pdf.loader, english)) as Response;
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="my-data-/);
    const text = await readPdf(response);
    expect(text).toContain("My data: Mette Hansen");
    expect(text).toContain("Your programme");
  });
});

describe("who may download", () => {
  it("refuses a caseworker (404), and sends someone signed out to sign in", async () => {
    for (const loader of [json.loader, pdf.loader, page.loader]) {
      const refused = (await run(loader as never, get("/mine-data", cookies.sara))) as Response;
      expect(refused.status).toBe(404);
      const signedOut = (await run(loader as never, get("/mine-data"))) as Response;
      expect(signedOut.status).toBe(302);
      expect(signedOut.headers.get("Location")).toBe("/log-ind");
    }
  });

  it("gives a relative only what Min Vej holds about the relative, never the participant's data", async () => {
    const { response, text } = await downloadJson(cookies.jonas);
    expect(response.status).toBe(200);
    const file = JSON.parse(text) as MyDataExport;
    expect(myDataExportSchema.safeParse(file).success).toBe(true);
    expect(Object.keys(file.dele)).toEqual(["person", "beskedindstillinger", "du_hjaelper", "dine_bemaerkninger", "dine_beskeder_som_paaroerende"]);
    expect(file.dele.person.data.firstName).toBe("Jonas");
    expect(file.dele.du_hjaelper!.data).toEqual([expect.objectContaining({ helpsName: "Mette Hansen", scopes: ["plan", "preparation", "messages"] })]);
    expect(file.dele.dine_bemaerkninger!.data.map((remark) => remark.body).sort()).toEqual(["Bemærkning fra pårørende METTE", "Delt bemærkning METTE"]);
    expect(file.dele.dine_beskeder_som_paaroerende!.data.messages).toEqual([expect.objectContaining({ body: "Jonas skriver JONASORD", forName: "Mette Hansen" })]);
    // Of Mette: her name, and the remarks Jonas wrote himself. Nothing she wrote, nothing of her case.
    for (const hers of ["Mit eget mål", "Mine noter", "Gåture giver energi", "Dagbog", "Hej Sara", "Min kladde", "Privat note", "Søster METTE", mette.participantId]) {
      expect(text).not.toContain(hers);
    }
    const [row] = await database.db
      .select({ participantId: auditEvents.participantId })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorPersonId, jonas.personId), eq(auditEvents.action, "my_data.downloaded")));
    expect(row).toEqual({ participantId: null });
  });

  it("shows a relative the page without deletion of the participant's things, and refuses the deletion pages", async () => {
    const relativePage = unwrap(await run(page.loader, get("/mine-data", cookies.jonas))).data as { kind: string; hasDeletable: boolean };
    expect(relativePage).toMatchObject({ kind: "relative", hasDeletable: false });
    expect(((await run(choose.loader, get("/mine-data/slet", cookies.jonas))) as Response).status).toBe(404);
    expect(((await run(confirm.loader, get("/mine-data/slet/bekraeft?dele=dagbog", cookies.jonas))) as Response).status).toBe(404);
    const posted = (await run(confirm.action, post("/mine-data/slet/bekraeft", { dele: "dagbog,cv,netvaerk", confirm: "yes" }, cookies.jonas))) as Response;
    expect(posted.status).toBe(404);
    expect(((await run(request.action, post("/mine-data/bed-om-sletning", { submissionId: crypto.randomUUID() }, cookies.jonas))) as Response).status).toBe(404);
    expect(await database.db.select().from(energyDiaryEntries).where(eq(energyDiaryEntries.participantId, mette.participantId))).toHaveLength(2);
  });
});

/** What a participant's private and shared things are now, counted. */
async function stateOf(who: BuiltParticipant) {
  const id = who.participantId;
  const count = async (query: Promise<unknown[]>) => (await query).length;
  const db = database.db;
  const [profile] = await db.select().from(cvProfiles).where(eq(cvProfiles.participantId, id));
  const [plan] = await db.select().from(plans).where(eq(plans.participantId, id));
  return {
    diary: await count(db.select().from(energyDiaryEntries).where(eq(energyDiaryEntries.participantId, id))),
    signs: await count(db.select().from(progressSigns).where(eq(progressSigns.participantId, id))),
    sharedAnswers: await count(db.select().from(progressAnswerSets).where(and(eq(progressAnswerSets.participantId, id), sql`${progressAnswerSets.sharedAt} is not null`))),
    privateAnswers: await count(db.select().from(progressAnswerSets).where(and(eq(progressAnswerSets.participantId, id), sql`${progressAnswerSets.sharedAt} is null`))),
    networkPeople: await count(db.select().from(networkPeople).where(eq(networkPeople.participantId, id))),
    snapshots: await count(db.select().from(networkSnapshots).where(eq(networkSnapshots.participantId, id))),
    cvEntries: await count(db.select().from(cvEntries).where(eq(cvEntries.participantId, id))),
    wishes: await count(db.select().from(workWishes).where(eq(workWishes.participantId, id))),
    tasks: await count(db.select().from(taskSuggestions).where(eq(taskSuggestions.participantId, id))),
    cvSummary: profile?.summary ?? null,
    cvSharedCopy: profile?.sharedSnapshot ?? null,
    parts: (await db.select({ part: preparationParts.part }).from(preparationParts).where(eq(preparationParts.participantId, id))).map((row) => row.part).sort(),
    shares: await count(db.select().from(preparationShares).where(eq(preparationShares.participantId, id))),
    remarks: await count(
      db.select().from(preparationComments).innerJoin(preparationParts, eq(preparationParts.id, preparationComments.preparationPartId)).where(eq(preparationParts.participantId, id)),
    ),
    meetingNotes: await count(db.select().from(appointmentPreparations).where(sql`${appointmentPreparations.appointmentId} in (select id from portal.appointments where participant_id = ${id})`)),
    absence: await count(db.select().from(absenceNotices).where(sql`${absenceNotices.appointmentId} in (select id from portal.appointments where participant_id = ${id})`)),
    drafts: await count(db.select().from(messageDrafts).where(eq(messageDrafts.participantId, id))),
    messages: await count(db.select().from(messages).innerJoin(conversations, eq(conversations.id, messages.conversationId)).where(eq(conversations.participantId, id))),
    ownGoal: plan?.ownGoal ?? null,
  };
}

describe("deleting her own private things", () => {
  let dorte: BuiltParticipant;
  let dorteCookie: string;

  beforeAll(async () => {
    dorte = await aParticipantWithEverything(database.db, "DORTE", { caseworker: sara, relative: jonas }, { firstName: "Dorte", lastName: "Lund" });
    dorteCookie = await cookieFor(dorte.demoKey);
  });

  it("offers only what holds something, with how much, and neither the page nor its POST deletes", async () => {
    const before = await stateOf(dorte);
    const chooser = unwrap(await run(choose.loader, get("/mine-data/slet", dorteCookie))).data as { choices: { key: string; count: number }[] };
    expect(chooser.choices).toEqual([
      { key: "dagbog", count: 2 },
      { key: "tegn", count: 2 },
      { key: "maanedssvar", count: 1 },
      { key: "netvaerk", count: 3 },
      { key: "cv", count: 5 },
      { key: "forberedelse", count: 1 },
      { key: "moedenoter", count: 1 },
      { key: "beskedkladder", count: 1 },
    ]);
    const none = unwrap(await run(choose.action, post("/mine-data/slet", {}, dorteCookie)));
    expect(none).toEqual({ status: 400, data: { error: "delete.errors.none" } });
    const chosen = (await run(choose.action, post("/mine-data/slet", { dele: "dagbog" }, dorteCookie))) as Response;
    expect(chosen.headers.get("Location")).toBe("/mine-data/slet/bekraeft?dele=dagbog");
    // The confirmation page asks; a GET never deletes, nor does a POST without the yes.
    const asked = unwrap(await run(confirm.loader, get("/mine-data/slet/bekraeft?dele=dagbog,cv,ukendt", dorteCookie))).data;
    expect(asked).toEqual({ chosen: [{ key: "dagbog", count: 2 }, { key: "cv", count: 5 }] });
    const withoutYes = (await run(confirm.action, post("/mine-data/slet/bekraeft?dele=dagbog", { dele: "dagbog" }, dorteCookie))) as Response;
    expect(withoutYes.headers.get("Location")).toBe("/mine-data/slet/bekraeft?dele=dagbog");
    const wrongYes = (await run(confirm.action, post("/mine-data/slet/bekraeft", { dele: "dagbog", confirm: "true" }, dorteCookie))) as Response;
    expect(wrongYes.status).toBe(302);
    expect(await stateOf(dorte)).toEqual(before);
  });

  it("deletes every private thing she chose, and keeps what she shared and what the municipality wrote", async () => {
    const aliBefore = await stateOf(ali);
    const before = await stateOf(dorte);
    // A participant id in the form is ignored: the owner is always the session's.
    const done = (await run(
      confirm.action,
      post("/mine-data/slet/bekraeft", { dele: "dagbog,tegn,maanedssvar,netvaerk,cv,forberedelse,moedenoter,beskedkladder", confirm: "yes", participantId: ali.participantId }, dorteCookie),
    )) as Response;
    expect(done.headers.get("Location")).toBe("/mine-data?slettet=1#my-data-notice");
    const after = await stateOf(dorte);
    expect(after).toEqual({
      ...before,
      diary: 0,
      signs: 0,
      privateAnswers: 0,
      networkPeople: 0,
      snapshots: 0,
      cvEntries: 0,
      wishes: 0,
      tasks: 0,
      cvSummary: null,
      // Her never-shared draft and the remark on it are gone; the shared part, its share and its remark stay.
      parts: ["questions"],
      remarks: 1,
      meetingNotes: 0,
      drafts: 0,
    });
    expect(after).toMatchObject({ sharedAnswers: 1, cvSharedCopy: { summary: "Delt CV DORTE" }, shares: 1, absence: 1, messages: 2, ownGoal: "Mit eget mål DORTE" });
    // Another participant's things are untouched.
    expect(await stateOf(ali)).toEqual(aliBefore);
    const [audit] = await database.db
      .select({ details: auditEvents.details, actor: auditEvents.actorPersonId })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, dorte.participantId), eq(auditEvents.action, "my_data.deleted")));
    expect(audit).toEqual({
      actor: dorte.personId,
      details: {
        parts: ["dagbog", "tegn", "maanedssvar", "netvaerk", "cv", "forberedelse", "moedenoter", "beskedkladder"],
        counts: { dagbog: 2, tegn: 2, maanedssvar: 1, netvaerk: 3, cv: 5, forberedelse: 1, moedenoter: 1, beskedkladder: 1 },
      },
    });
    expect(JSON.stringify(audit!.details)).not.toContain("DORTE");
    const shown = (await run(logLoader, get("/paaroerende/log", dorteCookie))) as { entries: { action: string; byParticipant: boolean }[] };
    expect(shown.entries).toContainEqual(expect.objectContaining({ action: "my_data.deleted", byParticipant: true }));
    const events = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from portal.caseworker_outbox where participant_id = ${dorte.participantId} and kind like 'my_data.%'`));
    expect(events[0]!.n).toBe(0);
    // Nothing left: the page says so, and a second yes deletes nothing and writes no row.
    const home = unwrap(await run(page.loader, get("/mine-data?slettet=1", dorteCookie))).data as { hasDeletable: boolean; notice: string };
    expect(home).toMatchObject({ hasDeletable: false, notice: "deleted" });
    const again = (await run(confirm.action, post("/mine-data/slet/bekraeft", { dele: "dagbog", confirm: "yes" }, dorteCookie))) as Response;
    expect(again.headers.get("Location")).toBe("/mine-data?slettet=0#my-data-notice");
    const rows = await database.db.select().from(auditEvents).where(and(eq(auditEvents.participantId, dorte.participantId), eq(auditEvents.action, "my_data.deleted")));
    expect(rows).toHaveLength(1);
  });
});

describe("asking the municipality to delete the rest", () => {
  it("sends a message to her caseworker in her words, and notes it in her log", async () => {
    const form = unwrap(await run(request.loader, get("/mine-data/bed-om-sletning", cookies.ali))).data as { submissionId: string };
    const sent = (await run(request.action, post("/mine-data/bed-om-sletning", { text: "Slet min gamle adresse.", submissionId: form.submissionId }, cookies.ali))) as Response;
    expect(sent.status).toBe(302);
    const conversationId = sent.headers.get("Location")!.replace("/beskeder/", "");
    const [conversation] = await database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(conversation).toMatchObject({ participantId: ali.participantId, topic: "general", subject: "Jeg vil gerne have slettet oplysninger" });
    const written = await database.db.select({ body: messages.body, role: messages.authorRole }).from(messages).where(eq(messages.conversationId, conversationId));
    expect(written).toEqual([{ body: "Slet min gamle adresse.", role: "participant" }]);
    // The same form twice is one message.
    const twice = (await run(request.action, post("/mine-data/bed-om-sletning", { text: "Slet min gamle adresse.", submissionId: form.submissionId }, cookies.ali))) as Response;
    expect(twice.headers.get("Location")).toBe(`/beskeder/${conversationId}`);
    const requested = await database.db.select().from(auditEvents).where(and(eq(auditEvents.participantId, ali.participantId), eq(auditEvents.action, "my_data.deletion_requested")));
    expect(requested).toHaveLength(1);
    // The caseworker learns of it as a message, not as a my_data event.
    const kinds = rowsOf<{ kind: string }>(await database.db.execute(sql`select kind from portal.caseworker_outbox where participant_id = ${ali.participantId}`)).map((row) => row.kind);
    expect(kinds).toContain("messages.conversation_started");
    expect(kinds.filter((kind) => kind.startsWith("my_data."))).toEqual([]);
  });

  it("sends our calm default text when she leaves the field empty, and refuses a text over the limit", async () => {
    const sent = (await run(request.action, post("/mine-data/bed-om-sletning", { text: "", submissionId: crypto.randomUUID() }, cookies.ali))) as Response;
    const [message] = await database.db.select({ body: messages.body }).from(messages).where(eq(messages.conversationId, sent.headers.get("Location")!.replace("/beskeder/", "")));
    expect(message!.body).toMatch(/^Jeg vil gerne have slettet de oplysninger om mig, som I må slette\./);
    const tooLong = unwrap(await run(request.action, post("/mine-data/bed-om-sletning", { text: "x".repeat(2001), submissionId: crypto.randomUUID() }, cookies.ali)));
    expect(tooLong.status).toBe(400);
    expect(tooLong.data).toMatchObject({ error: "request.errors.tooLong" });
  });
});
