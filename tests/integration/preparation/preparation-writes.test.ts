import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aParticipant, aPerson } from "../../../db/builders";
import { auditEvents, preparationParts, preparationShares } from "../../../db/schema";
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

// Each test makes the people it needs (db/builders.ts); nothing here depends on the demo seed.
let database: TestDatabase;

type PreparationParts = Parameters<ReturnType<typeof aParticipant>["withPreparation"]>[0];

interface Preparer {
  cookie: string;
  participantId: string;
  personId: string;
}

/** A participant with these parts already worked on (none by default), signed in. */
async function aPreparer(parts: PreparationParts = [], builder = aParticipant()): Promise<Preparer> {
  const built = await (parts.length ? builder.withPreparation(parts) : builder).build(database.db);
  return { cookie: await cookieFor(built.demoKey), participantId: built.participantId, personId: built.personId };
}

const TEAM_MEETING = { kind: "rehabiliteringsteam", title: "Møde med rehabiliteringsteamet" } as const;
const HEALTH = "Ondt i ryggen, og jeg sover dårligt.";
const EDUCATION_DONE = { part: "education_work", status: "done", version: 2, answers: { education: "", work: "Genbrugsbutik", goodAt: "Orden" } } as const;
const CHALLENGES_STARTED = { part: "challenges", status: "in_progress", version: 1, answers: { health: HEALTH } } as const;
const resourcesAt = (version: number, energy: string) =>
  ({ part: "resources", status: "done", version, answers: { energy, interests: "", worksWell: "" } }) as const;

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

/** "Del med min sagsbehandler" for these parts, as they are on the page now. */
async function share(person: Preparer, keys: PartKey[]) {
  const page = unwrap(await run(checkLoader, get("/forberedelse/tjek-og-del", person.cookie))).data as {
    parts: { key: string; version: number }[];
  };
  const form = new URLSearchParams({ intent: "share" });
  for (const key of keys) {
    form.append("parts", key);
    form.append(`seen.${key}`, String(page.parts.find((part) => part.key === key)!.version));
  }
  const request = new Request("http://localhost:3000/forberedelse/tjek-og-del", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: person.cookie },
    body: form,
  });
  return run(checkAction, request);
}

/**
 * Finished "Uddannelse og arbejde" and "Mine ressourcer" (version 2), started "Det, der er svært",
 * and shared all three.
 */
async function aPreparerWhoShared() {
  const person = await aPreparer([EDUCATION_DONE, resourcesAt(2, "Gåture om morgenen."), CHALLENGES_STARTED]);
  expect(location(await share(person, ["education_work", "resources", "challenges"]))).toBe("/forberedelse/tjek-og-del?delt=3#del");
  return person;
}

/** As aPreparerWhoShared, and then "Mine ressourcer" changed (version 3, not shared). */
async function aPreparerWhoChangedAfterSharing() {
  const person = await aPreparerWhoShared();
  expect(location(await savePart("mine-ressourcer", { version: "2", energy: "Ny tekst, ikke delt endnu", done: "yes" }, person.cookie))).toBeTruthy();
  return person;
}

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

describe("the task list", () => {
  it("shows each part's status (all three kinds), nothing shared, and the team meeting", async () => {
    const mette = await aPreparer(
      [
        { part: "about_meeting", status: "done", version: 1 },
        EDUCATION_DONE,
        { part: "resources", status: "in_progress", version: 1, answers: { energy: "Gåture", interests: "", worksWell: "" } },
      ],
      aParticipant().withAppointment(TEAM_MEETING),
    );
    const { data } = unwrap(await run(listLoader, get("/forberedelse", mette.cookie)));
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

  it("an empty preparation and no team meeting (only a phone call): he can prepare anyway", async () => {
    const ali = await aPreparer([], aParticipant().withAppointment({ title: "Telefonsamtale med Sara", mode: "phone" }));
    const { data } = unwrap(await run(listLoader, get("/forberedelse", ali.cookie)));
    const page = data as { parts: { status: string }[]; meeting: unknown };
    expect(page.parts.every((part) => part.status === "not_started")).toBe(true);
    expect(page.meeting).toBeNull();
    const about = unwrap(await run(aboutLoader, get("/forberedelse/om-moedet", ali.cookie))).data as { meeting: unknown };
    expect(about.meeting).toBeNull();
  });

  it("Om mødet names the people at the team meeting, with their roles", async () => {
    const mette = await aPreparer(
      [],
      aParticipant().withAppointment({
        ...TEAM_MEETING,
        attendees: [
          { name: "Karin Vestergaard", roleText: "Leder mødet. Hun kommer fra jobcentret og sørger for, at alle bliver hørt" },
          { name: "Henrik Bech", roleText: "Læge. Han rådgiver teamet om helbred og behandling" },
        ],
      }),
    );
    const about = unwrap(await run(aboutLoader, get("/forberedelse/om-moedet", mette.cookie))).data as {
      meeting: { attendees: { name: string; roleText: string }[] };
    };
    expect(about.meeting.attendees.map((person) => person.name)).toContain("Karin Vestergaard");
    expect(about.meeting.attendees.find((person) => person.name === "Henrik Bech")?.roleText).toMatch(/Læge/);
  });

  it('"Fortsæt" on Om mødet marks it read and goes on to part 2', async () => {
    const ali = await aPreparer();
    expect(location(await run(aboutAction, post("/forberedelse/om-moedet", {}, ali.cookie)))).toBe("/forberedelse/uddannelse-og-arbejde");
    expect((await row(ali.participantId, "about_meeting"))?.status).toBe("done");
    // A second time changes nothing.
    await run(aboutAction, post("/forberedelse/om-moedet", {}, ali.cookie));
    expect((await row(ali.participantId, "about_meeting"))?.version).toBe(1);
  });
});

describe("saving a part", () => {
  it('"Gem og fortsæt" saves, makes a new version, marks it done and goes to the next part', async () => {
    const mette = await aPreparer([
      { part: "resources", status: "in_progress", version: 1, answers: { energy: "Gåture", interests: "", worksWell: "" } },
    ]);
    const result = await savePart(
      "mine-ressourcer",
      { version: "1", energy: "Gåture om morgenen.", interests: "Strik og\r\nkrydsord", worksWell: "", done: "yes", intent: "continue" },
      mette.cookie,
    );
    expect(location(result)).toBe("/forberedelse/det-der-er-svaert?gemt=mine-ressourcer");
    const saved = await row(mette.participantId, "resources");
    expect(saved).toMatchObject({ version: 2, status: "done" });
    // Windows line breaks are stored as plain "\n".
    expect(saved?.answers).toEqual({ energy: "Gåture om morgenen.", interests: "Strik og\nkrydsord", worksWell: "" });
  });

  it("writes an audit row without the words the person wrote", async () => {
    const mette = await aPreparer();
    expect(location(await savePart("mine-ressourcer", { version: "0", energy: "Gåture om morgenen.", interests: "Strik og krydsord" }, mette.cookie))).toBeTruthy();
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "preparation.part_saved"), eq(auditEvents.participantId, mette.participantId)));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows.map((entry) => entry.details))).not.toMatch(/Gåture|krydsord/);
  });

  it('"Gem og fortsæt senere" saves and goes back to the task list; without "done" the part is "I gang"', async () => {
    const mette = await aPreparer();
    const result = await savePart("det-der-er-svaert", { version: "0", health: HEALTH, intent: "later" }, mette.cookie);
    expect(location(result)).toBe("/forberedelse?gemt=det-der-er-svaert");
    expect(await row(mette.participantId, "challenges")).toMatchObject({ version: 1, status: "in_progress" });
    const page = unwrap(await run(partLoader, get("/forberedelse/det-der-er-svaert", mette.cookie), { part: "det-der-er-svaert" }))
      .data as { state: { answers: Record<string, string>; status: string } };
    // Leaving and coming back restores everything.
    expect(page.state.answers.health).toBe(HEALTH);
  });

  it("keeps emoji, other scripts and markup exactly as typed", async () => {
    const mette = await aPreparer();
    const typed = `Jeg 💪 <script>alert("x")</script> مرحبا 你好 Ærø & "æbler"`;
    expect(location(await savePart("mine-spoergsmaal", { version: "0", questions: typed, intent: "later" }, mette.cookie))).toBeTruthy();
    expect((await row(mette.participantId, "questions"))?.answers).toEqual({ questions: typed });
    const page = unwrap(await run(partLoader, get("/forberedelse/mine-spoergsmaal", mette.cookie), { part: "mine-spoergsmaal" })).data as {
      state: { answers: Record<string, string> };
    };
    expect(page.state.answers.questions).toBe(typed);
  });

  it("over-long text is refused with the field's message and the text kept; exactly at the limit is fine", async () => {
    const mette = await aPreparer([{ part: "questions", status: "in_progress", version: 1, answers: { questions: "Må min bror komme med?" } }]);
    const tooLong = "x".repeat(TEXT_MAX + 1);
    const refused = unwrap(await savePart("mine-spoergsmaal", { version: "1", questions: tooLong }, mette.cookie));
    expect(refused.status).toBe(400);
    const reply = (refused.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(reply.error.questions).toEqual(["errors.tooLong"]);
    expect(reply.initialValue.questions).toBe(tooLong);
    expect((await row(mette.participantId, "questions"))?.version).toBe(1);
    expect(location(await savePart("mine-spoergsmaal", { version: "1", questions: "y".repeat(TEXT_MAX) }, mette.cookie))).toBeTruthy();
    expect((await row(mette.participantId, "questions"))?.version).toBe(2);
  });

  it("hours a week are read as a person writes them (issue 14, point 11), at most 37, or empty", async () => {
    const ali = await aPreparer();
    for (const hours of ["abc", "40", "10 til 45", "-2", "7.5"]) {
      const refused = unwrap(await savePart("mine-oensker", { version: "0", hoursPerWeek: hours }, ali.cookie));
      expect(refused.status, hours).toBe(400);
      expect((refused.data as { result: { error: Record<string, string[]> } }).result.error.hoursPerWeek).toEqual(["errors.hours"]);
    }
    expect(await row(ali.participantId, "wishes")).toBeNull();
    let version = 0;
    for (const [typed, kept] of [["10 til 15", "10-15"], ["ca. 20 timer", "20"], ["op til 20", "op til 20"], ["15–10", "10-15"], ["", ""]]) {
      expect(location(await savePart("mine-oensker", { version: String(version), hoursPerWeek: typed! }, ali.cookie)), typed).toBeTruthy();
      const saved = await row(ali.participantId, "wishes");
      expect((saved?.answers as Record<string, string>).hoursPerWeek, typed).toBe(kept);
      version = saved!.version;
    }
  });

  it("an unknown part, and Om mødet or Tjek og del through the part form: 404", async () => {
    const mette = await aPreparer();
    for (const slug of ["findes-ikke", "om-moedet", "tjek-og-del"]) {
      expect(((await savePart(slug, { version: "0" }, mette.cookie)) as Response).status, slug).toBe(404);
      expect(((await run(partLoader, get(`/forberedelse/${slug}`, mette.cookie), { part: slug })) as Response).status, slug).toBe(404);
    }
  });
});

describe("two tabs (versions and conflicts)", () => {
  /** "Hvad jeg kan" saved twice from the second tab: version 2, done. */
  const ABILITIES_V2 = { part: "abilities", status: "done", version: 2, answers: { sittingHow: "Fane 2", energyHelps: "Pauser" } } as const;

  it("a stale form overwrites nothing: 409 with both versions; keeping mine then saves it", async () => {
    const mette = await aPreparer();
    const first = await savePart("hvad-jeg-kan", { version: "0", sittingHow: "Fane 1", intent: "later" }, mette.cookie);
    expect(location(first)).toBeTruthy();
    const tab2 = await savePart("hvad-jeg-kan", { version: "0", sittingHow: "Fane 2", energyHelps: "Pauser", done: "yes" }, mette.cookie);
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
    expect(await row(mette.participantId, "abilities")).toMatchObject({ version: 1, status: "in_progress" });

    // "Gem min udgave": posted again with the saved version, it wins.
    const kept = await savePart("hvad-jeg-kan", { version: "1", sittingHow: "Fane 2", energyHelps: "Pauser", done: "yes", intent: "keep-mine" }, mette.cookie);
    expect(location(kept)).toBe("/forberedelse/hvad-jeg-kan?gemt=hvad-jeg-kan");
    expect(await row(mette.participantId, "abilities")).toMatchObject({ version: 2, status: "done" });
  });

  it('"Behold den gemte udgave" writes nothing', async () => {
    const mette = await aPreparer([ABILITIES_V2]);
    const result = await savePart("hvad-jeg-kan", { version: "1", sittingHow: "Skal ikke gemmes", intent: "keep-saved" }, mette.cookie);
    expect(location(result)).toBe("/forberedelse/hvad-jeg-kan");
    expect(await row(mette.participantId, "abilities")).toMatchObject({ version: 2, answers: ABILITIES_V2.answers });
  });

  it("the same text sent again from a stale form (a double submit) is not a conflict and makes no new version", async () => {
    const mette = await aPreparer([ABILITIES_V2]);
    const again = await savePart("hvad-jeg-kan", { version: "1", sittingHow: "Fane 2", energyHelps: "Pauser", done: "yes" }, mette.cookie);
    expect(location(again)).toBeTruthy();
    expect((await row(mette.participantId, "abilities"))?.version).toBe(2);
  });

  it("a relative's save shows their name in the conflict", async () => {
    const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
    const mette = await aPreparer(
      [{ part: "abilities", status: "done", version: 3, answers: { sittingHow: "Jonas' udgave" }, updatedByPersonId: jonas.personId }],
      aParticipant().withRelative(jonas, { scopes: ["preparation"], mayComment: true }),
    );
    const conflict = unwrap(await savePart("hvad-jeg-kan", { version: "2", sittingHow: "Mettes udgave" }, mette.cookie));
    expect(conflict.status).toBe(409);
    expect((conflict.data as { conflict: { saved: { savedBy: unknown } } }).conflict.saved.savedBy).toEqual({ kind: "other", name: "Jonas Hansen" });
  });
});

describe("Mine ønsker and the work tasks shared with the CV", () => {
  const TASKS = ["Sætte varer på hylder", "Pakke ordrer", "Tage imod varer"];
  const WISHES = { workWish: "Lager eller butik", hoursPerWeek: "12", accommodations: "Pauser hver time" };

  /** "Mine ønsker" saved with three tasks (at `version`); since then "Sortere tøj" was added in the CV. */
  async function aPreparerWhoseCvChanged(version: number) {
    const mette = await aPreparer([{ part: "wishes", status: "done", version, answers: WISHES }], aParticipant().withCv());
    await saveTaskSuggestions(mette.participantId, [...TASKS, "Sortere tøj"], { personId: mette.personId });
    return mette;
  }

  it("uses the same limit as the CV", () => {
    expect(TASK_MAX).toBe(TASK_TEXT_MAX);
  });

  it("saves the tasks into the CV's list (blank lines dropped), with the part", async () => {
    const mette = await aPreparer([], aParticipant().withCv());
    const result = await savePart(
      "mine-oensker",
      {
        version: "0",
        ...WISHES,
        tasksBaseline: "[]",
        "tasks[0]": "Sætte varer på hylder",
        "tasks[1]": "",
        "tasks[2]": "Pakke ordrer",
        "tasks[3]": "Tage imod varer",
        done: "yes",
      },
      mette.cookie,
    );
    expect(location(result)).toBe("/forberedelse/mit-netvaerk?gemt=mine-oensker");
    expect((await listTaskSuggestions(mette.participantId)).map((task) => task.text)).toEqual(TASKS);
    expect(await row(mette.participantId, "wishes")).toMatchObject({ version: 1, status: "done" });
    expect((await row(mette.participantId, "wishes"))?.answers).toMatchObject({ hoursPerWeek: "12", workWish: "Lager eller butik" });
  });

  it("a task changed in the CV meanwhile is kept when the form did not touch the tasks", async () => {
    const mette = await aPreparerWhoseCvChanged(1);
    const result = await savePart(
      "mine-oensker",
      {
        version: "1",
        ...WISHES,
        workWish: "Lager, butik eller genbrug",
        tasksBaseline: JSON.stringify(TASKS),
        "tasks[0]": TASKS[0]!,
        "tasks[1]": TASKS[1]!,
        "tasks[2]": TASKS[2]!,
        done: "yes",
      },
      mette.cookie,
    );
    expect(location(result)).toBeTruthy();
    expect((await row(mette.participantId, "wishes"))?.answers).toMatchObject({ workWish: "Lager, butik eller genbrug" });
    expect((await listTaskSuggestions(mette.participantId)).map((task) => task.text)).toContain("Sortere tøj");
  });

  it("tasks edited here and in the CV at the same time: 409 with both lists, nothing overwritten", async () => {
    const mette = await aPreparerWhoseCvChanged(2);
    const conflict = unwrap(
      await savePart(
        "mine-oensker",
        { version: "2", ...WISHES, tasksBaseline: JSON.stringify(TASKS), "tasks[0]": "Passe planter", done: "yes" },
        mette.cookie,
      ),
    );
    expect(conflict.status).toBe(409);
    const body = conflict.data as { conflict: { saved: { tasks: string[] }; mine: { tasks: string[] } } };
    expect(body.conflict.saved.tasks).toContain("Sortere tøj");
    expect(body.conflict.mine.tasks).toEqual(["Passe planter"]);
    expect((await listTaskSuggestions(mette.participantId)).map((task) => task.text)).toContain("Sortere tøj");
    expect((await row(mette.participantId, "wishes"))?.version).toBe(2);
  });

  it("an over-long task is refused with its number", async () => {
    const mette = await aPreparer([{ part: "wishes", status: "done", version: 2, answers: WISHES }], aParticipant().withCv());
    const refused = unwrap(await savePart("mine-oensker", { version: "2", tasksBaseline: "[]", "tasks[1]": "z".repeat(TASK_MAX + 1) }, mette.cookie));
    expect(refused.status).toBe(400);
    expect((refused.data as { result: { error: Record<string, string[]> } }).result.error["tasks[1]"]).toEqual(["errors.taskTooLong"]);
  });
});

describe("what the part pages show from elsewhere", () => {
  it('"Uddannelse og arbejde" shows the CV (not deleted entries), so nothing is typed twice', async () => {
    const mette = await aPreparer(
      [],
      aParticipant().withCv({
        entries: [
          { kind: "work", title: "Butiksassistent", organisation: "Købmandsgården, Solbjerg", fromText: "2012", toText: "2019", sortOrder: 1 },
          { kind: "course", title: "Truckcertifikat", sortOrder: 2, deletedAt: new Date() },
          { kind: "skill", title: "Kundeservice", sortOrder: 1 },
        ],
      }),
    );
    const page = unwrap(await run(partLoader, get("/forberedelse/uddannelse-og-arbejde", mette.cookie), { part: "uddannelse-og-arbejde" })).data as {
      cv: { title: string; kind: string }[];
    };
    expect(page.cv.map((entry) => entry.title)).toContain("Butiksassistent");
    expect(page.cv.map((entry) => entry.title)).not.toContain("Truckcertifikat");
    expect(page.cv.every((entry) => ["work", "education", "course", "volunteering"].includes(entry.kind))).toBe(true);
  });

  it('"Mit netværk" shows names, relations and who is wanted at the meeting, never whether someone holds back', async () => {
    const mette = await aPreparer(
      [],
      aParticipant().withNetwork([
        {
          name: "Jonas Hansen",
          relation: "Min bror",
          sector: "family",
          closeness: "close",
          helpKinds: ["practical", "emotional"],
          stance: "helps",
          note: "Kører mig til lægen.",
          wantedAtMeeting: true,
        },
        { name: "Kenneth", relation: "Tidligere kæreste", sector: "friends", closeness: "further", stance: "holds_back" },
      ]),
    );
    const page = unwrap(await run(partLoader, get("/forberedelse/mit-netvaerk", mette.cookie), { part: "mit-netvaerk" })).data as {
      network: Record<string, unknown>[];
    };
    expect(page.network).toContainEqual({ name: "Jonas Hansen", relation: "Min bror", wantedAtMeeting: true });
    expect(JSON.stringify(page.network)).not.toMatch(/stance|helps|holds_back/);
  });
});

describe("sharing with the caseworker, and withdrawing", () => {
  const versions = async (person: Preparer) => {
    const page = unwrap(await run(checkLoader, get("/forberedelse/tjek-og-del", person.cookie))).data as {
      parts: { key: string; version: number; share: { kind: string } }[];
    };
    return page.parts;
  };

  it("nothing chosen: 400 and nothing shared", async () => {
    const mette = await aPreparer([EDUCATION_DONE, resourcesAt(2, "Gåture om morgenen.")]);
    const refused = unwrap(await run(checkAction, post("/forberedelse/tjek-og-del", {}, mette.cookie)));
    expect(refused.status).toBe(400);
    expect(await getSharedPreparation(mette.participantId)).toEqual([]);
  });

  it("shares the chosen parts as they are now, with a timestamp; the caseworker sees that version", async () => {
    const mette = await aPreparer([EDUCATION_DONE, resourcesAt(2, "Gåture om morgenen."), CHALLENGES_STARTED]);
    const parts = await versions(mette);
    const form = new URLSearchParams({ intent: "share" });
    for (const key of ["education_work", "resources", "challenges"]) {
      form.append("parts", key);
      form.append(`seen.${key}`, String(parts.find((part) => part.key === key)!.version));
    }
    const request = new Request("http://localhost:3000/forberedelse/tjek-og-del", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: mette.cookie },
      body: form,
    });
    expect(location(await run(checkAction, request))).toBe("/forberedelse/tjek-og-del?delt=3#del");
    const shared = await getSharedPreparation(mette.participantId);
    expect(shared.map((part) => part.key)).toEqual(["education_work", "resources", "challenges"]);
    expect(shared.find((part) => part.key === "resources")).toMatchObject({ version: 2, changedSince: false });
    expect(shared.find((part) => part.key === "resources")?.answers.energy).toBe("Gåture om morgenen.");
    expect(shared[0]?.sharedAt).toBeInstanceOf(Date);
    expect((await versions(mette)).find((part) => part.key === "resources")?.share.kind).toBe("shared");
  });

  it("a later edit is a draft: the caseworker still reads the shared version, and the page says 'changed since you shared'", async () => {
    const mette = await aPreparerWhoShared();
    await savePart("mine-ressourcer", { version: "2", energy: "Ny tekst, ikke delt endnu", done: "yes" }, mette.cookie);
    const shared = (await getSharedPreparation(mette.participantId)).find((part) => part.key === "resources")!;
    expect(shared.answers.energy).toBe("Gåture om morgenen.");
    expect(shared).toMatchObject({ version: 2, changedSince: true });
    expect((await versions(mette)).find((part) => part.key === "resources")?.share.kind).toBe("changed");
    const page = unwrap(await run(partLoader, get("/forberedelse/mine-ressourcer", mette.cookie), { part: "mine-ressourcer" })).data as {
      state: { share: { kind: string } };
    };
    expect(page.state.share.kind).toBe("changed");
  });

  it("sharing from a page that is out of date shares nothing (409)", async () => {
    const mette = await aPreparerWhoChangedAfterSharing();
    const refused = unwrap(
      await run(checkAction, post("/forberedelse/tjek-og-del", { intent: "share", parts: "resources", "seen.resources": "2" }, mette.cookie)),
    );
    expect(refused.status).toBe(409);
    expect((await getSharedPreparation(mette.participantId)).find((part) => part.key === "resources")?.version).toBe(2);
  });

  it("sharing again shares the new version, and the record keeps which versions were shared", async () => {
    const mette = await aPreparerWhoChangedAfterSharing();
    expect(
      location(await run(checkAction, post("/forberedelse/tjek-og-del", { intent: "share", parts: "resources", "seen.resources": "3" }, mette.cookie))),
    ).toBe("/forberedelse/tjek-og-del?delt=1#del");
    const shared = (await getSharedPreparation(mette.participantId)).find((part) => part.key === "resources")!;
    expect(shared).toMatchObject({ version: 3, changedSince: false });
    expect(shared.answers.energy).toBe("Ny tekst, ikke delt endnu");
    const history = await database.db
      .select({ version: preparationShares.version })
      .from(preparationShares)
      .where(and(eq(preparationShares.participantId, mette.participantId), eq(preparationShares.part, "resources")));
    expect(history.map((entry) => entry.version).sort()).toEqual([2, 3]);
  });

  it("withdrawing asks first (without JavaScript on its own page); not confirming changes nothing", async () => {
    const mette = await aPreparerWhoShared();
    const page = unwrap(
      await run(withdrawLoader, get("/forberedelse/tjek-og-del/traek-tilbage/det-der-er-svaert", mette.cookie), { part: "det-der-er-svaert" }),
    );
    expect(page.data).toMatchObject({ key: "challenges", shared: true });
    const notConfirmed = await run(withdrawAction, post("/forberedelse/tjek-og-del/traek-tilbage/det-der-er-svaert", {}, mette.cookie), {
      part: "det-der-er-svaert",
    });
    expect(location(notConfirmed)).toBe("/forberedelse/tjek-og-del");
    expect((await getSharedPreparation(mette.participantId)).map((part) => part.key)).toContain("challenges");
  });

  it("withdrawing removes the part and its earlier shared texts from what the caseworker can read", async () => {
    const mette = await aPreparerWhoShared();
    const result = await run(
      withdrawAction,
      post("/forberedelse/tjek-og-del/traek-tilbage/det-der-er-svaert", { confirm: "yes" }, mette.cookie),
      { part: "det-der-er-svaert" },
    );
    expect(location(result)).toBe("/forberedelse/tjek-og-del?trukket=det-der-er-svaert");
    expect((await getSharedPreparation(mette.participantId)).map((part) => part.key)).toEqual(["education_work", "resources"]);
    const history = await database.db
      .select()
      .from(preparationShares)
      .where(and(eq(preparationShares.participantId, mette.participantId), eq(preparationShares.part, "challenges")));
    expect(history.length).toBe(1);
    expect(history[0]).toMatchObject({ answers: null, version: 1 });
    expect(history[0]?.withdrawnAt).toBeInstanceOf(Date);
    // The draft itself is kept.
    expect((await row(mette.participantId, "challenges"))?.answers).toMatchObject({ health: HEALTH });
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "preparation.share_withdrawn"), eq(auditEvents.participantId, mette.participantId)));
    expect(audit).toHaveLength(1);
  });
});

describe('access: the "no" cases', () => {
  it("signed out: sent to sign in from every page and form, nothing written", async () => {
    const mette = await aPreparerWhoShared();
    expect(location(await run(listLoader, get("/forberedelse")))).toBe("/log-ind");
    expect(location(await savePart("mine-spoergsmaal", { version: "0", questions: "x" }, ""))).toBe("/log-ind");
    expect(location(await run(checkAction, post("/forberedelse/tjek-og-del", { parts: "questions" })))).toBe("/log-ind");
    expect(
      location(await run(withdrawAction, post("/forberedelse/tjek-og-del/traek-tilbage/mine-ressourcer", { confirm: "yes" }), { part: "mine-ressourcer" })),
    ).toBe("/log-ind");
    expect((await getSharedPreparation(mette.participantId)).map((part) => part.key)).toContain("resources");
  });

  it("a relative (Jonas), without a grant or with one: 404 everywhere, and nothing of the participant's is written or shown", async () => {
    const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
    const withGrant = await aPerson({ firstName: "Freja", lastName: "Hansen" }).build(database.db);
    const mette = await aPreparer([resourcesAt(3, "Ny tekst, ikke delt endnu")], aParticipant().withRelative(withGrant, { scopes: ["preparation"] }));
    for (const relative of [await cookieFor(jonas.demoKey), await cookieFor(withGrant.demoKey)]) {
      for (const result of [
        await run(listLoader, get("/forberedelse", relative)),
        await run(partLoader, get("/forberedelse/mine-ressourcer", relative), { part: "mine-ressourcer" }),
        await savePart("mine-ressourcer", { version: "3", energy: "Jonas skriver" }, relative),
        await run(checkAction, post("/forberedelse/tjek-og-del", { parts: "questions" }, relative)),
        await run(withdrawAction, post("/forberedelse/tjek-og-del/traek-tilbage/mine-ressourcer", { confirm: "yes" }, relative), { part: "mine-ressourcer" }),
        await run(aboutAction, post("/forberedelse/om-moedet", {}, relative)),
      ]) {
        expect((result as Response).status).toBe(404);
      }
    }
    expect(await row(mette.participantId, "resources")).toMatchObject({ version: 3, answers: { energy: "Ny tekst, ikke delt endnu" } });
  });

  it("another participant: Ali only ever reaches his own preparation, whatever he posts", async () => {
    const mette = await aPreparerWhoChangedAfterSharing();
    const ali = await aPreparer();
    const page = unwrap(await run(partLoader, get("/forberedelse/mine-ressourcer", ali.cookie), { part: "mine-ressourcer" })).data as {
      state: { answers: Record<string, string>; version: number };
    };
    expect(page.state.version).toBe(0);
    expect(JSON.stringify(page.state.answers)).not.toContain("Ny tekst");
    // Posting with Mette's version number writes Ali's own part (ownership comes from the session).
    await savePart("mine-ressourcer", { version: "0", energy: "Football with my son" }, ali.cookie);
    expect((await row(ali.participantId, "resources"))?.answers).toMatchObject({ energy: "Football with my son" });
    expect((await row(mette.participantId, "resources"))?.answers).toMatchObject({ energy: "Ny tekst, ikke delt endnu" });
    // Withdrawing "his" resources touches only his (not shared) part.
    await run(withdrawAction, post("/forberedelse/tjek-og-del/traek-tilbage/mine-ressourcer", { confirm: "yes" }, ali.cookie), { part: "mine-ressourcer" });
    expect((await getSharedPreparation(mette.participantId)).map((part) => part.key)).toContain("resources");
    const aliCheck = unwrap(await run(checkLoader, get("/forberedelse/tjek-og-del", ali.cookie))).data as { parts: { answers: Record<string, string> }[] };
    expect(JSON.stringify(aliCheck.parts)).not.toContain("Ny tekst");
  });
});

describe.skipIf(!serverUrl)("two saves at the same moment (real Postgres)", () => {
  it("from the same version: exactly one is saved, the other gets the conflict page; nothing is lost", async () => {
    const ali = await aPreparer();
    const results = await Promise.all(
      ["Tab A", "Tab B", "Tab C"].map((text) => savePart("mit-netvaerk", { version: "0", supporters: text }, ali.cookie)),
    );
    const statuses = results.map((result) => unwrap(result).status);
    expect(statuses.filter((status) => status === 302)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(2);
    const saved = await row(ali.participantId, "network");
    expect(saved?.version).toBe(1);
    const winner = (saved?.answers as Record<string, string>).supporters;
    expect(["Tab A", "Tab B", "Tab C"]).toContain(winner);
    // Each losing tab is shown the text that won, next to its own.
    for (const result of results.filter((candidate) => unwrap(candidate).status === 409)) {
      const body = unwrap(result).data as { conflict: { saved: { answers: Record<string, string>; version: number }; mine: { answers: Record<string, string> } } };
      expect(body.conflict.saved.answers.supporters).toBe(winner);
      expect(body.conflict.saved.version).toBe(1);
      expect(body.conflict.mine.answers.supporters).not.toBe(winner);
    }
  });
});

if (!serverUrl) console.log("preparation-writes.test: the concurrent-save test needs real Postgres (TEST_DATABASE_URL); skipped on PGlite.");
