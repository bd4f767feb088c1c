import { and, eq, like, sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "../../../db/client";
import { aCaseworker, aParticipant, aPerson, type BuiltCaseworker, type BuiltParticipant, type BuiltPerson } from "../../../db/builders";
import { auditEvents, energyDiaryEntries, progressAnswerSets, progressSigns } from "../../../db/schema";
import { checkInState } from "~/features/progress/index.server";
import ProgressPage, * as home from "~/features/progress/routes/progress";
import * as answers from "~/features/progress/routes/progress-answers";
import * as setRoute from "~/features/progress/routes/progress-set";
import ReminderRoute, * as reminder from "~/features/progress/routes/progress-reminder";
import DiaryPage, * as diary from "~/features/progress/routes/progress-diary";
import * as signs from "~/features/progress/routes/progress-signs";
import * as signsPrint from "~/features/progress/routes/progress-signs-print";
import { addDays, monthOf } from "~/features/progress/calendar";
import { copenhagenDay } from "~/lib/dates";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, routeArgs, settle } from "../../support/requests";

/**
 * Issue 22, "Sådan går det": the month's answers, the reminder day, the energy diary and the
 * signs, through the route modules as a browser posts them; sharing as the caseworker's views see
 * it; and every "no": another participant's ids, a relative (even with every scope), the
 * caseworker before sharing, and the diary, which no view, event or person but her ever shows.
 */

let database: TestDatabase;
let mette: BuiltParticipant;
let metteCookie: string;
let ali: BuiltParticipant;
let aliCookie: string;
let jonasCookie: string;
let saraCookie: string;

const today = () => copenhagenDay(new Date());
const thisMonth = () => monthOf(today());

type Handler = (args: never) => Promise<unknown>;
async function run(handler: Handler, request: Request, params: Record<string, string> = {}) {
  return settle(async () => handler(await routeArgs(request, params)));
}
const statusOf = (result: unknown) =>
  result instanceof Response ? result.status : ((result as { init?: { status?: number } }).init?.status ?? 200);
const locationOf = (result: unknown) => (result instanceof Response ? result.headers.get("Location") : null);
const dataOf = <T>(result: unknown) => (result as { data: T }).data;
const progressAudit = async () =>
  (
    await database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, mette.participantId), like(auditEvents.action, "progress.%")))
      .orderBy(auditEvents.id)
  ).map((row) => row.action);

async function view(name: "progress_answers" | "progress_signs", participantId = mette.participantId) {
  return rowsOf<Record<string, unknown>>(
    await database.db.execute(sql`select * from ${sql.raw(`caseworker.${name}`)} where participant_id = ${participantId}`),
  );
}

/** Everything every caseworker view shows about a participant, as one text (to look for what must not be there). */
async function everythingTheCaseworkerCanRead(participantId: string): Promise<string> {
  const views = rowsOf<{ table_name: string }>(
    await database.db.execute(sql`select table_name from information_schema.views where table_schema = 'caseworker'`),
  );
  const texts: string[] = [];
  for (const { table_name } of views) {
    const rows = rowsOf<unknown>(
      await database.db.execute(sql`select * from ${sql.raw(`caseworker.${table_name}`)} where participant_id = ${participantId}`),
    );
    texts.push(JSON.stringify(rows));
  }
  return texts.join("\n");
}

async function render(path: string, loader: Handler, Component: unknown, cookie = metteCookie, language: "da" | "en" = "da") {
  const loaderData = await loader(await routeArgs(get(path, cookie)));
  const Stub = createRoutesStub([{ id: "page", path: path.split("?")[0], Component: Component as never, loader: () => loaderData }]);
  const i18n = createI18n(language, resources[language] as never);
  return renderToString(
    createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { page: loaderData } } })),
  ).replace(/<!-- -->/g, "");
}

const fullAnswers = {
  energy: "mixed",
  energyNote: "Bedre om formiddagen.",
  sleep: "hard",
  sleepNote: "",
  company: "fairly_good",
  companyNote: "",
  outdoors: "good",
  outdoorsNote: "Jeg går hver dag.",
  workBelief: "mixed",
  workBeliefNote: "",
  whatHelps: "Min hund.",
  somethingElse: "Jeg glæder mig til praktikken.",
};

async function saveAnswers(form: Record<string, string>, cookie = metteCookie) {
  return run(answers.action, post("/saadan-gaar-det/svar", form, cookie));
}

let sara: BuiltCaseworker;
let jonas: BuiltPerson;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  sara = await aCaseworker({ person: { firstName: "Sara" } }).build(database.db);
  jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
  ali = await aParticipant({ person: { firstName: "Ali" } }).withCaseworker(sara).build(database.db);
  [jonasCookie, saraCookie, aliCookie] = await Promise.all([cookieFor(jonas.demoKey), cookieFor(sara.demoKey), cookieFor(ali.demoKey)]);
});
afterAll(() => database.dispose());

// Each test gets a fresh Mette, with Sara as her caseworker and Jonas as a relative who may see
// everything there is a scope for.
beforeEach(async () => {
  mette = await aParticipant({ person: { firstName: "Mette" } })
    .withCaseworker(sara)
    .withRelative(jonas, { scopes: ["plan", "appointments", "preparation", "cv", "messages", "network"] })
    .build(database.db);
  metteCookie = await cookieFor(mette.demoKey);
});

describe("Sådan går det: the month's answers", () => {
  it("saves a month's answers in words, then a correction with the version it was loaded with", async () => {
    const saved = await saveAnswers({ ...fullAnswers, version: "0" });
    expect(locationOf(saved)).toBe("/saadan-gaar-det?gemt=svar");
    const [row] = await database.db.select().from(progressAnswerSets).where(eq(progressAnswerSets.participantId, mette.participantId));
    expect(row).toMatchObject({ month: thisMonth(), energy: "mixed", energyNote: "Bedre om formiddagen.", sleepNote: null, version: 1, sharedAt: null });

    expect(locationOf(await saveAnswers({ ...fullAnswers, sleep: "mixed", version: "1" }))).toBe("/saadan-gaar-det?gemt=svar");
    const [again] = await database.db.select().from(progressAnswerSets).where(eq(progressAnswerSets.id, row!.id));
    expect(again).toMatchObject({ sleep: "mixed", version: 2 });
    // One set per month, however often she saves.
    expect(await database.db.select().from(progressAnswerSets).where(eq(progressAnswerSets.participantId, mette.participantId))).toHaveLength(1);
  });

  it("keeps what she typed when nothing is answered, or a note is too long (400, and nothing saved)", async () => {
    const empty = await saveAnswers({ version: "0" });
    expect(statusOf(empty)).toBe(400);
    expect(dataOf<{ result: { error: Record<string, string[]> } }>(empty).result.error.energy).toEqual(["progress:answers.errors.empty"]);

    const tooLong = await saveAnswers({ ...fullAnswers, energyNote: "x".repeat(501), version: "0" });
    expect(statusOf(tooLong)).toBe(400);
    const reply = dataOf<{ result: { initialValue: Record<string, string>; error: Record<string, string[]> } }>(tooLong).result;
    expect(reply.error.energyNote).toEqual(["progress:factors.energy.noteTooLong"]);
    expect(reply.initialValue.somethingElse).toBe("Jeg glæder mig til praktikken.");
    expect(reply.initialValue.outdoors).toBe("good");
    expect(await database.db.select().from(progressAnswerSets).where(eq(progressAnswerSets.participantId, mette.participantId))).toEqual([]);
  });

  it("never overwrites a save from another window: 409 with what is saved; the same answers twice are no conflict", async () => {
    await saveAnswers({ ...fullAnswers, version: "0" });
    await saveAnswers({ ...fullAnswers, sleep: "good", version: "1" }); // the other window
    const stale = await saveAnswers({ ...fullAnswers, sleep: "very_hard", version: "1" });
    expect(statusOf(stale)).toBe(409);
    const conflict = dataOf<{ conflict: { saved: { levels: { sleep: string }; version: number } } }>(stale).conflict;
    expect(conflict.saved).toMatchObject({ levels: { sleep: "good" }, version: 2 });
    // What the other window saved, sent again from an old page, is simply saved.
    expect(locationOf(await saveAnswers({ ...fullAnswers, sleep: "good", version: "1" }))).toBe("/saadan-gaar-det?gemt=svar");
    const [row] = await database.db.select().from(progressAnswerSets).where(eq(progressAnswerSets.participantId, mette.participantId));
    expect(row).toMatchObject({ sleep: "good", version: 2 });
  });

  it("shows the answers over time in words with her notes, as a line and a table, never a number or a grade", async () => {
    await database.db.insert(progressAnswerSets).values([
      { participantId: mette.participantId, month: monthOf(addDays(thisMonth(), -40)), energy: "hard", energyNote: "Træt hele tiden." },
      { participantId: mette.participantId, month: monthOf(addDays(thisMonth(), -10)), energy: "fairly_good" },
    ]);
    const html = await render("/saadan-gaar-det", home.loader, ProgressPage);
    const energy = html.slice(html.indexOf('id="factor-energy"'), html.indexOf('id="factor-sleep"'));
    expect(energy).toContain('role="img"');
    expect(energy).toMatch(/<title id="chart-energy-title">Energi: dine svar måned for måned<\/title>/);
    expect(energy).toContain("Tabellen under viser det samme.");
    expect(energy).toMatch(/<td>Svært<\/td><td class="pre-wrap-text">Træt hele tiden.<\/td>/);
    expect(energy).toContain("<td>Ret godt</td>");
    for (const level of ["Meget svært", "Svært", "Både og", "Ret godt", "Godt"]) expect(energy).toContain(`>${level}</text>`);
    // Words only: no digit in the chart's or table's cells except the months' years.
    const cells = [...energy.matchAll(/<(?:td|text)[^>]*>([^<]*)</g)].map((match) => match[1]!);
    expect(cells.filter((text) => /\d/.test(text) && !/\d{4}/.test(text))).toEqual([]);
    const visible = html.replace(/<[^>]+>/g, " ");
    expect(visible).not.toMatch(/\b(point|points|score)\b|\d\s*\/\s*5\b|\d\s*ud af\s*5/i);
  });
});

describe("sharing an answer set with the caseworker", () => {
  async function aSet() {
    await saveAnswers({ ...fullAnswers, version: "0" });
    const [row] = await database.db.select().from(progressAnswerSets).where(eq(progressAnswerSets.participantId, mette.participantId));
    return row!.id;
  }

  it("shows the caseworker nothing before she shares, the set as it is while shared, and nothing after she stops", async () => {
    const id = await aSet();
    expect(await view("progress_answers")).toEqual([]);

    const shared = await run(setRoute.action, post(`/saadan-gaar-det/svar/${id}`, { intent: "share" }, metteCookie), { id });
    expect(locationOf(shared)).toBe(`/saadan-gaar-det/svar/${id}?gemt=delt`);
    const [row] = await view("progress_answers");
    expect(row).toMatchObject({ answer_set_id: id, energy: "mixed", energy_note: "Bedre om formiddagen.", outdoors: "good", what_helps: "Min hund." });
    // Words, not numbers: the steps reach the caseworker as text.
    expect(typeof row!.energy).toBe("string");

    // A correction of the shared month reaches the caseworker, as the page says.
    await saveAnswers({ ...fullAnswers, energy: "good", version: "1" });
    expect((await view("progress_answers"))[0]).toMatchObject({ energy: "good" });

    const stopped = await run(setRoute.action, post(`/saadan-gaar-det/svar/${id}`, { intent: "stop-sharing" }, metteCookie), { id });
    expect(locationOf(stopped)).toBe(`/saadan-gaar-det/svar/${id}?gemt=stoppet`);
    expect(await view("progress_answers")).toEqual([]);
  });

  it("writes an audit row for each switch, and the change feed has the shares but no unshared save", async () => {
    const id = await aSet();
    await run(setRoute.action, post(`/saadan-gaar-det/svar/${id}`, { intent: "share" }, metteCookie), { id });
    await run(setRoute.action, post(`/saadan-gaar-det/svar/${id}`, { intent: "stop-sharing" }, metteCookie), { id });
    const audit = await progressAudit();
    expect(audit).toEqual(["progress.answers_saved", "progress.answers_shared", "progress.answers_sharing_stopped"]);
    const events = rowsOf<{ kind: string }>(
      await database.db.execute(sql`select kind from caseworker.events where participant_id = ${mette.participantId} order by id`),
    );
    expect(events.map((event) => event.kind)).toEqual(["progress.answers_shared", "progress.answers_sharing_stopped"]);
  });

  it("answers 404 to another participant's set id, page and switch alike, and changes nothing", async () => {
    const id = await aSet();
    expect(statusOf(await run(setRoute.loader, get(`/saadan-gaar-det/svar/${id}`, aliCookie), { id }))).toBe(404);
    expect(statusOf(await run(setRoute.action, post(`/saadan-gaar-det/svar/${id}`, { intent: "share" }, aliCookie), { id }))).toBe(404);
    expect(statusOf(await run(setRoute.loader, get("/saadan-gaar-det/svar/not-an-id", metteCookie), { id: "not-an-id" }))).toBe(404);
    expect(await view("progress_answers")).toEqual([]);
  });
});

describe("nobody but her: a relative, the caseworker, someone signed out", () => {
  const pages: [string, Handler][] = [
    ["/saadan-gaar-det", home.loader],
    ["/saadan-gaar-det/svar", answers.loader],
    ["/saadan-gaar-det/paamindelse", reminder.loader],
    ["/saadan-gaar-det/dagbog", diary.loader],
    ["/saadan-gaar-det/tegn", signs.loader],
    ["/saadan-gaar-det/tegn/udskriv", signsPrint.loader],
  ];
  const forms: [string, Handler, Record<string, string>][] = [
    ["/saadan-gaar-det/svar", answers.action, { ...fullAnswers, version: "0" }],
    ["/saadan-gaar-det/paamindelse", reminder.action, { reminderDay: "3" }],
    ["/saadan-gaar-det/dagbog", diary.action, { day: today(), energy: "some", version: "0" }],
    ["/saadan-gaar-det/tegn", signs.action, { warningSigns: "Et tegn", strategies: "", version: "0" }],
  ];

  it("gives a relative with every scope, and the caseworker, 404 on every page and form; signed out goes to sign in", async () => {
    for (const cookie of [jonasCookie, saraCookie]) {
      for (const [path, loader] of pages) expect(statusOf(await run(loader, get(path, cookie))), path).toBe(404);
      for (const [path, action, form] of forms) expect(statusOf(await run(action, post(path, form, cookie))), path).toBe(404);
    }
    for (const [path, loader] of pages) expect(locationOf(await run(loader, get(path))), path).toBe("/log-ind");
    expect(await database.db.select().from(energyDiaryEntries)).toEqual([]);
    expect(await database.db.select().from(progressSigns)).toEqual([]);
  });

  it("shows each participant only her own months", async () => {
    await saveAnswers({ ...fullAnswers, version: "0" });
    const alis = (await run(home.loader, get("/saadan-gaar-det", aliCookie))) as { sets: unknown[]; current: unknown };
    expect(alis.sets).toEqual([]);
    expect(alis.current).toBeNull();
  });
});

describe("the reminder day", () => {
  it("stores the day of the month and shows the next one; a day outside 1-28 is refused", async () => {
    expect(statusOf(await run(reminder.action, post("/saadan-gaar-det/paamindelse", { reminderDay: "31" }, metteCookie)))).toBe(400);
    expect(statusOf(await run(reminder.action, post("/saadan-gaar-det/paamindelse", { reminderDay: "abc" }, metteCookie)))).toBe(400);
    expect(locationOf(await run(reminder.action, post("/saadan-gaar-det/paamindelse", { reminderDay: "12" }, metteCookie)))).toBe(
      "/saadan-gaar-det?gemt=dag",
    );
    const now = new Date("2026-12-05T10:00:00Z");
    expect(await checkInState(mette.participantId, now)).toMatchObject({ month: "2026-12-01", current: null, reminderDay: 12, nextReminder: "2026-12-12" });
    await database.db.insert(progressAnswerSets).values({ participantId: mette.participantId, month: "2026-12-01", energy: "good" });
    expect((await checkInState(mette.participantId, now)).nextReminder).toBe("2027-01-12");
    const html = await render("/saadan-gaar-det", home.loader, ProgressPage);
    expect(html).toMatch(/Næste gang: \d{1,2}\. \p{L}+\./u);
  });

  it("says the reminder comes by e-mail or SMS too, as she chose; 'Ingen påmindelse' removes the day (one audit row)", async () => {
    const page = await render("/saadan-gaar-det/paamindelse", reminder.loader, ReminderRoute);
    expect(page).toContain("Den dag får du også en e-mail eller SMS, hvis du har valgt det.");
    expect(page).toContain('href="/indstillinger"');
    expect(page).not.toContain("Den kommer ikke som e-mail eller SMS");
    // No day yet: "Ingen påmindelse" is what is chosen.
    expect(page).toMatch(/<option value="none" selected="">Ingen påmindelse<\/option>/);
    const english = await render("/saadan-gaar-det/paamindelse", reminder.loader, ReminderRoute, metteCookie, "en");
    expect(english).toContain("On that day you also get an e-mail or a text message, if you chose that.");

    await run(reminder.action, post("/saadan-gaar-det/paamindelse", { reminderDay: "12" }, metteCookie));
    expect(await render("/saadan-gaar-det/paamindelse", reminder.loader, ReminderRoute)).toMatch(/<option value="12" selected="">Den 12\.<\/option>/);
    expect(locationOf(await run(reminder.action, post("/saadan-gaar-det/paamindelse", { reminderDay: "none" }, metteCookie)))).toBe(
      "/saadan-gaar-det?gemt=ingen-dag",
    );
    expect(await checkInState(mette.participantId)).toMatchObject({ reminderDay: null, nextReminder: null });
    // Again: nothing to remove, no second row.
    await run(reminder.action, post("/saadan-gaar-det/paamindelse", { reminderDay: "none" }, metteCookie));
    expect(await progressAudit()).toEqual(["progress.reminder_day_chosen", "progress.reminder_stopped"]);
    const front = await render("/saadan-gaar-det?gemt=ingen-dag", home.loader, ProgressPage);
    expect(front).toContain("Du får ingen påmindelse om at svare.");
    expect(front).toContain("Vil du mindes om at svare?");
  });
});

describe("Energidagbog: private", () => {
  const day = (daysAgo: number, energy: string, activities: string[], note = "") => {
    const form = new URLSearchParams({ day: addDays(today(), -daysAgo), energy, note, version: "0" });
    for (const activity of activities) form.append("activities", activity);
    return run(diary.action, new Request("http://localhost:3000/saadan-gaar-det/dagbog", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: metteCookie },
      body: form,
    }));
  };

  it("saves a day in two taps and a note; only today and the 13 days before may be written", async () => {
    const saved = await day(0, "some", ["walk", "company"], "En god gåtur.");
    expect(locationOf(saved)).toBe(`/saadan-gaar-det/dagbog?gemt=1&uge=${today()}#week`);
    const [row] = await database.db.select().from(energyDiaryEntries).where(eq(energyDiaryEntries.participantId, mette.participantId));
    expect(row).toMatchObject({ day: today(), energy: "some", activities: ["walk", "company"], note: "En god gåtur.", version: 1 });
    expect(statusOf(await day(-1, "some", []))).toBe(400); // tomorrow
    expect(statusOf(await day(14, "some", []))).toBe(400); // too long ago
    expect(locationOf(await day(13, "little", ["rest"]))).toContain("gemt=1");
    const refused = await day(1, "", ["walk"], "Jeg skrev det her.");
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<{ result: { initialValue: Record<string, unknown> } }>(refused).result.initialValue).toMatchObject({ note: "Jeg skrev det her.", activities: "walk" });
  });

  it("is in no caseworker view and no event, and nobody else reads it", async () => {
    await day(0, "a_lot", ["walk"], "Hemmelig dagbogsnote");
    // Even with everything else shared.
    await saveAnswers({ ...fullAnswers, version: "0" });
    const [set] = await database.db.select().from(progressAnswerSets).where(eq(progressAnswerSets.participantId, mette.participantId));
    await run(setRoute.action, post(`/saadan-gaar-det/svar/${set!.id}`, { intent: "share" }, metteCookie), { id: set!.id });
    await run(signs.action, post("/saadan-gaar-det/tegn", { warningSigns: "Jeg sover dårligt", strategies: "", version: "0" }, metteCookie));
    await run(signs.action, post("/saadan-gaar-det/tegn", { intent: "share" }, metteCookie));

    const readable = await everythingTheCaseworkerCanRead(mette.participantId);
    expect(readable).toContain("Jeg sover dårligt"); // the views do show what she shared
    expect(readable).not.toContain("Hemmelig dagbogsnote");
    expect(readable).not.toContain("a_lot");
    expect(readable).not.toMatch(/diary/);
    const aliSees = (await run(diary.loader, get("/saadan-gaar-det/dagbog", aliCookie))) as { weekEntries: unknown[]; entry: unknown };
    expect(aliSees.weekEntries).toEqual([]);
    expect(aliSees.entry).toBeNull();
  });

  it("says a pattern in words only from seven days written, never a judgement", async () => {
    const days: [number, string, string[]][] = [
      [1, "some", ["walk"]],
      [2, "little", ["rest"]],
      [3, "quite_a_lot", ["walk"]],
      [4, "little", []],
      [5, "some", ["walk"]],
      [6, "very_little", ["rest"]],
    ];
    for (const [ago, energy, activities] of days) await day(ago, energy, activities);
    const six = await render("/saadan-gaar-det/dagbog", diary.loader, DiaryPage);
    expect(six).not.toContain("Det ser vi i dine dage");
    expect(six).not.toContain("energi de dage");

    await day(0, "little", []);
    const seven = await render("/saadan-gaar-det/dagbog", diary.loader, DiaryPage);
    expect(seven).toContain("Det ser vi i dine dage");
    expect(seven).toContain("Du havde mest energi de dage, du gik en tur.");
    // Never the other way round: resting went with less energy, and nothing says so.
    expect(seven).not.toContain("hvilede");
    const english = await render("/saadan-gaar-det/dagbog", diary.loader, DiaryPage, metteCookie, "en");
    expect(english).toContain("You had the most energy on the days you went for a walk.");
  });
});

describe("Mine tegn og mine strategier", () => {
  const save = (form: Record<string, string>, cookie = metteCookie) => run(signs.action, post("/saadan-gaar-det/tegn", form, cookie));

  it("saves two lists one item a line, keeps the order, and refuses a list that is too long", async () => {
    expect(locationOf(await save({ warningSigns: "Jeg sover dårligt\r\n\r\n  Jeg aflyser aftaler  \n", strategies: "Gå en tur\nRing til Jonas", version: "0" }))).toBe(
      "/saadan-gaar-det/tegn?gemt=gemt",
    );
    const [row] = await database.db.select().from(progressSigns).where(eq(progressSigns.participantId, mette.participantId));
    expect(row).toMatchObject({ warningSigns: ["Jeg sover dårligt", "Jeg aflyser aftaler"], strategies: ["Gå en tur", "Ring til Jonas"], version: 1, sharedAt: null });
    const tooMany = await save({ warningSigns: Array.from({ length: 16 }, (_, i) => `Tegn ${i}`).join("\n"), strategies: "", version: "1" });
    expect(statusOf(tooMany)).toBe(400);
    expect(dataOf<{ result: { error: Record<string, string[]> } }>(tooMany).result.error.warningSigns).toEqual(["progress:signs.errors.warningSignsTooMany"]);
    expect(statusOf(await save({ warningSigns: "Nyt", strategies: "", version: "0" }))).toBe(409);
  });

  it("is shared by one switch: the caseworker sees both lists live while shared, nothing before or after", async () => {
    await save({ intent: "share" }); // nothing saved yet: nothing to share
    expect(await view("progress_signs")).toEqual([]);
    await save({ warningSigns: "Jeg sover dårligt", strategies: "Gå en tur", version: "0" });
    expect(await view("progress_signs")).toEqual([]);
    expect(locationOf(await save({ intent: "share" }))).toBe("/saadan-gaar-det/tegn?gemt=delt");
    expect((await view("progress_signs"))[0]).toMatchObject({ warning_signs: ["Jeg sover dårligt"], strategies: ["Gå en tur"] });
    await save({ warningSigns: "Jeg sover dårligt\nJeg glemmer at spise", strategies: "Gå en tur", version: "1" });
    expect((await view("progress_signs"))[0]!.warning_signs).toEqual(["Jeg sover dårligt", "Jeg glemmer at spise"]);
    expect(locationOf(await save({ intent: "stop-sharing" }))).toBe("/saadan-gaar-det/tegn?gemt=stoppet");
    expect(await view("progress_signs")).toEqual([]);
    expect(await progressAudit()).toEqual([
      "progress.signs_saved",
      "progress.signs_shared",
      "progress.signs_saved",
      "progress.signs_sharing_stopped",
    ]);
    // Ali's switch never touches Mette's lists.
    await save({ intent: "share" }, aliCookie);
    expect(await view("progress_signs")).toEqual([]);
  });
});
