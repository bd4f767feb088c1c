import { and, eq } from "drizzle-orm";
import { getConversation } from "~/features/messages/index.server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltCaseworker } from "../../../db/builders";
import { absenceNotices, appointments, auditEvents } from "../../../db/schema";
import { recordAbsenceNotice } from "~/features/appointments/commands.server";
import { LIMITS } from "~/features/appointments/schema";
import { loader as detailLoader } from "~/features/appointments/routes/appointment";
import { loader as listLoader } from "~/features/appointments/routes/appointments";
import { action, loader } from "~/features/appointments/routes/appointment-absence";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, settle, routeArgs } from "../../support/requests";

// Each test gets its own Mette-like participant (db/builders.ts); nothing depends on the demo
// seed or on another test's notices.
let database: TestDatabase;
let caseworker: BuiltCaseworker;
let saraCookie: string;
let alisCall: string;
let mette: string;
let metteIds: { personId: string; participantId: string };
let saraTalk: string;
let painSchool: string;
let roundTable: string;
let heldTalk: string;

const DAY = 86_400_000;
const inDays = (days: number) => ({ startsAt: new Date(Date.now() + days * DAY), endsAt: new Date(Date.now() + days * DAY + 3_600_000) });

const notices = (appointmentId: string) =>
  database.db.select().from(absenceNotices).where(eq(absenceNotices.appointmentId, appointmentId));

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  caseworker = await aCaseworker({
    person: { firstName: "Sara", lastName: "Nielsen" },
    professional: { name: "Sara Nielsen", phone: "+45 11 22 30 11" },
  }).build(database.db);
  saraCookie = await cookieFor(caseworker.demoKey);
  const ali = await aParticipant({ person: { firstName: "Ali" } })
    .withCaseworker(caseworker)
    .withAppointment({ title: "Telefonsamtale med Sara", mode: "phone", ...inDays(3) })
    .build(database.db);
  alisCall = ali.appointmentIds[0]!;
});
afterAll(() => database.dispose());

/** Mette: a talk held three weeks ago, and a talk, the pain school and a round table ahead. */
beforeEach(async () => {
  const built = await aParticipant({ person: { firstName: "Mette" } })
    .withCaseworker(caseworker)
    .withAppointment({ kind: "samtale", title: "Samtale med Sara", ...inDays(2) })
    .withAppointment({ kind: "kursus", title: "Smerteskolen", ...inDays(9) })
    .withAppointment({ kind: "rundbordssamtale", title: "Rundbordssamtale om din praktik", ...inDays(28) })
    .withAppointment({ kind: "samtale", title: "Samtale med Sara", ...inDays(-21), status: "held" })
    .build(database.db);
  mette = await cookieFor(built.demoKey);
  metteIds = { personId: built.personId, participantId: built.participantId };
  [saraTalk, painSchool, roundTable, heldTalk] = built.appointmentIds as [string, string, string, string];
});

const args = (request: Request, id: string) => routeArgs(request, { id });
function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  return (result as { init?: { status?: number } } | null)?.init?.status ?? 200;
}
function dataOf<T>(result: unknown): T {
  return (result as { data: T }).data;
}

describe('"Jeg kan ikke komme"', () => {
  it("the form page is open for an upcoming meeting and names who to call", async () => {
    const page = await loader(await args(get(`/moeder/${saraTalk}/kan-ikke-komme`, mette), saraTalk));
    expect(page.state).toBe("open");
    expect(page.lastNoticeAt).toBeNull();
    expect(page.caseworker).toMatchObject({ name: "Sara Nielsen", phone: "+45 11 22 30 11" });
  });

  it("records the notice, cancels nothing, and the meeting page then shows it calmly", async () => {
    const response = (await settle(async () =>
      action(await args(post(`/moeder/${saraTalk}/kan-ikke-komme`, { reason: "Jeg er syg", wish: "Næste uge om formiddagen" }, mette), saraTalk)),
    )) as Response;
    expect(response.status).toBe(302);
    // It opens a conversation, where she sees it read and answered (issue 18).
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/beskeder\/[0-9a-f-]{36}\?sendt=fravaer$/);
    const conversationId = location.slice("/beskeder/".length, location.indexOf("?"));
    const conversation = await getConversation(metteIds.participantId, conversationId);
    expect(conversation).toMatchObject({ topic: "absence", appointmentId: saraTalk, status: "received" });
    expect(conversation!.messages.map((message) => message.body)).toEqual(["Jeg er syg\n\nDet passer mig bedre: Næste uge om formiddagen"]);

    const rows = await notices(saraTalk);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: "Jeg er syg", wishForNewTime: "Næste uge om formiddagen" });
    const [meeting] = await database.db.select().from(appointments).where(eq(appointments.id, saraTalk));
    expect(meeting!.status).toBe("planned");

    const page = await detailLoader(await args(get(`/moeder/${saraTalk}`, mette), saraTalk));
    expect(page.absence).toMatchObject({ reason: "Jeg er syg" });
    // The list marks the meeting too, and only that one.
    const list = await listLoader(await args(get("/moeder", mette), ""));
    const marked = [...list.thisWeek, ...list.nextWeek, ...list.later].filter((item) => item.absenceSentAt !== null);
    expect(marked.map((item) => item.id)).toEqual([saraTalk]);
    expect(marked[0]!.status).toBe("planned");
    expect(page.appointment.absenceSentAt).not.toBeNull();
    expect(page.caseworker?.name).toBe("Sara Nielsen");
  });

  it("the audit row says what happened without the reason", async () => {
    await settle(async () =>
      action(await args(post(`/moeder/${saraTalk}/kan-ikke-komme`, { reason: "Jeg er syg", wish: "Næste uge om formiddagen" }, mette), saraTalk)),
    );
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "appointment.absence_notified"), eq(auditEvents.participantId, metteIds.participantId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.participantId).toBe(metteIds.participantId);
    expect(JSON.stringify(rows[0]!.details)).not.toMatch(/syg|formiddagen/);
  });

  it("a double submit gives one record", async () => {
    const form = { reason: "Jeg skal til lægen", wish: "" };
    const [a, b] = [
      await settle(async () => action(await args(post(`/moeder/${painSchool}/kan-ikke-komme`, form, mette), painSchool))),
      await settle(async () => action(await args(post(`/moeder/${painSchool}/kan-ikke-komme`, form, mette), painSchool))),
    ];
    expect(statusOf(a)).toBe(302);
    expect(statusOf(b)).toBe(302);
    // One conversation too: both answers lead to the same one.
    expect((a as Response).headers.get("Location")).toBe((b as Response).headers.get("Location"));
    const rows = await notices(painSchool);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.wishForNewTime).toBeNull();
  });

  it("two submits at the same moment still give one record (the meeting row is locked)", async () => {
    const actor = { personId: metteIds.personId, participantId: metteIds.participantId };
    const input = { reason: "Bussen kører ikke", wish: "" };
    const results = await Promise.all([
      recordAbsenceNotice(actor, roundTable, input),
      recordAbsenceNotice(actor, roundTable, input),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["duplicate", "recorded"]);
    expect(await notices(roundTable)).toHaveLength(1);
  });

  it("a different message later is a new notice (the person changed their mind)", async () => {
    await settle(async () => action(await args(post(`/moeder/${painSchool}/kan-ikke-komme`, { reason: "Jeg skal til lægen" }, mette), painSchool)));
    expect(await notices(painSchool)).toHaveLength(1);
    await settle(async () => action(await args(post(`/moeder/${painSchool}/kan-ikke-komme`, { reason: "Jeg er også syg" }, mette), painSchool)));
    expect(await notices(painSchool)).toHaveLength(2);
    const page = await loader(await args(get(`/moeder/${painSchool}/kan-ikke-komme`, mette), painSchool));
    expect(page.lastNoticeAt).not.toBeNull();
  });

  it("an empty reason is refused with a message saying what to do; nothing recorded", async () => {
    const before = (await notices(roundTable)).length;
    const result = await settle(async () => action(await args(post(`/moeder/${roundTable}/kan-ikke-komme`, { reason: "   ", wish: "" }, mette), roundTable)));
    expect(statusOf(result)).toBe(400);
    const reply = dataOf<{ result: { error: Record<string, string[]> } }>(result).result;
    expect(reply.error.reason).toEqual(["appointments:absence.errors.reasonRequired"]);
    expect(await notices(roundTable)).toHaveLength(before);
  });

  it("over-long reason and wish are refused, each with its own message", async () => {
    const result = await settle(async () =>
      action(
        await args(
          post(`/moeder/${roundTable}/kan-ikke-komme`, { reason: "r".repeat(LIMITS.reason + 1), wish: "w".repeat(LIMITS.wish + 1) }, mette),
          roundTable,
        ),
      ),
    );
    expect(statusOf(result)).toBe(400);
    const reply = dataOf<{ result: { error: Record<string, string[]> } }>(result).result;
    expect(reply.error.reason).toEqual(["appointments:absence.errors.reasonTooLong"]);
    expect(reply.error.wish).toEqual(["appointments:absence.errors.wishTooLong"]);
  });

  it("HTML in the reason is kept as plain text", async () => {
    const hostile = "<b>syg</b><script>alert(1)</script>";
    await settle(async () => action(await args(post(`/moeder/${roundTable}/kan-ikke-komme`, { reason: hostile }, mette), roundTable)));
    const rows = await notices(roundTable);
    expect(rows.map((r) => r.reason)).toContain(hostile);
  });

  it("a past meeting is refused with a clear message, even with a valid form; nothing recorded", async () => {
    const page = await loader(await args(get(`/moeder/${heldTalk}/kan-ikke-komme`, mette), heldTalk));
    expect(page.state).toBe("past");
    expect(page.isPast).toBe(true);
    const result = await settle(async () => action(await args(post(`/moeder/${heldTalk}/kan-ikke-komme`, { reason: "Jeg er syg" }, mette), heldTalk)));
    expect(statusOf(result)).toBe(409);
    expect(dataOf<{ refused: string }>(result).refused).toBe("past");
    expect(await notices(heldTalk)).toHaveLength(0);
  });

  it("a meeting that has started (but not ended) is refused too", async () => {
    const [meeting] = await database.db
      .insert(appointments)
      .values({
        participantId: metteIds.participantId,
        kind: "samtale",
        title: "I gang lige nu",
        purpose: "Test",
        startsAt: new Date(Date.now() - 10 * 60_000),
        endsAt: new Date(Date.now() + 50 * 60_000),
      })
      .returning({ id: appointments.id });
    const page = await loader(await args(get(`/moeder/${meeting!.id}/kan-ikke-komme`, mette), meeting!.id));
    expect(page.state).toBe("past");
    expect(page.isPast).toBe(false);
    const result = await settle(async () => action(await args(post(`/moeder/${meeting!.id}/kan-ikke-komme`, { reason: "Syg" }, mette), meeting!.id)));
    expect(statusOf(result)).toBe(409);
    expect(await notices(meeting!.id)).toHaveLength(0);
  });

  it("a cancelled meeting is refused: there is nothing to cancel", async () => {
    const [meeting] = await database.db
      .insert(appointments)
      .values({
        participantId: metteIds.participantId,
        kind: "mentor",
        title: "Aflyst møde",
        purpose: "Test",
        startsAt: new Date(Date.now() + 3 * 86_400_000),
        endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000),
        status: "cancelled",
      })
      .returning({ id: appointments.id });
    const page = await loader(await args(get(`/moeder/${meeting!.id}/kan-ikke-komme`, mette), meeting!.id));
    expect(page.state).toBe("cancelled");
    const result = await settle(async () => action(await args(post(`/moeder/${meeting!.id}/kan-ikke-komme`, { reason: "Syg" }, mette), meeting!.id)));
    expect(statusOf(result)).toBe(409);
    expect(dataOf<{ refused: string }>(result).refused).toBe("cancelled");
  });

  it("someone else's meeting: 404 for the page and the form; nothing recorded", async () => {
    const page = (await settle(async () => loader(await args(get(`/moeder/${alisCall}/kan-ikke-komme`, mette), alisCall)))) as Response;
    expect(page.status).toBe(404);
    const result = (await settle(async () =>
      action(await args(post(`/moeder/${alisCall}/kan-ikke-komme`, { reason: "Mette prøver" }, mette), alisCall)),
    )) as Response;
    expect(result.status).toBe(404);
    expect(await notices(alisCall)).toHaveLength(0);
  });

  it("signed out, or a caseworker: no form and nothing recorded", async () => {
    const signedOut = (await settle(async () =>
      action(await args(post(`/moeder/${alisCall}/kan-ikke-komme`, { reason: "x" }), alisCall)),
    )) as Response;
    expect(signedOut.status).toBe(302);
    const sara = (await settle(async () =>
      action(await args(post(`/moeder/${alisCall}/kan-ikke-komme`, { reason: "x" }, saraCookie), alisCall)),
    )) as Response;
    expect(sara.status).toBe(404);
    expect(await notices(alisCall)).toHaveLength(0);
  });
});
