import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, type BuiltCaseworker } from "../../../db/builders";
import { appointments, relativeGrants } from "../../../db/schema";
import { groupByWeek, endOfCopenhagenWeek } from "~/features/appointments/time";
import { copenhagenDay } from "~/lib/dates";
import { loader as detailLoader } from "~/features/appointments/routes/appointment";
import { loader as listLoader } from "~/features/appointments/routes/appointments";
import { loader as pastLoader } from "~/features/appointments/routes/appointments-past";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, settle, routeArgs } from "../../support/requests";

// The people are built here (db/builders.ts); nothing depends on the demo seed. The tests only
// read, so one Mette-like and one Ali-like participant serve the whole file.
let database: TestDatabase;
let metteParticipant: string;
let aliParticipant: string;
let jonasPersonId: string;
let cookies: Record<"mette" | "ali" | "jonas" | "sara", string>;

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
/** A meeting an hour long, `days` from now at the current time of day. */
const inDays = (days: number) => {
  const startsAt = new Date(Date.now() + days * DAY);
  return { startsAt, endsAt: new Date(startsAt.getTime() + HOUR) };
};
const SARA = { name: "Sara Nielsen", roleText: "Din koordinerende sagsbehandler" };
const JOBCENTRE = { placeName: "Jobcenter Solbjerg", address: "Rådhusvej 12, 4999 Solbjerg" };

/** Mette: a held talk three weeks ago and five meetings ahead (the team meeting in full). */
function aMetteLikeParticipant(caseworker: BuiltCaseworker) {
  return aParticipant({ person: { firstName: "Mette" } })
    .withCaseworker(caseworker)
    .withAppointment({ kind: "samtale", title: "Samtale med Sara", ...inDays(-21), ...JOBCENTRE, status: "held", attendees: [SARA] })
    .withAppointment({ kind: "samtale", title: "Samtale med Sara", ...inDays(2), ...JOBCENTRE, attendees: [SARA] })
    .withAppointment({ kind: "mentor", title: "Med Lars ud til genbrugsbutikken", ...inDays(5), attendees: [{ name: "Lars Mikkelsen", roleText: "Din mentor" }] })
    .withAppointment({ kind: "kursus", title: "Smerteskolen", ...inDays(9), supportPersonAllowed: false })
    .withAppointment({
      kind: "rehabiliteringsteam",
      title: "Møde med rehabiliteringsteamet",
      ...inDays(12),
      ...JOBCENTRE,
      directions: "Bus 12 holder ved stoppestedet »Rådhuset« lige uden for døren.",
      bringItems: [
        "Dine noter fra »Forbered dit møde«, hvis du har skrevet noget",
        "En liste over den medicin, du tager",
        "Spørgsmål, du gerne vil stille teamet",
      ],
      supportPersonAllowed: true,
      attendees: [
        { name: "Karin Vestergaard", roleText: "Leder mødet" },
        SARA,
        { name: "Henrik Bech", roleText: "Læge" },
        { name: "Bente Juhl", roleText: "Sygeplejerske" },
        { name: "Anne Kjær", roleText: "Fra kommunens sociale område" },
      ],
    })
    .withAppointment({ kind: "rundbordssamtale", title: "Rundbordssamtale om din praktik", ...inDays(28), ...JOBCENTRE, attendees: [SARA] })
    .build(database.db);
}

/** Ali: one phone call ahead, Sara calls him. */
function anAliLikeParticipant(caseworker: BuiltCaseworker) {
  return aParticipant({ person: { firstName: "Ali" } })
    .withCaseworker(caseworker)
    .withAppointment({
      kind: "samtale",
      title: "Telefonsamtale med Sara",
      ...inDays(3),
      mode: "phone",
      phoneNote: "Sara ringer dig op på dit mobilnummer. I kan tale engelsk, hvis du foretrækker det.",
      attendees: [SARA],
    })
    .build(database.db);
}

async function appointmentId(participantId: string, title: string, status?: "held" | "planned") {
  const rows = await database.db
    .select({ id: appointments.id, status: appointments.status })
    .from(appointments)
    .where(and(eq(appointments.participantId, participantId), eq(appointments.title, title)));
  const row = status ? rows.find((r) => r.status === status) : rows[0];
  return row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" }, professional: { name: "Sara Nielsen" } }).build(database.db);
  const [mette, ali, jonas] = await Promise.all([
    aMetteLikeParticipant(sara),
    anAliLikeParticipant(sara),
    aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db),
  ]);
  metteParticipant = mette.participantId;
  aliParticipant = ali.participantId;
  jonasPersonId = jonas.personId;
  cookies = {
    mette: await cookieFor(mette.demoKey),
    ali: await cookieFor(ali.demoKey),
    jonas: await cookieFor(jonas.demoKey),
    sara: await cookieFor(sara.demoKey),
  };
});
afterAll(() => database.dispose());

const args = (request: Request, params: Record<string, string> = {}) => routeArgs(request, params);

describe("/moeder: upcoming meetings", () => {
  it("lists only the participant's own meetings that have not ended, soonest first", async () => {
    const data = await listLoader(await args(get("/moeder", cookies.mette)));
    const all = [...data.thisWeek, ...data.nextWeek, ...data.later];
    expect(all.map((a) => a.title)).toEqual(
      expect.arrayContaining([
        "Samtale med Sara",
        "Smerteskolen",
        "Med Lars ud til genbrugsbutikken",
        "Møde med rehabiliteringsteamet",
        "Rundbordssamtale om din praktik",
      ]),
    );
    const starts = all.map((a) => new Date(a.startsAt).getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(all.every((a) => new Date(a.endsAt).getTime() > Date.now())).toBe(true);
    // Ali's phone call is not among them.
    expect(all.map((a) => a.title)).not.toContain("Telefonsamtale med Sara");
    // The held talk three weeks ago belongs on the "earlier" page.
    expect(all.filter((a) => a.title === "Samtale med Sara")).toHaveLength(1);
  });

  it('splits them into "Denne uge", "Næste uge" and "Senere" by the Copenhagen calendar week', async () => {
    const data = await listLoader(await args(get("/moeder", cookies.mette)));
    const sunday = endOfCopenhagenWeek(new Date(data.now));
    for (const item of data.thisWeek) expect(copenhagenDay(new Date(item.startsAt)) <= sunday).toBe(true);
    for (const item of [...data.nextWeek, ...data.later]) expect(copenhagenDay(new Date(item.startsAt)) > sunday).toBe(true);
    // The round-table meeting is four weeks away: always "Senere".
    expect(data.later.map((a) => a.title)).toContain("Rundbordssamtale om din praktik");
  });

  it("signed out: sent to sign in; a relative or a caseworker: 404", async () => {
    const signedOut = (await settle(async () => listLoader(await args(get("/moeder"))))) as Response;
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe("/log-ind");
    for (const person of ["jonas", "sara"] as const) {
      const refused = (await settle(async () => listLoader(await args(get("/moeder", cookies[person]))))) as Response;
      expect(refused.status).toBe(404);
    }
  });

  it("a relative with an 'appointments' grant still gets no participant page (participant-only area)", async () => {
    await database.db.insert(relativeGrants).values({
      participantId: metteParticipant,
      relativePersonId: jonasPersonId,
      invitedName: "Jonas Hansen",
      invitedEmail: "jonas@example.org",
      relation: "Bror",
      scopes: ["appointments"],
      validUntil: copenhagenDay(new Date(Date.now() + 30 * 86_400_000)),
      status: "active",
    });
    const refused = (await settle(async () => listLoader(await args(get("/moeder", cookies.jonas))))) as Response;
    expect(refused.status).toBe(404);
  });
});

describe("/moeder/tidligere: past meetings", () => {
  it("shows the meetings that have ended, newest first, and nothing of anyone else's", async () => {
    const data = await pastLoader(await args(get("/moeder/tidligere", cookies.mette)));
    expect(data.past.map((a) => a.title)).toEqual(["Samtale med Sara"]);
    expect(data.past[0]!.status).toBe("held");
    const ali = await pastLoader(await args(get("/moeder/tidligere", cookies.ali)));
    expect(ali.past).toEqual([]);
  });

  it("signed out: sent to sign in", async () => {
    const response = (await settle(async () => pastLoader(await args(get("/moeder/tidligere"))))) as Response;
    expect(response.status).toBe(302);
  });
});

describe("/moeder/:id: one meeting", () => {
  it("shows what, when, where, who, what to bring and the bisidder rule for the participant's own meeting", async () => {
    const id = await appointmentId(metteParticipant, "Møde med rehabiliteringsteamet");
    const data = await detailLoader(await args(get(`/moeder/${id}`, cookies.mette), { id }));
    expect(data.appointment.kind).toBe("rehabiliteringsteam");
    expect(data.appointment.address).toBe("Rådhusvej 12, 4999 Solbjerg");
    expect(data.appointment.directions).toMatch(/Bus 12/);
    expect(data.appointment.bringItems).toHaveLength(3);
    expect(data.appointment.supportPersonAllowed).toBe(true);
    expect(data.attendees.map((a) => a.name)).toEqual([
      "Karin Vestergaard",
      "Sara Nielsen",
      "Henrik Bech",
      "Bente Juhl",
      "Anne Kjær",
    ]);
    expect(data.caseworker?.name).toBe("Sara Nielsen");
    expect(data.absenceState).toBe("open");
    expect(data.isPast).toBe(false);
    // The page data never carries the owner's id (nothing to tamper with).
    expect(JSON.stringify(data)).not.toContain(metteParticipant);
  });

  it("a phone meeting says so, with its note about who calls whom", async () => {
    const id = await appointmentId(aliParticipant, "Telefonsamtale med Sara");
    const data = await detailLoader(await args(get(`/moeder/${id}`, cookies.ali), { id }));
    expect(data.appointment.mode).toBe("phone");
    expect(data.appointment.phoneNote).toMatch(/Sara ringer dig op/);
  });

  it("someone else's meeting, an unknown id and a malformed id all answer 404 with nothing in it", async () => {
    const alis = await appointmentId(aliParticipant, "Telefonsamtale med Sara");
    for (const id of [alis, "00000000-0000-4000-8000-000000000000", "not-a-uuid", "1 or 1=1", "%00"]) {
      const refused = await settle(async () => detailLoader(await args(get(`/moeder/${encodeURIComponent(id)}`, cookies.mette), { id })));
      expect(refused, id).toBeInstanceOf(Response);
      expect((refused as Response).status, id).toBe(404);
      expect(await (refused as Response).text(), id).not.toMatch(/Telefonsamtale|Ali|Sara/);
    }
  });

  it("signed out: sent to sign in; a caseworker (no programme): 404", async () => {
    const id = await appointmentId(metteParticipant, "Smerteskolen");
    const signedOut = (await settle(async () => detailLoader(await args(get(`/moeder/${id}`), { id })))) as Response;
    expect(signedOut.status).toBe(302);
    const sara = (await settle(async () => detailLoader(await args(get(`/moeder/${id}`, cookies.sara), { id })))) as Response;
    expect(sara.status).toBe(404);
  });

  it("a past meeting is marked as past and takes no 'Jeg kan ikke komme'", async () => {
    const id = await appointmentId(metteParticipant, "Samtale med Sara", "held");
    const data = await detailLoader(await args(get(`/moeder/${id}`, cookies.mette), { id }));
    expect(data.isPast).toBe(true);
    expect(data.absenceState).toBe("past");
  });
});

describe("grouping by week (Copenhagen time)", () => {
  it("a meeting late on Sunday evening Copenhagen time is still 'this week'", () => {
    // Wednesday 4 March 2026, 12:00 in Copenhagen.
    const now = new Date("2026-03-04T11:00:00Z");
    expect(endOfCopenhagenWeek(now)).toBe("2026-03-08");
    const sundayLate = { startsAt: new Date("2026-03-08T22:30:00Z") }; // 23:30 Sunday in Copenhagen
    const mondayEarly = { startsAt: new Date("2026-03-08T23:30:00Z") }; // 00:30 Monday in Copenhagen
    const { thisWeek, nextWeek, later } = groupByWeek([sundayLate, mondayEarly], now);
    expect(thisWeek).toEqual([sundayLate]);
    expect(nextWeek).toEqual([mondayEarly]);
    expect(later).toEqual([]);
  });

  it("a meeting three days away on a Friday is 'next week', not 'later'; the week after is 'later'", () => {
    const friday = new Date("2026-03-06T09:00:00Z");
    const monday = { startsAt: new Date("2026-03-09T08:00:00Z") };
    const sundayNextWeek = { startsAt: new Date("2026-03-15T20:00:00Z") };
    const mondayAfter = { startsAt: new Date("2026-03-16T08:00:00Z") };
    const { thisWeek, nextWeek, later } = groupByWeek([monday, sundayNextWeek, mondayAfter], friday);
    expect(thisWeek).toEqual([]);
    expect(nextWeek).toEqual([monday, sundayNextWeek]);
    expect(later).toEqual([mondayAfter]);
  });

  it("on a Sunday, 'this week' ends that same day", () => {
    const sunday = new Date("2026-03-29T10:00:00Z"); // summer time starts that night
    expect(endOfCopenhagenWeek(sunday)).toBe("2026-03-29");
    // 23:30 UTC on Sunday is already Monday 01:30 in Copenhagen (CEST).
    expect(endOfCopenhagenWeek(new Date("2026-03-29T23:30:00Z"))).toBe("2026-04-05");
  });
});
