import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../../db/schema/account";
import { cvEntries, cvProfiles, workWishes } from "../../../db/schema/cv";
import { listTaskSuggestions } from "~/features/cv/task-suggestions.server";
import { loader as overviewLoader } from "~/features/cv/routes/cv";
import { action as shareAction, loader as shareLoader } from "~/features/cv/routes/cv-share";
import { action as aboutAction, loader as aboutLoader } from "~/features/cv/routes/cv-about";
import { action as contactAction, loader as contactLoader } from "~/features/cv/routes/cv-contact";
import { action as entryAction, loader as entryLoader } from "~/features/cv/routes/cv-entry";
import { loader as deletePageLoader } from "~/features/cv/routes/cv-entry-delete";
import { action as sectionAction, loader as sectionLoader } from "~/features/cv/routes/cv-section";
import { action as tasksAction, loader as tasksLoader } from "~/features/cv/routes/cv-tasks";
import { action as wishesAction, loader as wishesLoader } from "~/features/cv/routes/cv-wishes";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";
import { aCvLikeAlis, aCvLikeMettes, aRelativeCookie, type CvPerson } from "./cv-people";

// Each test builds the people it reads (./cv-people.ts, db/builders.ts): a CV like Mette's start,
// one like Ali's, a relative. No demo seed; no test depends on another.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

const entriesOf = async (participantId: string, kind: (typeof cvEntries.$inferSelect)["kind"]) =>
  database.db
    .select()
    .from(cvEntries)
    .where(and(eq(cvEntries.participantId, participantId), eq(cvEntries.kind, kind), isNull(cvEntries.deletedAt)))
    .orderBy(cvEntries.sortOrder);
const lastAudit = async (action: string) =>
  (await database.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)))[0];

/** The version the task list form carries, as /cv/opgaver loads it for the person now. */
async function tasksVersion(cookie: string) {
  return (unwrap(await run(tasksLoader, get("/cv/opgaver", cookie))).data as { version: string }).version;
}

function tasksPost(form: { intent?: string; tasks: string[]; version: string }, cookie: string) {
  return new Request("http://localhost:3000/cv/opgaver", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: cookie },
    body: new URLSearchParams([["intent", form.intent ?? "save"], ["version", form.version], ...form.tasks.map((text): [string, string] => ["task", text])]),
  });
}

function location(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  expect(response.status).toBe(302);
  return response.headers.get("Location");
}

function errorsOf(result: unknown): Record<string, string[]> {
  const { data } = unwrap(result);
  return ((data as { result?: { error?: Record<string, string[]> } }).result?.error ?? {}) as Record<string, string[]>;
}

async function newEntryForm(section: string, cookie: string) {
  const result = await run(entryLoader, get(`/cv/${section}/ny`, cookie), { section, entryId: "ny" });
  if (result instanceof Response) throw new Error(`expected a form, got ${result.status}`);
  return result;
}

describe("a start like the demo's Mette (built here, not read from the demo seed)", () => {
  it("gives Mette a job with a gap after it, an education, two skills and Danish, and no tasks", async () => {
    const mette = await aCvLikeMettes(database);
    const work = await entriesOf(mette.participantId, "work");
    expect(work.map((entry) => [entry.title, entry.fromText, entry.toText])).toEqual([["Butiksassistent", "2012", "2019"]]);
    expect((await entriesOf(mette.participantId, "education")).length).toBe(1);
    expect((await entriesOf(mette.participantId, "skill")).map((entry) => entry.category)).toEqual(["professional", "personal"]);
    expect((await entriesOf(mette.participantId, "language")).map((entry) => [entry.title, entry.level])).toEqual([["Dansk", "native"]]);
    expect(await listTaskSuggestions(mette.participantId)).toEqual([]);
    const page = unwrap(await run(sectionLoader, get("/cv/erfaring", mette.cookie), { section: "erfaring" })).data as { gap: boolean };
    expect(page.gap).toBe(true);
  });
});

describe("work experience: create, update, reorder, delete, undo", () => {
  /** Mette with a second job after her first (version 1), as the create test below leaves it. */
  async function metteWithSecondJob(title: string) {
    const mette = await aCvLikeMettes(database, [{ kind: "work", title, organisation: "Netto, Solbjerg", fromText: "2020-03", toText: "2021", sortOrder: 2 }]);
    const [job] = (await entriesOf(mette.participantId, "work")).filter((entry) => entry.title === title);
    return { mette, createdId: job!.id };
  }

  it("creates a job with partial dates, stores them as year-month, and writes an audit row", async () => {
    const mette = await aCvLikeMettes(database);
    const form = await newEntryForm("erfaring", mette.cookie);
    const result = await run(
      entryAction,
      post(
        "/cv/erfaring/ny",
        {
          title: "Kassemedarbejder",
          organisation: "Netto, Solbjerg",
          from: "3/2020",
          to: "2021",
          details: "Kasse og opfyldning.\r\nAftenvagter.",
          submissionId: form.submissionId!,
        },
        mette.cookie,
      ),
      { section: "erfaring", entryId: "ny" },
    );
    const [row] = (await entriesOf(mette.participantId, "work")).filter((entry) => entry.title === "Kassemedarbejder");
    expect(row).toMatchObject({ fromText: "2020-03", toText: "2021", isOngoing: false, details: "Kasse og opfyldning.\nAftenvagter.", sortOrder: 2, version: 1 });
    const createdId = row!.id;
    expect(location(result)).toBe(`/cv/erfaring?gemt=${createdId}#cv-status`);
    const audit = await lastAudit("cv.entry_created");
    expect(audit).toMatchObject({ actorPersonId: mette.personId, participantId: mette.participantId });
    expect(JSON.stringify(audit!.details)).not.toContain("Netto");
  });

  it("stores one row when the same form is sent twice (double submit)", async () => {
    const mette = await aCvLikeMettes(database);
    const form = await newEntryForm("erfaring", mette.cookie);
    const body = { title: "Pakker", from: "2022", ongoing: "on", submissionId: form.submissionId! };
    const first = await run(entryAction, post("/cv/erfaring/ny", body, mette.cookie), { section: "erfaring", entryId: "ny" });
    const second = await run(entryAction, post("/cv/erfaring/ny", body, mette.cookie), { section: "erfaring", entryId: "ny" });
    expect(location(second)).toBe(location(first));
    expect((await entriesOf(mette.participantId, "work")).filter((entry) => entry.title === "Pakker")).toHaveLength(1);
  });

  it("refuses bad dates with clear messages and keeps what was typed", async () => {
    const mette = await aCvLikeMettes(database);
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ title: "A", from: "2021", to: "2019" }, { to: "errors.toBeforeFrom" }],
      [{ title: "A", from: "05/2099", to: "2099" }, { from: "errors.fromFuture" }],
      [{ title: "A", from: "marts", to: "13/2020" }, { from: "errors.dateFormat", to: "errors.dateFormat" }],
      [{ title: "A" }, { from: "errors.fromRequired", to: "errors.toRequired" }],
      // Everything missing: every problem is told at once.
      [{}, { title: "sections.work.errors.titleRequired", from: "errors.fromRequired", to: "errors.toRequired" }],
      [{ title: "  ", from: "2020", ongoing: "on" }, { title: "sections.work.errors.titleRequired" }],
      [{ title: "x".repeat(121), from: "2020", ongoing: "on", details: "y".repeat(1001) }, { title: "errors.titleTooLong", details: "errors.detailsTooLong" }],
    ];
    for (const [body, expected] of cases) {
      const result = await run(entryAction, post("/cv/erfaring/ny", body, mette.cookie), { section: "erfaring", entryId: "ny" });
      expect(unwrap(result).status, JSON.stringify(body)).toBe(400);
      const errors = errorsOf(result);
      for (const [field, message] of Object.entries(expected)) expect(errors[field]?.[0], `${JSON.stringify(body)} ${field}`).toBe(message);
    }
    // A finished job may not start in the future, but an ongoing one with a past start is fine.
    const ok = await run(entryAction, post("/cv/erfaring/ny", { title: "Nu", from: "01/2024", ongoing: "on", to: "1999" }, mette.cookie), {
      section: "erfaring",
      entryId: "ny",
    });
    expect(location(ok)).toMatch(/^\/cv\/erfaring\?gemt=/);
    const [now] = (await entriesOf(mette.participantId, "work")).filter((entry) => entry.title === "Nu");
    expect(now).toMatchObject({ fromText: "2024-01", toText: null, isOngoing: true });
  });

  it("updates with the loaded version; a stale version gives 409 with what is saved", async () => {
    const { mette, createdId } = await metteWithSecondJob("Kassemedarbejder");
    const loaded = unwrap(await run(entryLoader, get(`/cv/erfaring/${createdId}`, mette.cookie), { section: "erfaring", entryId: createdId }))
      .data as { entry: { version: number; title: string } };
    expect(loaded.entry.title).toBe("Kassemedarbejder");
    const body = { title: "Kasseassistent", organisation: "Netto, Solbjerg", from: "03/2020", to: "2021", version: String(loaded.entry.version) };
    const saved = await run(entryAction, post(`/cv/erfaring/${createdId}`, body, mette.cookie), { section: "erfaring", entryId: createdId });
    expect(location(saved)).toBe(`/cv/erfaring?gemt=${createdId}#cv-status`);
    const [row] = await database.db.select().from(cvEntries).where(eq(cvEntries.id, createdId));
    expect(row).toMatchObject({ title: "Kasseassistent", version: 2 });

    // Another tab still has version 1.
    const stale = await run(
      entryAction,
      post(`/cv/erfaring/${createdId}`, { ...body, title: "Kassedame", version: "1" }, mette.cookie),
      { section: "erfaring", entryId: createdId },
    );
    const { status, data } = unwrap(stale);
    expect(status).toBe(409);
    expect((data as { conflict: { title: string; version: number } }).conflict).toMatchObject({ title: "Kasseassistent", version: 2 });
    // Sending the same text again (double submit of the first save) is not a conflict.
    const again = await run(entryAction, post(`/cv/erfaring/${createdId}`, { ...body, version: "1" }, mette.cookie), {
      section: "erfaring",
      entryId: createdId,
    });
    expect(location(again)).toBe(`/cv/erfaring?gemt=${createdId}#cv-status`);
  });

  it("moves entries up and down with buttons, and keeps the order", async () => {
    const { mette, createdId } = await metteWithSecondJob("Kasseassistent");
    const before = (await entriesOf(mette.participantId, "work")).map((entry) => entry.title);
    expect(before[0]).toBe("Butiksassistent");
    const up = await run(sectionAction, post("/cv/erfaring", { intent: "move-up", entryId: createdId }, mette.cookie), { section: "erfaring" });
    expect(location(up)).toBe(`/cv/erfaring?flyttet=${createdId}#punkt-${createdId}`);
    const after = (await entriesOf(mette.participantId, "work")).map((entry) => entry.title);
    expect(after.slice(0, 2)).toEqual(["Kasseassistent", "Butiksassistent"]);
    // Moving the first one up changes nothing.
    await run(sectionAction, post("/cv/erfaring", { intent: "move-up", entryId: createdId }, mette.cookie), { section: "erfaring" });
    expect((await entriesOf(mette.participantId, "work"))[0]!.title).toBe("Kasseassistent");
    await run(sectionAction, post("/cv/erfaring", { intent: "move-down", entryId: createdId }, mette.cookie), { section: "erfaring" });
    expect((await entriesOf(mette.participantId, "work")).map((entry) => entry.title).slice(0, 2)).toEqual(["Butiksassistent", "Kasseassistent"]);
  });

  it("deletes softly after the confirm page, offers Fortryd, and brings the entry back", async () => {
    const { mette, createdId } = await metteWithSecondJob("Kasseassistent");
    const ask = unwrap(await run(deletePageLoader, get(`/cv/erfaring/${createdId}/slet`, mette.cookie), { section: "erfaring", entryId: createdId }));
    expect((ask.data as { entry: { title: string } }).entry.title).toBe("Kasseassistent");
    const deleted = await run(sectionAction, post("/cv/erfaring", { intent: "delete", entryId: createdId }, mette.cookie), { section: "erfaring" });
    expect(location(deleted)).toBe(`/cv/erfaring?slettet=${createdId}#cv-status`);
    // "Ja, slet" sent twice: the second one lands on the same page, not on an error.
    const twice = await run(sectionAction, post("/cv/erfaring", { intent: "delete", entryId: createdId }, mette.cookie), { section: "erfaring" });
    expect(location(twice)).toBe(`/cv/erfaring?slettet=${createdId}#cv-status`);
    expect((await entriesOf(mette.participantId, "work")).map((entry) => entry.id)).not.toContain(createdId);
    const page = unwrap(await run(sectionLoader, get(`/cv/erfaring?slettet=${createdId}`, mette.cookie), { section: "erfaring" })).data as {
      deleted: { title: string } | null;
    };
    expect(page.deleted?.title).toBe("Kasseassistent");
    // The deleted entry cannot be edited any more.
    expect(((await run(entryLoader, get(`/cv/erfaring/${createdId}`, mette.cookie), { section: "erfaring", entryId: createdId })) as Response).status).toBe(404);

    const undone = await run(sectionAction, post("/cv/erfaring", { intent: "undo", entryId: createdId }, mette.cookie), { section: "erfaring" });
    expect(location(undone)).toBe(`/cv/erfaring?gendannet=${createdId}#cv-status`);
    expect((await entriesOf(mette.participantId, "work")).map((entry) => entry.title)).toContain("Kasseassistent");
    expect(await lastAudit("cv.entry_restored")).toMatchObject({ actorPersonId: mette.personId });
  });

  it("cannot undo after the hour has passed", async () => {
    const { mette, createdId } = await metteWithSecondJob("Kasseassistent");
    await run(sectionAction, post("/cv/erfaring", { intent: "delete", entryId: createdId }, mette.cookie), { section: "erfaring" });
    await database.db.update(cvEntries).set({ deletedAt: new Date(Date.now() - 61 * 60_000) }).where(eq(cvEntries.id, createdId));
    const late = await run(sectionAction, post("/cv/erfaring", { intent: "undo", entryId: createdId }, mette.cookie), { section: "erfaring" });
    expect(location(late)).toBe("/cv/erfaring?for-sent=1#cv-status");
    expect((await entriesOf(mette.participantId, "work")).map((entry) => entry.id)).not.toContain(createdId);
  });
});

describe("the other sections", () => {
  it("education and courses: the kind is chosen, a course can be added and changed to an education", async () => {
    const mette = await aCvLikeMettes(database);
    const missingKind = await run(entryAction, post("/cv/uddannelse/ny", { title: "Førstehjælp", from: "2018", to: "2018" }, mette.cookie), {
      section: "uddannelse",
      entryId: "ny",
    });
    expect(errorsOf(missingKind).entryKind?.[0]).toBe("errors.kindRequired");
    await run(entryAction, post("/cv/uddannelse/ny", { entryKind: "course", title: "Førstehjælp", organisation: "Røde Kors", from: "2018", to: "2018" }, mette.cookie), {
      section: "uddannelse",
      entryId: "ny",
    });
    const [course] = (await entriesOf(mette.participantId, "course")).filter((entry) => entry.title === "Førstehjælp");
    expect(course).toMatchObject({ organisation: "Røde Kors", fromText: "2018", toText: "2018" });
    await run(
      entryAction,
      post(`/cv/uddannelse/${course!.id}`, { entryKind: "education", title: "Førstehjælp", from: "2018", to: "2018", version: "1" }, mette.cookie),
      { section: "uddannelse", entryId: course!.id },
    );
    expect((await entriesOf(mette.participantId, "education")).map((entry) => entry.title)).toContain("Førstehjælp");
  });

  it("volunteering counts as experience and closes the gap note when ongoing", async () => {
    const ali = await aCvLikeAlis(database);
    await run(entryAction, post("/cv/frivilligt/ny", { title: "Frivillig i genbrugsbutik", from: "2023", ongoing: "on" }, ali.cookie), {
      section: "frivilligt",
      entryId: "ny",
    });
    expect((await entriesOf(ali.participantId, "volunteering")).map((entry) => entry.title)).toEqual(["Frivillig i genbrugsbutik"]);
    const page = unwrap(await run(sectionLoader, get("/cv/erfaring", ali.cookie), { section: "erfaring" })).data as { gap: boolean };
    expect(page.gap).toBe(false);
  });

  it("skills: category required; suggestions add only what is not there yet", async () => {
    const mette = await aCvLikeMettes(database);
    const missing = await run(entryAction, post("/cv/kompetencer/ny", { title: "Lytter godt" }, mette.cookie), { section: "kompetencer", entryId: "ny" });
    expect(errorsOf(missing).category?.[0]).toBe("errors.categoryRequired");
    await run(entryAction, post("/cv/kompetencer/ny", { title: "Lytter godt", category: "personal" }, mette.cookie), { section: "kompetencer", entryId: "ny" });
    const none = await run(sectionAction, post("/cv/kompetencer", { intent: "add-suggestions" }, mette.cookie), { section: "kompetencer" });
    expect(unwrap(none).status).toBe(400);
    const body = new URLSearchParams([
      ["intent", "add-suggestions"],
      ["suggestion", "customerService"],
      ["suggestion", "cleaning"],
      ["suggestion", "calm"],
      ["suggestion", "not-a-suggestion"],
    ]);
    const request = new Request("http://localhost:3000/cv/kompetencer", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: mette.cookie },
      body,
    });
    // "Kundeservice" is already in her CV: two are added.
    expect(location(await run(sectionAction, request, { section: "kompetencer" }))).toBe("/cv/kompetencer?tilfoejet=2#cv-status");
    const skills = await entriesOf(mette.participantId, "skill");
    expect(skills.map((entry) => [entry.title, entry.category])).toEqual([
      ["Kundeservice", "professional"],
      ["Omhyggelig og stabil", "personal"],
      ["Lytter godt", "personal"],
      ["Rengøring", "professional"],
      ["Rolig", "personal"],
    ]);
  });

  it("languages need a level; IT and driving licence work the same way", async () => {
    const mette = await aCvLikeMettes(database);
    const missing = await run(entryAction, post("/cv/sprog/ny", { title: "Engelsk" }, mette.cookie), { section: "sprog", entryId: "ny" });
    expect(errorsOf(missing).level?.[0]).toBe("errors.levelRequired");
    await run(entryAction, post("/cv/sprog/ny", { title: "Engelsk", level: "good" }, mette.cookie), { section: "sprog", entryId: "ny" });
    await run(entryAction, post("/cv/it/ny", { title: "Word" }, mette.cookie), { section: "it", entryId: "ny" });
    await run(entryAction, post("/cv/koerekort/ny", { title: "Truckcertifikat" }, mette.cookie), { section: "koerekort", entryId: "ny" });
    expect((await entriesOf(mette.participantId, "language")).map((entry) => [entry.title, entry.level])).toEqual([
      ["Dansk", "native"],
      ["Engelsk", "good"],
    ]);
    expect((await entriesOf(mette.participantId, "it_skill")).map((entry) => entry.title)).toEqual(["Word"]);
    expect((await entriesOf(mette.participantId, "driving_licence")).map((entry) => entry.title)).toEqual(["Kørekort til bil (B)", "Truckcertifikat"]);
  });

  it("stores HTML and script as the text that was typed", async () => {
    const mette = await aCvLikeMettes(database);
    const typed = `<script>alert("x")</script><b>fed</b> & "citat"`;
    await run(entryAction, post("/cv/it/ny", { title: typed, level: "basic" }, mette.cookie), { section: "it", entryId: "ny" });
    expect((await entriesOf(mette.participantId, "it_skill")).map((entry) => entry.title)).toContain(typed);
  });
});

describe("access: only the participant's own CV", () => {
  /** Mette and the id of her job ("Butiksassistent"). */
  async function metteAndHerJob() {
    const mette = await aCvLikeMettes(database);
    return { mette, metteEntryId: (await entriesOf(mette.participantId, "work"))[0]!.id };
  }

  it("another participant's entry id is 404 everywhere, and nothing changes", async () => {
    const { metteEntryId } = await metteAndHerJob();
    const ali = await aCvLikeAlis(database);
    const before = await database.db.select().from(cvEntries).where(eq(cvEntries.id, metteEntryId));
    const params = { section: "erfaring", entryId: metteEntryId };
    expect(((await run(entryLoader, get(`/cv/erfaring/${metteEntryId}`, ali.cookie), params)) as Response).status).toBe(404);
    expect(((await run(deletePageLoader, get(`/cv/erfaring/${metteEntryId}/slet`, ali.cookie), params)) as Response).status).toBe(404);
    const edit = await run(entryAction, post(`/cv/erfaring/${metteEntryId}`, { title: "Hacket", from: "2012", to: "2019", version: "1" }, ali.cookie), params);
    expect((edit as Response).status).toBe(404);
    for (const intent of ["move-up", "move-down", "delete"]) {
      const result = await run(sectionAction, post("/cv/erfaring", { intent, entryId: metteEntryId }, ali.cookie), { section: "erfaring" });
      expect((result as Response).status, intent).toBe(404);
    }
    // Undo of someone else's entry does nothing.
    await database.db.update(cvEntries).set({ deletedAt: new Date() }).where(eq(cvEntries.id, metteEntryId));
    const undo = await run(sectionAction, post("/cv/erfaring", { intent: "undo", entryId: metteEntryId }, ali.cookie), { section: "erfaring" });
    expect(location(undo)).toBe("/cv/erfaring?for-sent=1#cv-status");
    await database.db.update(cvEntries).set({ deletedAt: null }).where(eq(cvEntries.id, metteEntryId));
    const after = await database.db.select().from(cvEntries).where(eq(cvEntries.id, metteEntryId));
    expect(after).toEqual(before);
  });

  it("an entry from another section, a made-up id and an unknown section are 404", async () => {
    const { mette, metteEntryId } = await metteAndHerJob();
    expect(((await run(entryLoader, get(`/cv/uddannelse/${metteEntryId}`, mette.cookie), { section: "uddannelse", entryId: metteEntryId })) as Response).status).toBe(404);
    expect(((await run(entryLoader, get(`/cv/erfaring/${randomUUID()}`, mette.cookie), { section: "erfaring", entryId: randomUUID() })) as Response).status).toBe(404);
    expect(((await run(entryLoader, get("/cv/erfaring/abc", mette.cookie), { section: "erfaring", entryId: "abc" })) as Response).status).toBe(404);
    expect(((await run(sectionLoader, get("/cv/hobbyer", mette.cookie), { section: "hobbyer" })) as Response).status).toBe(404);
  });

  it("a relative (Jonas) gets 404 and a signed-out visitor is sent to sign in, for pages and writes", async () => {
    const { mette, metteEntryId } = await metteAndHerJob();
    const jonasCookie = await aRelativeCookie(database);
    const loaders: [(args: never) => unknown, string, Record<string, string>][] = [
      [overviewLoader as never, "/cv", {}],
      [sectionLoader as never, "/cv/erfaring", { section: "erfaring" }],
      [entryLoader as never, `/cv/erfaring/${metteEntryId}`, { section: "erfaring", entryId: metteEntryId }],
      [aboutLoader as never, "/cv/om-mig", {}],
      [contactLoader as never, "/cv/kontakt", {}],
      [wishesLoader as never, "/cv/jobonsker", {}],
      [tasksLoader as never, "/cv/opgaver", {}],
      [shareLoader as never, "/cv/del", {}],
    ];
    for (const [loader, path, params] of loaders) {
      expect(((await run(loader as never, get(path, jonasCookie), params)) as Response).status, path).toBe(404);
      expect(location(await run(loader as never, get(path), params)), path).toBe("/log-ind");
    }
    const writes: [(args: never) => unknown, string, Record<string, string>, Record<string, string>][] = [
      [sectionAction as never, "/cv/erfaring", { intent: "delete", entryId: metteEntryId }, { section: "erfaring" }],
      [entryAction as never, "/cv/erfaring/ny", { title: "X", from: "2020", ongoing: "on" }, { section: "erfaring", entryId: "ny" }],
      [shareAction as never, "/cv/del", { seen: "0".repeat(32) }, {}],
      [tasksAction as never, "/cv/opgaver", { intent: "save", task: "X" }, {}],
    ];
    for (const [action, path, body, params] of writes) {
      expect(((await run(action as never, post(path, body, jonasCookie), params)) as Response).status, path).toBe(404);
      expect(location(await run(action as never, post(path, body), params)), path).toBe("/log-ind");
    }
    expect((await entriesOf(mette.participantId, "work")).map((entry) => entry.id)).toContain(metteEntryId);
  });
});

describe("about me, contact, work wishes, tasks and sharing", () => {
  it("saves 'Kort om mig' with a version; a stale form gives 409 with both texts", async () => {
    const mette = await aCvLikeMettes(database);
    const form = unwrap(await run(aboutLoader, get("/cv/om-mig", mette.cookie))).data as { summary: string; version: number };
    expect(form).toMatchObject({ summary: "", version: 0 });
    const saved = await run(aboutAction, post("/cv/om-mig", { summary: "Jeg er stabil.", version: "0" }, mette.cookie));
    expect(location(saved)).toBe("/cv/om-mig?gemt=1#cv-status");
    const stale = unwrap(await run(aboutAction, post("/cv/om-mig", { summary: "Jeg er glad.", version: "0" }, mette.cookie)));
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ conflict: { mine: "Jeg er glad.", saved: "Jeg er stabil." } });
    const tooLong = unwrap(await run(aboutAction, post("/cv/om-mig", { summary: "x".repeat(1201), version: "1" }, mette.cookie)));
    expect(tooLong.status).toBe(400);
  });

  it("contact: the participant chooses what shows; the address is their own words", async () => {
    const mette = await aCvLikeMettes(database);
    const { version } = unwrap(await run(contactLoader, get("/cv/kontakt", mette.cookie))).data as { version: number };
    await run(contactAction, post("/cv/kontakt", { showEmail: "on", showAddress: "on", address: "Solbjerg", version: String(version) }, mette.cookie));
    const [profile] = await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, mette.participantId));
    expect(profile).toMatchObject({ contactVisibility: { email: true, phone: false, address: true }, address: "Solbjerg" });
  });

  it("work wishes: saved with a version, hours checked, accommodations hidden from the CV unless chosen", async () => {
    const mette = await aCvLikeMettes(database);
    const bad = unwrap(await run(wishesAction, post("/cv/jobonsker", { hoursPerWeek: "ti", version: "0" }, mette.cookie)));
    expect(bad.status).toBe(400);
    const ok = await run(
      wishesAction,
      post(
        "/cv/jobonsker",
        { fields: "Butik\r\nLager, genbrug", hoursPerWeek: "12", commute: "30", areas: "Solbjerg", accommodations: "Pauser hver time", version: "0" },
        mette.cookie,
      ),
    );
    expect(location(ok)).toBe("/cv/jobonsker?gemt=1#cv-status");
    const [wishes] = await database.db.select().from(workWishes).where(eq(workWishes.participantId, mette.participantId));
    expect(wishes).toMatchObject({
      fields: ["Butik", "Lager", "genbrug"],
      hoursPerWeek: 12,
      maxCommuteMinutes: 30,
      accommodations: "Pauser hver time",
      showAccommodationsOnCv: false,
      version: 1,
    });
    const stale = unwrap(await run(wishesAction, post("/cv/jobonsker", { fields: "Køkken", version: "0" }, mette.cookie)));
    expect(stale.status).toBe(409);
  });

  it("tasks: saved as a list, moved, deleted only after confirming the right one", async () => {
    const mette = await aCvLikeMettes(database);
    const body = new URLSearchParams([
      ["intent", "save"],
      ["task", "Sætte varer på hylder"],
      ["task", "  "],
      ["task", "Pakke ordrer"],
      ["task", "Tage imod kunder"],
    ]);
    body.set("version", await tasksVersion(mette.cookie));
    const request = () =>
      new Request("http://localhost:3000/cv/opgaver", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: mette.cookie },
        body,
      });
    expect(location(await run(tasksAction, request()))).toBe("/cv/opgaver?gemt=1#cv-status");
    // A double submit gives the same list, not six tasks.
    await run(tasksAction, request());
    const texts = async () => (await listTaskSuggestions(mette.participantId)).map((task) => task.text);
    expect(await texts()).toEqual(["Sætte varer på hylder", "Pakke ordrer", "Tage imod kunder"]);

    body.set("intent", "up-1");
    body.set("version", await tasksVersion(mette.cookie));
    expect(location(await run(tasksAction, request()))).toBe("/cv/opgaver?flyttet=0#opgave-0");
    expect(await texts()).toEqual(["Pakke ordrer", "Sætte varer på hylder", "Tage imod kunder"]);

    // Without JavaScript "Slet" asks first; a stale question deletes nothing.
    expect(location(await run(tasksAction, post("/cv/opgaver", { intent: "confirm-delete", index: "0", text: "Noget andet" }, mette.cookie)))).toBe(
      "/cv/opgaver?aendret=1#cv-status",
    );
    expect(location(await run(tasksAction, post("/cv/opgaver", { intent: "confirm-delete", index: "0", text: "Pakke ordrer" }, mette.cookie)))).toBe(
      "/cv/opgaver?slettet=1#cv-status",
    );
    expect(await texts()).toEqual(["Sætte varer på hylder", "Tage imod kunder"]);
    const tooLong = unwrap(await run(tasksAction, post("/cv/opgaver", { intent: "save", task: "x".repeat(201) }, mette.cookie)));
    expect(tooLong.status).toBe(400);
    expect(await lastAudit("work_tasks.saved")).toMatchObject({ actorPersonId: mette.personId });
  });

  it("sharing stamps 'Sidst delt'; a later change is noticed", async () => {
    const mette = await aCvLikeMettes(database);
    const before = unwrap(await run(overviewLoader, get("/cv", mette.cookie))).data as { sharedAt: Date | null };
    expect(before.sharedAt).toBeNull();
    const { fingerprint } = unwrap(await run(shareLoader, get("/cv/del", mette.cookie))).data as { fingerprint: string };
    expect(location(await run(shareAction, post("/cv/del", { seen: fingerprint }, mette.cookie)))).toBe("/cv?delt=1#cv-status");
    const after = unwrap(await run(overviewLoader, get("/cv", mette.cookie))).data as { sharedAt: Date; changedSinceShared: boolean };
    expect(after.sharedAt).toBeInstanceOf(Date);
    expect(after.changedSinceShared).toBe(false);
    const { version } = unwrap(await run(contactLoader, get("/cv/kontakt", mette.cookie))).data as { version: number };
    await run(contactAction, post("/cv/kontakt", { showPhone: "on", version: String(version) }, mette.cookie));
    const changed = unwrap(await run(overviewLoader, get("/cv", mette.cookie))).data as { changedSinceShared: boolean };
    expect(changed.changedSinceShared).toBe(true);
    expect(await lastAudit("cv.shared")).toMatchObject({ actorPersonId: mette.personId, participantId: mette.participantId });
  });
});

describe("two tabs saving the same thing: the second save never overwrites the first silently", () => {
  const texts = async (ali: CvPerson) => (await listTaskSuggestions(ali.participantId)).map((task) => task.text);
  const aliProfile = async (ali: CvPerson) => (await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, ali.participantId)))[0];

  it("tasks (/cv/opgaver): the second save from the same version gets 409 with both lists; nothing is lost", async () => {
    const ali = await aCvLikeAlis(database);
    const loaded = await tasksVersion(ali.cookie);
    const first = await run(tasksAction, tasksPost({ tasks: ["Rydde op på lageret", "Pakke varer"], version: loaded }, ali.cookie));
    expect(location(first)).toBe("/cv/opgaver?gemt=1#cv-status");

    // The other tab, loaded before the first save, writes something else.
    const second = unwrap(await run(tasksAction, tasksPost({ tasks: ["Køre truck"], version: loaded }, ali.cookie)));
    expect(second.status).toBe(409);
    const conflict = second.data as { texts: string[]; version: string; conflict: { saved: string[] } };
    expect(conflict.conflict.saved).toEqual(["Rydde op på lageret", "Pakke varer"]);
    expect(conflict.texts).toEqual(["Køre truck"]);
    expect(await texts(ali)).toEqual(["Rydde op på lageret", "Pakke varer"]);

    // A move from the stale tab moves nothing either.
    const staleMove = unwrap(await run(tasksAction, tasksPost({ intent: "down-0", tasks: ["Køre truck", "Feje"], version: loaded }, ali.cookie)));
    expect(staleMove.status).toBe(409);
    expect(await texts(ali)).toEqual(["Rydde op på lageret", "Pakke varer"]);

    // Saving again from the conflict page (it carries the saved list's version) keeps the person's own list.
    const again = await run(tasksAction, tasksPost({ tasks: ["Køre truck"], version: conflict.version }, ali.cookie));
    expect(location(again)).toBe("/cv/opgaver?gemt=1#cv-status");
    expect(await texts(ali)).toEqual(["Køre truck"]);

    // A form without a version (or a made-up one) overwrites nothing.
    for (const version of ["", "not-a-version", "x".repeat(22)]) {
      const forged = unwrap(await run(tasksAction, tasksPost({ tasks: ["Overskrevet"], version }, ali.cookie)));
      expect(forged.status).toBe(409);
    }
    expect(await texts(ali)).toEqual(["Køre truck"]);
  });

  it("tasks: a confirmed delete of a list that changed meanwhile deletes nothing", async () => {
    const ali = await aCvLikeAlis(database);
    const loaded = await tasksVersion(ali.cookie);
    await run(tasksAction, tasksPost({ tasks: ["A", "B"], version: loaded }, ali.cookie));
    // The question was asked about "A" at position 0; then the list changed in another tab.
    await run(tasksAction, tasksPost({ tasks: ["C", "A", "B"], version: await tasksVersion(ali.cookie) }, ali.cookie));
    expect(location(await run(tasksAction, post("/cv/opgaver", { intent: "confirm-delete", index: "0", text: "A" }, ali.cookie)))).toBe(
      "/cv/opgaver?aendret=1#cv-status",
    );
    expect(await texts(ali)).toEqual(["C", "A", "B"]);
  });

  it("contact (/cv/kontakt): the second save from the same version gets 409 with the saved choices and keeps what was chosen", async () => {
    const ali = await aCvLikeAlis(database);
    const { version } = unwrap(await run(contactLoader, get("/cv/kontakt", ali.cookie))).data as { version: number };
    const first = await run(contactAction, post("/cv/kontakt", { showEmail: "on", showAddress: "on", address: "Solbjerg", version: String(version) }, ali.cookie));
    expect(location(first)).toBe("/cv/kontakt?gemt=1#cv-status");

    const second = unwrap(await run(contactAction, post("/cv/kontakt", { showPhone: "on", showAddress: "on", address: "Aarhus C", version: String(version) }, ali.cookie)));
    expect(second.status).toBe(409);
    const body = second.data as {
      conflict: { saved: { showEmail: boolean; showPhone: boolean; showAddress: boolean; address: string }; savedVersion: number };
      result: { initialValue: Record<string, unknown> };
    };
    expect(body.conflict.saved).toEqual({ showEmail: true, showPhone: false, showAddress: true, address: "Solbjerg" });
    expect(body.result.initialValue).toMatchObject({ showPhone: "on", address: "Aarhus C" });
    expect(await aliProfile(ali)).toMatchObject({ contactVisibility: { email: true, phone: false, address: true }, address: "Solbjerg" });

    // Sending the same choices again (a double submit from the first tab) is not a conflict.
    const double = await run(contactAction, post("/cv/kontakt", { showEmail: "on", showAddress: "on", address: "Solbjerg", version: String(version) }, ali.cookie));
    expect(location(double)).toBe("/cv/kontakt?gemt=1#cv-status");

    // From the conflict page (saved version) the person's own choices are saved.
    const again = await run(
      contactAction,
      post("/cv/kontakt", { showPhone: "on", showAddress: "on", address: "Aarhus C", version: String(body.conflict.savedVersion) }, ali.cookie),
    );
    expect(location(again)).toBe("/cv/kontakt?gemt=1#cv-status");
    expect(await aliProfile(ali)).toMatchObject({ contactVisibility: { email: false, phone: true, address: true }, address: "Aarhus C" });
  });

  it("contact without a version is refused (400) and changes nothing", async () => {
    const ali = await aCvLikeAlis(database);
    const before = await aliProfile(ali);
    const result = unwrap(await run(contactAction, post("/cv/kontakt", { showEmail: "on", address: "Et andet sted" }, ali.cookie)));
    expect(result.status).toBe(400);
    expect(await aliProfile(ali)).toEqual(before);
  });

  it("work wishes (/cv/jobonsker): the second save from the same version gets 409; the first is kept", async () => {
    const ali = await aCvLikeAlis(database);
    const { wishes } = unwrap(await run(wishesLoader, get("/cv/jobonsker", ali.cookie))).data as { wishes: { version: number } };
    const version = String(wishes.version);
    expect(location(await run(wishesAction, post("/cv/jobonsker", { fields: "Lager", version }, ali.cookie)))).toBe("/cv/jobonsker?gemt=1#cv-status");
    const stale = unwrap(await run(wishesAction, post("/cv/jobonsker", { fields: "Køkken", version }, ali.cookie)));
    expect(stale.status).toBe(409);
    expect((stale.data as { conflict: { saved: { fields: string[] } } }).conflict.saved.fields).toEqual(["Lager"]);
    const [row] = await database.db.select().from(workWishes).where(eq(workWishes.participantId, ali.participantId));
    expect(row!.fields).toEqual(["Lager"]);
  });
});
