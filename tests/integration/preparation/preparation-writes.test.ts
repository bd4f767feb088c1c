import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, participants, persons, preparationParts, preparationShares } from "../../../db/schema";
import { TASK_TEXT_MAX, listTaskSuggestions, saveTaskSuggestions } from "~/features/cv/task-suggestions.server";
import { TASK_MAX, TEXT_MAX, type PartKey } from "~/features/preparation/parts";
import { getSharedPreparation } from "~/features/preparation/queries.server";
import { action as aboutAction, loader as aboutLoader } from "~/features/preparation/routes/preparation-about";
import { action as checkAction, loader as checkLoader } from "~/features/preparation/routes/preparation-check";
import { action as partAction, loader as partLoader } from "~/features/preparation/routes/preparation-part";
import { loader as listLoader } from "~/features/preparation/routes/preparation";
import { action as withdrawAction, loader as withdrawLoader } from "~/features/preparation/routes/preparation-withdraw";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { cookieFor, get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";

let database: TestDatabase;
let mette: string;
let ali: string;
let jonas: string;
let metteId: string;
let aliId: string;

async function participantId(demoKey: string) {
  const [row] = await database.db
    .select({ id: participants.id })
    .from(participants)
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(eq(persons.demoKey, demoKey));
  return row!.id;
}

async function row(participant: string, part: PartKey) {
  const [found] = await database.db
    .select()
    .from(preparationParts)
    .where(and(eq(preparationParts.participantId, participant), eq(preparationParts.part, part)));
  return found ?? null;
}

const savePart = (slug: string, form: Record<string, string>, cookie: string) =>
  run(partAction, post(`/forberedelse/${slug}`, form, cookie), { part: slug });

function location(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  expect(response.status).toBe(302);
  return response.headers.get("Location");
}

beforeAll(async () => {
  database = await createTestDatabase();
  [mette, ali, jonas] = await Promise.all([cookieFor("mette"), cookieFor("ali"), cookieFor("jonas")]);
  metteId = await participantId("mette");
  aliId = await participantId("ali");
});
afterAll(() => database.dispose());

describe("the task list", () => {
  it("shows Mette's demo preparation with all three statuses, and her team meeting", async () => {
    const { data } = unwrap(await run(listLoader, get("/forberedelse", mette)));
    const page = data as { parts: { key: string; status: string; share: string }[]; meeting: { id: string } | null };
    expect(Object.fromEntries(page.parts.map((part) => [part.key, part.status]))).toEqual({
      about_meeting: "done",
      education_work: "done",
      resources: "in_progress",
      challenges: "not_started",
      abilities: "not_started",
      wishes: "not_started",
      network: "not_started",
      questions: "not_started",
    });
    expect(page.parts.every((part) => part.share === "not_shared")).toBe(true);
    expect(page.meeting).not.toBeNull();
  });

  it("Ali has an empty preparation and no team meeting: he can prepare anyway", async () => {
    const { data } = unwrap(await run(listLoader, get("/forberedelse", ali)));
    const page = data as { parts: { status: string }[]; meeting: unknown };
    expect(page.parts.every((part) => part.status === "not_started")).toBe(true);
    expect(page.meeting).toBeNull();
    const about = unwrap(await run(aboutLoader, get("/forberedelse/om-moedet", ali))).data as { meeting: unknown };
    expect(about.meeting).toBeNull();
  });

  it("Om mødet names the people at Mette's meeting, with their roles", async () => {
    const about = unwrap(await run(aboutLoader, get("/forberedelse/om-moedet", mette))).data as {
      meeting: { attendees: { name: string; roleText: string }[] };
    };
    expect(about.meeting.attendees.map((person) => person.name)).toContain("Karin Vestergaard");
    expect(about.meeting.attendees.find((person) => person.name === "Henrik Bech")?.roleText).toMatch(/Læge/);
  });

  it('"Fortsæt" on Om mødet marks it read and goes on to part 2', async () => {
    expect(location(await run(aboutAction, post("/forberedelse/om-moedet", {}, ali)))).toBe("/forberedelse/uddannelse-og-arbejde");
    expect((await row(aliId, "about_meeting"))?.status).toBe("done");
    // A second time changes nothing.
    await run(aboutAction, post("/forberedelse/om-moedet", {}, ali));
    expect((await row(aliId, "about_meeting"))?.version).toBe(1);
  });
});

describe("saving a part", () => {
  it('"Gem og fortsæt" saves, makes a new version, marks it done and goes to the next part', async () => {
    const result = await savePart(
      "mine-ressourcer",
      { version: "1", energy: "Gåture om morgenen.", interests: "Strik og\r\nkrydsord", worksWell: "", done: "yes", intent: "continue" },
      mette,
    );
    expect(location(result)).toBe("/forberedelse/det-der-er-svaert?gemt=mine-ressourcer");
    const saved = await row(metteId, "resources");
    expect(saved).toMatchObject({ version: 2, status: "done" });
    // Windows line breaks are stored as plain "\n".
    expect(saved?.answers).toEqual({ energy: "Gåture om morgenen.", interests: "Strik og\nkrydsord", worksWell: "" });
  });

  it("writes an audit row without the words the person wrote", async () => {
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "preparation.part_saved"));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows.map((entry) => entry.details))).not.toMatch(/Gåture|krydsord/);
  });

  it('"Gem og fortsæt senere" saves and goes back to the task list; without "done" the part is "I gang"', async () => {
    const result = await savePart("det-der-er-svaert", { version: "0", health: "Ondt i ryggen, og jeg sover dårligt.", intent: "later" }, mette);
    expect(location(result)).toBe("/forberedelse?gemt=det-der-er-svaert");
    expect(await row(metteId, "challenges")).toMatchObject({ version: 1, status: "in_progress" });
    const page = unwrap(await run(partLoader, get("/forberedelse/det-der-er-svaert", mette), { part: "det-der-er-svaert" }))
      .data as { state: { answers: Record<string, string>; status: string } };
    // Leaving and coming back restores everything.
    expect(page.state.answers.health).toBe("Ondt i ryggen, og jeg sover dårligt.");
  });

  it("keeps emoji, other scripts and markup exactly as typed", async () => {
    const typed = `Jeg 💪 <script>alert("x")</script> مرحبا 你好 Ærø & "æbler"`;
    expect(location(await savePart("mine-spoergsmaal", { version: "0", questions: typed, intent: "later" }, mette))).toBeTruthy();
    expect((await row(metteId, "questions"))?.answers).toEqual({ questions: typed });
    const page = unwrap(await run(partLoader, get("/forberedelse/mine-spoergsmaal", mette), { part: "mine-spoergsmaal" })).data as {
      state: { answers: Record<string, string> };
    };
    expect(page.state.answers.questions).toBe(typed);
  });

  it("over-long text is refused with the field's message and the text kept; exactly at the limit is fine", async () => {
    const tooLong = "x".repeat(TEXT_MAX + 1);
    const refused = unwrap(await savePart("mine-spoergsmaal", { version: "1", questions: tooLong }, mette));
    expect(refused.status).toBe(400);
    const reply = (refused.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(reply.error.questions).toEqual(["errors.tooLong"]);
    expect(reply.initialValue.questions).toBe(tooLong);
    expect((await row(metteId, "questions"))?.version).toBe(1);
    expect(location(await savePart("mine-spoergsmaal", { version: "1", questions: "y".repeat(TEXT_MAX) }, mette))).toBeTruthy();
    expect((await row(metteId, "questions"))?.version).toBe(2);
  });

  it("hours a week are read as a person writes them (issue 14, point 11), at most 37, or empty", async () => {
    for (const hours of ["abc", "40", "10 til 45", "-2", "7.5"]) {
      const refused = unwrap(await savePart("mine-oensker", { version: "0", hoursPerWeek: hours }, ali));
      expect(refused.status, hours).toBe(400);
      expect((refused.data as { result: { error: Record<string, string[]> } }).result.error.hoursPerWeek).toEqual(["errors.hours"]);
    }
    expect(await row(aliId, "wishes")).toBeNull();
    let version = 0;
    for (const [typed, kept] of [["10 til 15", "10-15"], ["ca. 20 timer", "20"], ["op til 20", "op til 20"], ["15–10", "10-15"], ["", ""]]) {
      expect(location(await savePart("mine-oensker", { version: String(version), hoursPerWeek: typed! }, ali)), typed).toBeTruthy();
      const saved = await row(aliId, "wishes");
      expect((saved?.answers as Record<string, string>).hoursPerWeek, typed).toBe(kept);
      version = saved!.version;
    }
  });

  it("an unknown part, and Om mødet or Tjek og del through the part form: 404", async () => {
    for (const slug of ["findes-ikke", "om-moedet", "tjek-og-del"]) {
      expect(((await savePart(slug, { version: "0" }, mette)) as Response).status, slug).toBe(404);
      expect(((await run(partLoader, get(`/forberedelse/${slug}`, mette), { part: slug })) as Response).status, slug).toBe(404);
    }
  });
});

describe("two tabs (versions and conflicts)", () => {
  it("a stale form overwrites nothing: 409 with both versions; keeping mine then saves it", async () => {
    const first = await savePart("hvad-jeg-kan", { version: "0", sittingHow: "Fane 1", intent: "later" }, mette);
    expect(location(first)).toBeTruthy();
    const tab2 = await savePart("hvad-jeg-kan", { version: "0", sittingHow: "Fane 2", energyHelps: "Pauser", done: "yes" }, mette);
    const conflict = unwrap(tab2);
    expect(conflict.status).toBe(409);
    const body = conflict.data as {
      conflict: { saved: { answers: Record<string, string>; version: number; savedBy: { kind: string } }; mine: { answers: Record<string, string>; done: string } };
    };
    expect(body.conflict.saved.answers.sittingHow).toBe("Fane 1");
    expect(body.conflict.saved.version).toBe(1);
    expect(body.conflict.saved.savedBy).toEqual({ kind: "you" });
    expect(body.conflict.mine.answers).toMatchObject({ sittingHow: "Fane 2", energyHelps: "Pauser" });
    expect(body.conflict.mine.done).toBe("yes");
    expect(await row(metteId, "abilities")).toMatchObject({ version: 1, status: "in_progress" });

    // "Gem min udgave": posted again with the saved version, it wins.
    const kept = await savePart("hvad-jeg-kan", { version: "1", sittingHow: "Fane 2", energyHelps: "Pauser", done: "yes", intent: "keep-mine" }, mette);
    expect(location(kept)).toBe("/forberedelse/hvad-jeg-kan?gemt=hvad-jeg-kan");
    expect(await row(metteId, "abilities")).toMatchObject({ version: 2, status: "done" });
  });

  it('"Behold den gemte udgave" writes nothing', async () => {
    const result = await savePart("hvad-jeg-kan", { version: "1", sittingHow: "Skal ikke gemmes", intent: "keep-saved" }, mette);
    expect(location(result)).toBe("/forberedelse/hvad-jeg-kan");
    expect((await row(metteId, "abilities"))?.version).toBe(2);
  });

  it("the same text sent again from a stale form (a double submit) is not a conflict and makes no new version", async () => {
    const again = await savePart("hvad-jeg-kan", { version: "1", sittingHow: "Fane 2", energyHelps: "Pauser", done: "yes" }, mette);
    expect(location(again)).toBeTruthy();
    expect((await row(metteId, "abilities"))?.version).toBe(2);
  });

  it("a relative's save shows their name in the conflict", async () => {
    const jonasId = (await database.db.select({ id: persons.id }).from(persons).where(eq(persons.demoKey, "jonas")))[0]!.id;
    await database.db
      .update(preparationParts)
      .set({ updatedByPersonId: jonasId, version: 3, answers: { sittingHow: "Jonas' udgave" } })
      .where(and(eq(preparationParts.participantId, metteId), eq(preparationParts.part, "abilities")));
    const conflict = unwrap(await savePart("hvad-jeg-kan", { version: "2", sittingHow: "Mettes udgave" }, mette));
    expect(conflict.status).toBe(409);
    expect((conflict.data as { conflict: { saved: { savedBy: unknown } } }).conflict.saved.savedBy).toEqual({ kind: "other", name: "Jonas Hansen" });
  });
});

describe("Mine ønsker and the work tasks shared with the CV", () => {
  it("uses the same limit as the CV", () => {
    expect(TASK_MAX).toBe(TASK_TEXT_MAX);
  });

  it("saves the tasks into the CV's list (blank lines dropped), with the part", async () => {
    const result = await savePart(
      "mine-oensker",
      {
        version: "0",
        workWish: "Lager eller butik",
        hoursPerWeek: "12",
        accommodations: "Pauser hver time",
        tasksBaseline: "[]",
        "tasks[0]": "Sætte varer på hylder",
        "tasks[1]": "",
        "tasks[2]": "Pakke ordrer",
        "tasks[3]": "Tage imod varer",
        done: "yes",
      },
      mette,
    );
    expect(location(result)).toBe("/forberedelse/mit-netvaerk?gemt=mine-oensker");
    expect((await listTaskSuggestions(metteId)).map((task) => task.text)).toEqual(["Sætte varer på hylder", "Pakke ordrer", "Tage imod varer"]);
    expect(await row(metteId, "wishes")).toMatchObject({ version: 1, status: "done" });
    expect((await row(metteId, "wishes"))?.answers).toMatchObject({ hoursPerWeek: "12", workWish: "Lager eller butik" });
  });

  it("a task changed in the CV meanwhile is kept when the form did not touch the tasks", async () => {
    const baseline = JSON.stringify(["Sætte varer på hylder", "Pakke ordrer", "Tage imod varer"]);
    const [mettePerson] = await database.db.select({ id: persons.id }).from(persons).where(eq(persons.demoKey, "mette"));
    await saveTaskSuggestions(metteId, ["Sætte varer på hylder", "Pakke ordrer", "Tage imod varer", "Sortere tøj"], { personId: mettePerson!.id });
    const result = await savePart(
      "mine-oensker",
      {
        version: "1",
        workWish: "Lager, butik eller genbrug",
        hoursPerWeek: "12",
        accommodations: "Pauser hver time",
        tasksBaseline: baseline,
        "tasks[0]": "Sætte varer på hylder",
        "tasks[1]": "Pakke ordrer",
        "tasks[2]": "Tage imod varer",
        done: "yes",
      },
      mette,
    );
    expect(location(result)).toBeTruthy();
    expect((await listTaskSuggestions(metteId)).map((task) => task.text)).toContain("Sortere tøj");
  });

  it("tasks edited here and in the CV at the same time: 409 with both lists, nothing overwritten", async () => {
    const conflict = unwrap(
      await savePart(
        "mine-oensker",
        {
          version: "2",
          workWish: "Lager, butik eller genbrug",
          hoursPerWeek: "12",
          accommodations: "Pauser hver time",
          tasksBaseline: JSON.stringify(["Sætte varer på hylder", "Pakke ordrer", "Tage imod varer"]),
          "tasks[0]": "Passe planter",
          done: "yes",
        },
        mette,
      ),
    );
    expect(conflict.status).toBe(409);
    const body = conflict.data as { conflict: { saved: { tasks: string[] }; mine: { tasks: string[] } } };
    expect(body.conflict.saved.tasks).toContain("Sortere tøj");
    expect(body.conflict.mine.tasks).toEqual(["Passe planter"]);
    expect((await listTaskSuggestions(metteId)).map((task) => task.text)).toContain("Sortere tøj");
  });

  it("an over-long task is refused with its number", async () => {
    const refused = unwrap(await savePart("mine-oensker", { version: "2", tasksBaseline: "[]", "tasks[1]": "z".repeat(TASK_MAX + 1) }, mette));
    expect(refused.status).toBe(400);
    expect((refused.data as { result: { error: Record<string, string[]> } }).result.error["tasks[1]"]).toEqual(["errors.taskTooLong"]);
  });
});

describe("what the part pages show from elsewhere", () => {
  it('"Uddannelse og arbejde" shows the CV (not deleted entries), so nothing is typed twice', async () => {
    const page = unwrap(await run(partLoader, get("/forberedelse/uddannelse-og-arbejde", mette), { part: "uddannelse-og-arbejde" })).data as {
      cv: { title: string; kind: string }[];
    };
    expect(page.cv.map((entry) => entry.title)).toContain("Butiksassistent");
    expect(page.cv.every((entry) => ["work", "education", "course", "volunteering"].includes(entry.kind))).toBe(true);
  });

  it('"Mit netværk" shows names, relations and who is wanted at the meeting, never whether someone holds back', async () => {
    const page = unwrap(await run(partLoader, get("/forberedelse/mit-netvaerk", mette), { part: "mit-netvaerk" })).data as {
      network: Record<string, unknown>[];
    };
    expect(page.network).toContainEqual({ name: "Jonas Hansen", relation: "Min bror", wantedAtMeeting: true });
    expect(JSON.stringify(page.network)).not.toMatch(/stance|helps|holds_back/);
  });
});

describe("sharing with the caseworker, and withdrawing", () => {
  const versions = async () => {
    const page = unwrap(await run(checkLoader, get("/forberedelse/tjek-og-del", mette))).data as {
      parts: { key: string; version: number; share: { kind: string } }[];
    };
    return page.parts;
  };

  it("nothing chosen: 400 and nothing shared", async () => {
    const refused = unwrap(await run(checkAction, post("/forberedelse/tjek-og-del", {}, mette)));
    expect(refused.status).toBe(400);
    expect(await getSharedPreparation(metteId)).toEqual([]);
  });

  it("shares the chosen parts as they are now, with a timestamp; the caseworker sees that version", async () => {
    const parts = await versions();
    const form = new URLSearchParams({ intent: "share" });
    for (const key of ["education_work", "resources", "challenges"]) {
      form.append("parts", key);
      form.append(`seen.${key}`, String(parts.find((part) => part.key === key)!.version));
    }
    const request = new Request("http://localhost:3000/forberedelse/tjek-og-del", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: mette },
      body: form,
    });
    expect(location(await run(checkAction, request))).toBe("/forberedelse/tjek-og-del?delt=3#del");
    const shared = await getSharedPreparation(metteId);
    expect(shared.map((part) => part.key)).toEqual(["education_work", "resources", "challenges"]);
    expect(shared.find((part) => part.key === "resources")).toMatchObject({ version: 2, changedSince: false });
    expect(shared.find((part) => part.key === "resources")?.answers.energy).toBe("Gåture om morgenen.");
    expect(shared[0]?.sharedAt).toBeInstanceOf(Date);
    expect((await versions()).find((part) => part.key === "resources")?.share.kind).toBe("shared");
  });

  it("a later edit is a draft: the caseworker still reads the shared version, and the page says 'changed since you shared'", async () => {
    await savePart("mine-ressourcer", { version: "2", energy: "Ny tekst, ikke delt endnu", done: "yes" }, mette);
    const shared = (await getSharedPreparation(metteId)).find((part) => part.key === "resources")!;
    expect(shared.answers.energy).toBe("Gåture om morgenen.");
    expect(shared).toMatchObject({ version: 2, changedSince: true });
    expect((await versions()).find((part) => part.key === "resources")?.share.kind).toBe("changed");
    const page = unwrap(await run(partLoader, get("/forberedelse/mine-ressourcer", mette), { part: "mine-ressourcer" })).data as {
      state: { share: { kind: string } };
    };
    expect(page.state.share.kind).toBe("changed");
  });

  it("sharing from a page that is out of date shares nothing (409)", async () => {
    const refused = unwrap(await run(checkAction, post("/forberedelse/tjek-og-del", { intent: "share", parts: "resources", "seen.resources": "2" }, mette)));
    expect(refused.status).toBe(409);
    expect((await getSharedPreparation(metteId)).find((part) => part.key === "resources")?.version).toBe(2);
  });

  it("sharing again shares the new version, and the record keeps which versions were shared", async () => {
    expect(location(await run(checkAction, post("/forberedelse/tjek-og-del", { intent: "share", parts: "resources", "seen.resources": "3" }, mette)))).toBe(
      "/forberedelse/tjek-og-del?delt=1#del",
    );
    const shared = (await getSharedPreparation(metteId)).find((part) => part.key === "resources")!;
    expect(shared).toMatchObject({ version: 3, changedSince: false });
    expect(shared.answers.energy).toBe("Ny tekst, ikke delt endnu");
    const history = await database.db
      .select({ version: preparationShares.version })
      .from(preparationShares)
      .where(and(eq(preparationShares.participantId, metteId), eq(preparationShares.part, "resources")));
    expect(history.map((entry) => entry.version).sort()).toEqual([2, 3]);
  });

  it("withdrawing asks first (without JavaScript on its own page); not confirming changes nothing", async () => {
    const page = unwrap(await run(withdrawLoader, get("/forberedelse/tjek-og-del/traek-tilbage/det-der-er-svaert", mette), { part: "det-der-er-svaert" }));
    expect(page.data).toMatchObject({ key: "challenges", shared: true });
    const notConfirmed = await run(withdrawAction, post("/forberedelse/tjek-og-del/traek-tilbage/det-der-er-svaert", {}, mette), {
      part: "det-der-er-svaert",
    });
    expect(location(notConfirmed)).toBe("/forberedelse/tjek-og-del");
    expect((await getSharedPreparation(metteId)).map((part) => part.key)).toContain("challenges");
  });

  it("withdrawing removes the part and its earlier shared texts from what the caseworker can read", async () => {
    const result = await run(
      withdrawAction,
      post("/forberedelse/tjek-og-del/traek-tilbage/det-der-er-svaert", { confirm: "yes" }, mette),
      { part: "det-der-er-svaert" },
    );
    expect(location(result)).toBe("/forberedelse/tjek-og-del?trukket=det-der-er-svaert");
    expect((await getSharedPreparation(metteId)).map((part) => part.key)).toEqual(["education_work", "resources"]);
    const history = await database.db
      .select()
      .from(preparationShares)
      .where(and(eq(preparationShares.participantId, metteId), eq(preparationShares.part, "challenges")));
    expect(history.length).toBe(1);
    expect(history[0]).toMatchObject({ answers: null, version: 1 });
    expect(history[0]?.withdrawnAt).toBeInstanceOf(Date);
    // The draft itself is kept.
    expect((await row(metteId, "challenges"))?.answers).toMatchObject({ health: "Ondt i ryggen, og jeg sover dårligt." });
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "preparation.share_withdrawn"));
    expect(audit).toHaveLength(1);
  });
});

describe('access: the "no" cases', () => {
  it("signed out: sent to sign in from every page and form, nothing written", async () => {
    expect(location(await run(listLoader, get("/forberedelse")))).toBe("/log-ind");
    expect(location(await savePart("mine-spoergsmaal", { version: "0", questions: "x" }, ""))).toBe("/log-ind");
    expect(location(await run(checkAction, post("/forberedelse/tjek-og-del", { parts: "questions" })))).toBe("/log-ind");
    expect(
      location(await run(withdrawAction, post("/forberedelse/tjek-og-del/traek-tilbage/mine-ressourcer", { confirm: "yes" }), { part: "mine-ressourcer" })),
    ).toBe("/log-ind");
    expect((await getSharedPreparation(metteId)).map((part) => part.key)).toContain("resources");
  });

  it("a relative without a grant (Jonas): 404 everywhere, and nothing of Mette's is written or shown", async () => {
    for (const result of [
      await run(listLoader, get("/forberedelse", jonas)),
      await run(partLoader, get("/forberedelse/mine-ressourcer", jonas), { part: "mine-ressourcer" }),
      await savePart("mine-ressourcer", { version: "3", energy: "Jonas skriver" }, jonas),
      await run(checkAction, post("/forberedelse/tjek-og-del", { parts: "questions" }, jonas)),
      await run(withdrawAction, post("/forberedelse/tjek-og-del/traek-tilbage/mine-ressourcer", { confirm: "yes" }, jonas), { part: "mine-ressourcer" }),
      await run(aboutAction, post("/forberedelse/om-moedet", {}, jonas)),
    ]) {
      expect((result as Response).status).toBe(404);
    }
    expect((await row(metteId, "resources"))?.answers).toMatchObject({ energy: "Ny tekst, ikke delt endnu" });
  });

  it("another participant: Ali only ever reaches his own preparation, whatever he posts", async () => {
    const page = unwrap(await run(partLoader, get("/forberedelse/mine-ressourcer", ali), { part: "mine-ressourcer" })).data as {
      state: { answers: Record<string, string>; version: number };
    };
    expect(page.state.version).toBe(0);
    expect(JSON.stringify(page.state.answers)).not.toContain("Ny tekst");
    // Posting with Mette's version number writes Ali's own part (ownership comes from the session).
    await savePart("mine-ressourcer", { version: "0", energy: "Football with my son" }, ali);
    expect((await row(aliId, "resources"))?.answers).toMatchObject({ energy: "Football with my son" });
    expect((await row(metteId, "resources"))?.answers).toMatchObject({ energy: "Ny tekst, ikke delt endnu" });
    // Withdrawing "his" resources touches only his (not shared) part.
    await run(withdrawAction, post("/forberedelse/tjek-og-del/traek-tilbage/mine-ressourcer", { confirm: "yes" }, ali), { part: "mine-ressourcer" });
    expect((await getSharedPreparation(metteId)).map((part) => part.key)).toContain("resources");
    const aliCheck = unwrap(await run(checkLoader, get("/forberedelse/tjek-og-del", ali))).data as { parts: { answers: Record<string, string> }[] };
    expect(JSON.stringify(aliCheck.parts)).not.toContain("Ny tekst");
  });
});

describe.skipIf(!serverUrl)("two saves at the same moment (real Postgres)", () => {
  it("from the same version: exactly one is saved, the other gets the conflict page; nothing is lost", async () => {
    const before = (await row(aliId, "network"))?.version ?? 0;
    const results = await Promise.all(
      ["Tab A", "Tab B", "Tab C"].map((text) => savePart("mit-netvaerk", { version: String(before), supporters: text }, ali)),
    );
    const statuses = results.map((result) => unwrap(result).status);
    expect(statuses.filter((status) => status === 302)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(2);
    const saved = await row(aliId, "network");
    expect(saved?.version).toBe(before + 1);
    const winner = (saved?.answers as Record<string, string>).supporters;
    expect(["Tab A", "Tab B", "Tab C"]).toContain(winner);
    // Each losing tab is shown the text that won, next to its own.
    for (const result of results.filter((candidate) => unwrap(candidate).status === 409)) {
      const body = unwrap(result).data as { conflict: { saved: { answers: Record<string, string>; version: number }; mine: { answers: Record<string, string> } } };
      expect(body.conflict.saved.answers.supporters).toBe(winner);
      expect(body.conflict.saved.version).toBe(before + 1);
      expect(body.conflict.mine.answers.supporters).not.toBe(winner);
    }
  });
});

if (!serverUrl) console.log("preparation-writes.test: the concurrent-save test needs real Postgres (TEST_DATABASE_URL); skipped on PGlite.");
