import { and, eq } from "drizzle-orm";
import { aParticipant } from "../../../db/builders";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointmentPreparations, auditEvents } from "../../../db/schema";
import { LIMITS } from "~/features/appointments/schema";
import { action, loader } from "~/features/appointments/routes/appointment";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, settle, routeArgs } from "../../support/requests";

// Each test makes the people it needs (db/builders.ts); nothing here depends on the demo seed.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

type Saved = Omit<typeof appointmentPreparations.$inferInsert, "appointmentId">;

/**
 * A participant with a team meeting and a meeting with her mentor, both ahead; `saved` is what she
 * has already written for the team meeting.
 */
async function aParticipantWithMeetings(saved?: Saved) {
  const built = await aParticipant({ person: { firstName: "Mette" } })
    .withAppointment({ kind: "rehabiliteringsteam", title: "Møde med rehabiliteringsteamet" })
    .withAppointment({ title: "Med Lars ud til genbrugsbutikken" })
    .then(async (executor, participant) => {
      if (saved) await executor.insert(appointmentPreparations).values({ ...saved, appointmentId: participant.appointmentIds[0]! });
    })
    .build(database.db);
  const [team, mentor] = built.appointmentIds as [string, string];
  return { ...built, cookie: await cookieFor(built.demoKey), team, mentor };
}

/** Another participant, with a phone call ahead. */
async function anotherParticipant() {
  const built = await aParticipant({ person: { firstName: "Ali", preferredLanguage: "en" } })
    .withAppointment({ title: "Telefonsamtale med Sara", mode: "phone" })
    .build(database.db);
  return { cookie: await cookieFor(built.demoKey), call: built.appointmentIds[0]! };
}

async function savedPreparation(appointmentId: string) {
  const [row] = await database.db
    .select()
    .from(appointmentPreparations)
    .where(eq(appointmentPreparations.appointmentId, appointmentId));
  return row ?? null;
}

const args = (request: Request, id: string) => routeArgs(request, { id });

/** The status of whatever a loader or action returned or threw (data() results carry an init). */
function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  const init = (result as { init?: { status?: number } } | null)?.init;
  return init?.status ?? 200;
}
function dataOf<T = Record<string, unknown>>(result: unknown): T {
  return (result as { data: T }).data;
}

describe("the participant's notes and questions", () => {
  it("saves them, redirects back to the form, and the page shows them with the new version", async () => {
    const { cookie: mette, team } = await aParticipantWithMeetings();
    const before = await loader(await args(get(`/moeder/${team}`, mette), team));
    expect(before.preparation).toBeNull();

    const response = (await settle(async () =>
      action(
        await args(
          post(
            `/moeder/${team}`,
            { intent: "save", version: "0", notes: "Jeg vil fortælle om min søvn.", questions: "Hvor mange timer skal jeg starte med?\r\nMå min søster komme med?" },
            mette,
          ),
          team,
        ),
      ),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/moeder/${team}?gemt=1#forberedelse`);

    const after = await loader(await args(get(`/moeder/${team}?gemt=1`, mette), team));
    expect(after.justSaved).toBe(true);
    expect(after.preparation).toMatchObject({
      notes: "Jeg vil fortælle om min søvn.",
      // Windows line breaks are stored as plain "\n".
      questions: "Hvor mange timer skal jeg starte med?\nMå min søster komme med?",
      version: 1,
    });
  });

  it("writes an audit row without the text the person wrote", async () => {
    const { cookie: mette, team, participantId } = await aParticipantWithMeetings();
    await settle(async () =>
      action(await args(post(`/moeder/${team}`, { version: "0", notes: "Jeg vil fortælle om min søvn.", questions: "Hvor mange timer? Må min søster komme med?" }, mette), team)),
    );
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "appointment.preparation_saved"), eq(auditEvents.participantId, participantId)));
    expect(rows.length).toBeGreaterThan(0);
    const details = JSON.stringify(rows.map((row) => row.details));
    expect(details).toContain(team);
    expect(details).not.toMatch(/søvn|timer|søster/);
  });

  it("a second save from the same version updates it (version 2)", async () => {
    const { cookie: mette, team } = await aParticipantWithMeetings({ notes: "Noter 1", questions: "Spørgsmål 1", version: 1 });
    const response = await settle(async () =>
      action(await args(post(`/moeder/${team}`, { version: "1", notes: "Noter 2", questions: "Spørgsmål 2" }, mette), team)),
    );
    expect(statusOf(response)).toBe(302);
    expect(await savedPreparation(team)).toMatchObject({ notes: "Noter 2", questions: "Spørgsmål 2", version: 2 });
  });

  it("a stale form (another window saved in between) loses nothing: 409 with both texts, nothing overwritten", async () => {
    const { cookie: mette, team } = await aParticipantWithMeetings({ notes: "Noter 2", questions: "Spørgsmål 2", version: 2 });
    const result = await settle(async () =>
      action(await args(post(`/moeder/${team}`, { version: "1", notes: "Fra det gamle vindue", questions: "Mit gamle spørgsmål" }, mette), team)),
    );
    expect(statusOf(result)).toBe(409);
    const body = dataOf<{ conflict: { saved: { notes: string; version: number }; mine: { notes: string; questions: string } } }>(result);
    expect(body.conflict.saved).toMatchObject({ notes: "Noter 2", version: 2 });
    expect(body.conflict.mine).toEqual({ notes: "Fra det gamle vindue", questions: "Mit gamle spørgsmål" });
    expect(await savedPreparation(team)).toMatchObject({ notes: "Noter 2", version: 2 });

    // "Gem det, jeg skrev": posted again with the saved version, it wins.
    const kept = await settle(async () =>
      action(await args(post(`/moeder/${team}`, { intent: "save", version: "2", notes: "Fra det gamle vindue", questions: "Mit gamle spørgsmål" }, mette), team)),
    );
    expect(statusOf(kept)).toBe(302);
    expect(await savedPreparation(team)).toMatchObject({ notes: "Fra det gamle vindue", version: 3 });
  });

  it('"Behold den gemte udgave" writes nothing', async () => {
    const { cookie: mette, team } = await aParticipantWithMeetings({ notes: "Fra det gamle vindue", questions: "Mit gamle spørgsmål", version: 3 });
    const result = (await settle(async () =>
      action(await args(post(`/moeder/${team}`, { intent: "keep-saved", version: "1", notes: "Skal ikke gemmes" }, mette), team)),
    )) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/moeder/${team}#forberedelse`);
    expect(await savedPreparation(team)).toMatchObject({ notes: "Fra det gamle vindue", version: 3 });
  });

  it("resending exactly the saved text from a stale form is not a conflict (double submit)", async () => {
    const { cookie: mette, team } = await aParticipantWithMeetings({ notes: "Fra det gamle vindue", questions: "Mit gamle spørgsmål", version: 3 });
    const result = await settle(async () =>
      action(await args(post(`/moeder/${team}`, { version: "1", notes: "Fra det gamle vindue", questions: "Mit gamle spørgsmål" }, mette), team)),
    );
    expect(statusOf(result)).toBe(302);
    expect((await savedPreparation(team))!.version).toBe(3);
  });

  it("two first saves from empty forms: the second one is a conflict, not a lost text", async () => {
    const { cookie: mette, mentor } = await aParticipantWithMeetings();
    const first = await settle(async () => action(await args(post(`/moeder/${mentor}`, { version: "0", notes: "Fane 1" }, mette), mentor)));
    expect(statusOf(first)).toBe(302);
    const second = await settle(async () => action(await args(post(`/moeder/${mentor}`, { version: "0", notes: "Fane 2" }, mette), mentor)));
    expect(statusOf(second)).toBe(409);
    expect(await savedPreparation(mentor)).toMatchObject({ notes: "Fane 1", version: 1 });
  });

  it("over-long text is refused with the field's message and the text kept; nothing is saved", async () => {
    const { cookie: mette, team } = await aParticipantWithMeetings({ notes: "Noter", questions: "Spørgsmål", version: 3 });
    const tooLong = "x".repeat(LIMITS.questions + 1);
    const result = await settle(async () =>
      action(await args(post(`/moeder/${team}`, { version: "3", notes: "kort", questions: tooLong }, mette), team)),
    );
    expect(statusOf(result)).toBe(400);
    const reply = dataOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(result).result;
    expect(reply.error.questions).toEqual(["appointments:prep.errors.questionsTooLong"]);
    expect(reply.initialValue.questions).toBe(tooLong);
    expect((await savedPreparation(team))!.version).toBe(3);

    // Exactly at the limit is fine.
    const atLimit = await settle(async () =>
      action(await args(post(`/moeder/${team}`, { version: "3", notes: "kort", questions: "y".repeat(LIMITS.questions) }, mette), team)),
    );
    expect(statusOf(atLimit)).toBe(302);
  });

  it("HTML and script are stored as the text typed (React renders them as text)", async () => {
    const { cookie: mette, team } = await aParticipantWithMeetings({ notes: "Noter", questions: "Spørgsmål", version: 4 });
    const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const version = (await savedPreparation(team))!.version;
    await settle(async () => action(await args(post(`/moeder/${team}`, { version: String(version), notes: hostile, questions: "" }, mette), team)));
    const saved = await savedPreparation(team);
    expect(saved!.notes).toBe(hostile);
    expect(saved!.questions).toBeNull();
  });

  it("someone else's meeting: 404, and nothing is written to it", async () => {
    const { cookie: mette } = await aParticipantWithMeetings();
    const { call: alisCall } = await anotherParticipant();
    const result = (await settle(async () =>
      action(await args(post(`/moeder/${alisCall}`, { version: "0", notes: "Mettes tekst" }, mette), alisCall)),
    )) as Response;
    expect(result.status).toBe(404);
    expect(await savedPreparation(alisCall)).toBeNull();
    // Nor through "keep-saved".
    const keep = (await settle(async () =>
      action(await args(post(`/moeder/${alisCall}`, { intent: "keep-saved" }, mette), alisCall)),
    )) as Response;
    expect(keep.status).toBe(404);
  });

  it("a malformed id: 404", async () => {
    const { cookie: mette } = await aParticipantWithMeetings();
    const result = (await settle(async () => action(await args(post(`/moeder/abc`, { version: "0", notes: "x" }, mette), "abc")))) as Response;
    expect(result.status).toBe(404);
  });

  it("signed out: sent to sign in, nothing written", async () => {
    const { call: alisCall } = await anotherParticipant();
    const result = (await settle(async () =>
      action(await args(post(`/moeder/${alisCall}`, { version: "0", notes: "x" }), alisCall)),
    )) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/log-ind");
    expect(await savedPreparation(alisCall)).toBeNull();
  });

  it("Ali writes his own questions (in English) and only he sees them", async () => {
    const { cookie: mette } = await aParticipantWithMeetings();
    const { cookie: ali, call: alisCall } = await anotherParticipant();
    const result = await settle(async () =>
      action(await args(post(`/moeder/${alisCall}`, { version: "0", questions: "Can the internship start with 10 hours?" }, ali), alisCall)),
    );
    expect(statusOf(result)).toBe(302);
    const page = await loader(await args(get(`/moeder/${alisCall}`, ali), alisCall));
    expect(page.preparation?.questions).toBe("Can the internship start with 10 hours?");
    const metteSees = (await settle(async () => loader(await args(get(`/moeder/${alisCall}`, mette), alisCall)))) as Response;
    expect(metteSees.status).toBe(404);
  });
});
