import ICAL from "ical.js";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltCaseworker } from "../../../db/builders";
import { appointments, auditEvents, calendarFeeds } from "../../../db/schema";
import { buildCalendar, escapeText, foldLine } from "~/features/appointments/ical";
import { newFeedTokenCookie } from "~/features/appointments/calendar.server";
import { loader as icsLoader } from "~/features/appointments/routes/appointment-ics";
import { action as feedPageAction, loader as feedPageLoader } from "~/features/appointments/routes/appointments-calendar";
import { loader as feedLoader } from "~/features/appointments/routes/appointments-feed";
import { languageCookie } from "~/lib/i18n/i18n.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, ORIGIN, post, settle, routeArgs } from "../../support/requests";

// The people are built here (db/builders.ts); nothing depends on the demo seed. Each test gets its
// own Mette-like participant (so each feed test makes its own feed); Ali and Sara are built once.
let database: TestDatabase;
let caseworker: BuiltCaseworker;
let saraCookie: string;
let ali: string;
let alisCall: string;
let mette: string;
let metteParticipant: string;
let teamMeeting: string;

const DAY = 86_400_000;
/** An hour's meeting `days` from now, on a whole minute (as meetings are booked). */
const inDays = (days: number) => {
  const start = Math.floor((Date.now() + days * DAY) / 60_000) * 60_000;
  return { startsAt: new Date(start), endsAt: new Date(start + 3_600_000) };
};
const SARA = { name: "Sara Nielsen", roleText: "Din koordinerende sagsbehandler" };
const LARS = { name: "Lars Mikkelsen", roleText: "Din mentor" };
const JOBCENTRE = { placeName: "Jobcenter Solbjerg", address: "Rådhusvej 12, 4999 Solbjerg" };

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  caseworker = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" }, professional: { name: "Sara Nielsen" } }).build(
    database.db,
  );
  saraCookie = await cookieFor(caseworker.demoKey);
  const built = await aParticipant({ person: { firstName: "Ali", preferredLanguage: "en" } })
    .withCaseworker(caseworker)
    .withAppointment({
      kind: "samtale",
      title: "Telefonsamtale med Sara",
      purpose: "I taler om, hvordan genoptræningen går.",
      ...inDays(3),
      mode: "phone",
      phoneNote: "Sara ringer dig op på dit mobilnummer.",
      attendees: [SARA],
    })
    .build(database.db);
  ali = await cookieFor(built.demoKey);
  alisCall = built.appointmentIds[0]!;
});
afterAll(() => database.dispose());

/** Mette: a talk held three weeks ago, and five meetings ahead whose titles, words and people name names. */
beforeEach(async () => {
  const built = await aParticipant({ person: { firstName: "Mette" } })
    .withCaseworker(caseworker)
    .withAppointment({
      kind: "rehabiliteringsteam",
      title: "Møde med rehabiliteringsteamet",
      purpose: "Rehabiliteringsteamet ser sammen med dig på, hvordan dit ressourceforløb går.",
      ...inDays(12),
      ...JOBCENTRE,
      directions: "Bus 12 holder ved stoppestedet »Rådhuset« lige uden for døren.",
      bringItems: ["En liste over den medicin, du tager"],
      attendees: [{ name: "Karin Vestergaard", roleText: "Leder mødet" }, SARA],
    })
    .withAppointment({
      kind: "samtale",
      title: "Samtale med Sara",
      purpose: "I fulgte op på din plan.",
      ...inDays(-21),
      ...JOBCENTRE,
      status: "held",
      attendees: [SARA],
    })
    .withAppointment({
      kind: "samtale",
      title: "Samtale med Sara",
      purpose: "I taler om praktikken i genbrugsbutikken.",
      ...inDays(2),
      ...JOBCENTRE,
      directions: "Meld dig i skranken i stueetagen, så henter Sara dig.",
      attendees: [SARA],
    })
    .withAppointment({
      kind: "mentor",
      title: "Med Lars ud til genbrugsbutikken",
      purpose: "I tager bussen sammen ud til genbrugsbutikken.",
      ...inDays(5),
      placeName: "Café Kornet",
      address: "Stationsvej 4, 4999 Solbjerg",
      directions: "Lars venter ved indgangen.",
      attendees: [LARS],
    })
    .withAppointment({
      kind: "kursus",
      title: "Smerteskolen",
      purpose: "Dagens emne er søvn og hvile.",
      ...inDays(9),
      placeName: "Sundhedscenter Solbjerg",
      address: "Parkvej 3, 4999 Solbjerg",
      directions: "Indgang B, 1. sal.",
      attendees: [{ name: "Pia Lund", roleText: "Fysioterapeut" }],
    })
    .withAppointment({
      kind: "rundbordssamtale",
      title: "Rundbordssamtale om din praktik",
      purpose: "Du mødes med alle, der hjælper dig med praktikken, ved samme bord.",
      ...inDays(28),
      ...JOBCENTRE,
      attendees: [SARA, LARS],
    })
    .build(database.db);
  mette = await cookieFor(built.demoKey);
  metteParticipant = built.participantId;
  teamMeeting = built.appointmentIds[0]!;
});

const args = (request: Request, params: Record<string, string> = {}) => routeArgs(request, params);

interface ParsedEvent {
  uid: string;
  summary: string;
  location: string | null;
  description: string | null;
  start: Date;
  end: Date;
  status: string | null;
  sequence: number;
  lastModified: Date;
}

/**
 * Validates an iCalendar text the strict way a calendar app would need it: CRLF line ends,
 * no line over 75 octets, parseable by ical.js, VCALENDAR 2.0 with PRODID, and every VEVENT
 * with UID, DTSTAMP, SEQUENCE, LAST-MODIFIED, DTSTART/DTEND in UTC and a SUMMARY. Returns the events.
 */
function validateCalendar(text: string): ParsedEvent[] {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.split("\r\n")) {
    expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
  }
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(calendar.getFirstPropertyValue("prodid")).toBeTruthy();
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    for (const name of ["uid", "dtstamp", "sequence", "last-modified", "dtstart", "dtend", "summary"]) {
      expect(vevent.hasProperty(name), `VEVENT has ${name}`).toBe(true);
    }
    const start = vevent.getFirstPropertyValue("dtstart") as ICAL.Time;
    const end = vevent.getFirstPropertyValue("dtend") as ICAL.Time;
    const lastModified = vevent.getFirstPropertyValue("last-modified") as ICAL.Time;
    const sequence: unknown = vevent.getFirstPropertyValue("sequence");
    expect(start.zone?.tzid).toBe("UTC");
    // RFC 5545 3.8.7.3: LAST-MODIFIED is a date-time in UTC; 3.8.7.4: SEQUENCE a whole number from 0.
    expect(lastModified.zone?.tzid).toBe("UTC");
    expect(typeof sequence === "number" && Number.isInteger(sequence) && sequence >= 0, `SEQUENCE ${String(sequence)}`).toBe(true);
    // A reminder the day before and two hours before, unless the meeting is cancelled.
    const alarms = vevent.getAllSubcomponents("valarm");
    if (vevent.getFirstPropertyValue("status") === "CANCELLED") expect(alarms).toHaveLength(0);
    else {
      expect(alarms.map((alarm) => String(alarm.getFirstPropertyValue("trigger")))).toEqual(["-P1D", "-PT2H"]);
      for (const alarm of alarms) {
        expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
        expect(alarm.getFirstPropertyValue("description")).toBe(vevent.getFirstPropertyValue("summary"));
      }
    }
    expect(end.compare(start)).toBe(1);
    return {
      uid: String(vevent.getFirstPropertyValue("uid")),
      summary: String(vevent.getFirstPropertyValue("summary")),
      location: (vevent.getFirstPropertyValue("location") as string | null) ?? null,
      description: (vevent.getFirstPropertyValue("description") as string | null) ?? null,
      status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
      start: start.toJSDate(),
      end: end.toJSDate(),
      sequence: sequence as number,
      lastModified: lastModified.toJSDate(),
    };
  });
}

describe("the iCalendar writer", () => {
  it("escapes commas, semicolons, backslashes and line breaks", () => {
    expect(escapeText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
  });

  it("folds at 75 octets without splitting a Danish letter, and unfolds to the original", () => {
    const line = `DESCRIPTION:${"æøå ".repeat(60)}`;
    const folded = foldLine(line);
    for (const physical of folded.split("\r\n")) expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });

  it("hostile text round-trips through a real parser unchanged", () => {
    const nasty = 'Mødet, "lokale 2;14"\\ <script>alert(1)</script>\nEND:VEVENT\nBEGIN:VALARM';
    const text = buildCalendar({
      now: new Date("2026-03-01T10:00:00Z"),
      events: [
        {
          uid: "x@min-vej",
          start: new Date("2026-03-05T09:00:00Z"),
          end: new Date("2026-03-05T10:00:00Z"),
          summary: nasty,
          location: nasty,
          description: nasty.repeat(5),
          sequence: 3,
          lastModified: new Date("2026-02-27T08:15:30Z"),
        },
      ],
    });
    const [event] = validateCalendar(text);
    expect(event!.summary).toBe(nasty);
    expect(event!.location).toBe(nasty);
    expect(event!.description).toBe(nasty.repeat(5));
    expect(event!.sequence).toBe(3);
    expect(event!.lastModified.toISOString()).toBe("2026-02-27T08:15:30.000Z");
    expect(text).toMatch(/^SEQUENCE:3\r\nLAST-MODIFIED:20260227T081530Z\r$/m);
    // The injected END:VEVENT stayed text: still exactly one event, with only our two alarms.
    expect(text.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(text.match(/^BEGIN:VALARM/gm)).toHaveLength(2);
  });
});

describe("/moeder/:id/kalender.ics", () => {
  it("is a valid calendar file with the meeting's time, place and title, as a download", async () => {
    const response = (await icsLoader(await args(get(`/moeder/${teamMeeting}/kalender.ics`, mette), { id: teamMeeting }))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="moede-\d{4}-\d{2}-\d{2}\.ics"$/);
    const [event] = validateCalendar(await response.text());
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, teamMeeting));
    expect(event!.uid).toBe(`appointment-${teamMeeting}@min-vej`);
    expect(event!.summary).toBe("Møde med rehabiliteringsteamet");
    expect(event!.start.getTime()).toBe(row!.startsAt.getTime());
    expect(event!.end.getTime()).toBe(row!.endsAt.getTime());
    expect(event!.location).toBe("Jobcenter Solbjerg, Rådhusvej 12, 4999 Solbjerg");
    expect(event!.description).toContain("Bus 12");
    expect(event!.description).toContain(`${ORIGIN}/moeder/${teamMeeting}`);
    expect(event!.status).toBe("CONFIRMED");
  });

  it("a phone meeting has 'Telefonmøde' as its place, in the person's language", async () => {
    const english = (await languageCookie.serialize("en")).split(";")[0];
    const inEnglish = (await icsLoader(await args(get(`/moeder/${alisCall}/kalender.ics`, `${ali}; ${english}`), { id: alisCall }))) as Response;
    const [event] = validateCalendar(await inEnglish.text());
    expect(event!.location).toBe("Phone meeting");
    expect(event!.description).toContain("Read more about the meeting in Min Vej:");
    // The jobcentre's own words are not translated.
    expect(event!.summary).toBe("Telefonsamtale med Sara");

    const inDanish = (await icsLoader(await args(get(`/moeder/${alisCall}/kalender.ics`, ali), { id: alisCall }))) as Response;
    expect(validateCalendar(await inDanish.text())[0]!.location).toBe("Telefonmøde");
  });

  it("someone else's meeting, an unknown and a malformed id: 404; signed out: sign in", async () => {
    for (const id of [alisCall, "00000000-0000-4000-8000-000000000000", "nope"]) {
      const refused = (await settle(async () => icsLoader(await args(get(`/moeder/${id}/kalender.ics`, mette), { id })))) as Response;
      expect(refused.status, id).toBe(404);
      expect(refused.headers.get("Content-Type") ?? "", id).not.toContain("calendar");
    }
    const signedOut = (await settle(async () => icsLoader(await args(get(`/moeder/${teamMeeting}/kalender.ics`), { id: teamMeeting })))) as Response;
    expect(signedOut.status).toBe(302);
  });
});

async function createFeed(cookie: string): Promise<string> {
  const response = (await settle(async () => feedPageAction(await args(post("/moeder/kalender", { intent: "create" }, cookie))))) as Response;
  expect(response.status).toBe(302);
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  expect(setCookie).toMatch(/^minvej_new_feed=.*Path=\/moeder.*HttpOnly/i);
  const page = await feedPageLoader(await args(get("/moeder/kalender", `${cookie}; ${setCookie.split(";")[0]}`)));
  expect(page.address).toMatch(new RegExp(`^${ORIGIN}/kalender/[A-Za-z0-9_-]{43}/moeder\\.ics$`));
  return new URL(page.address!).pathname.split("/")[2]!;
}

const fetchFeed = (token: string) =>
  settle(async () => feedLoader(await args(get(`/kalender/${token}/moeder.ics`), { token }))) as Promise<Response>;

describe("the personal calendar feed", () => {
  it("before one is made, the page offers to make one and shows no address", async () => {
    const page = await feedPageLoader(await args(get("/moeder/kalender", mette)));
    expect(page.feed).toBeNull();
    expect(page.address).toBeNull();
  });

  it("making one is a POST; the address is shown once to its owner, and only its hash is stored", async () => {
    const token = await createFeed(mette);
    const rows = await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.participantId, metteParticipant));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
    // Without the one-time cookie the page knows a feed exists but cannot show its address.
    const later = await feedPageLoader(await args(get("/moeder/kalender", mette)));
    expect(later.feed).not.toBeNull();
    expect(later.address).toBeNull();
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "appointment.calendar_feed_created"), eq(auditEvents.participantId, metteParticipant)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("another participant carrying Mette's one-time cookie does not see her address", async () => {
    const token = await createFeed(mette);
    const cookieValue = await newFeedTokenCookie.serialize(token);
    const page = await feedPageLoader(await args(get("/moeder/kalender", `${ali}; ${cookieValue.split(";")[0]}`)));
    expect(page.address).toBeNull();
  });

  it("the feed needs no sign-in, is valid iCalendar, and holds only time, place and kind of the upcoming meetings", async () => {
    const token = await createFeed(mette);
    const response = await fetchFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    const events = validateCalendar(text);
    const upcoming = await database.db
      .select()
      .from(appointments)
      .where(eq(appointments.participantId, metteParticipant));
    const future = upcoming.filter((a) => a.endsAt.getTime() > Date.now());
    expect(events).toHaveLength(future.length);
    expect(events.map((e) => e.summary).sort()).toEqual(
      [
        "Kursusdag",
        "Møde med din mentor",
        "Møde med rehabiliteringsteamet",
        "Rundbordssamtale",
        "Samtale med din sagsbehandler",
      ].sort(),
    );
    // No titles (they carry names), purposes, directions, attendees or notes.
    const unfolded = text.replace(/\r\n /g, "");
    for (const meeting of upcoming) {
      expect(unfolded).not.toContain(escapeText(meeting.purpose.slice(0, 30)));
      // (The team meeting's title happens to be its kind's name; every other title is absent.)
      if (!events.some((e) => e.summary === meeting.title)) expect(unfolded).not.toContain(escapeText(meeting.title));
      if (meeting.directions) expect(unfolded).not.toContain(escapeText(meeting.directions.slice(0, 30)));
    }
    for (const secret of ["Sara", "Lars", "Karin", "Smerteskolen", "genbrugsbutikken", "medicin"]) {
      expect(text).not.toContain(secret);
    }
    expect(events.every((e) => e.description === null)).toBe(true);
    expect(events.find((e) => e.summary === "Kursusdag")!.location).toBe("Sundhedscenter Solbjerg, Parkvej 3, 4999 Solbjerg");
    expect(text).toMatch(/^X-WR-CALNAME:Min Vej: dine møder\r$/m);
  });

  it("a cancelled meeting stays in the feed as cancelled, so calendars remove it", async () => {
    const token = await createFeed(mette);
    const [meeting] = await database.db
      .insert(appointments)
      .values({
        participantId: metteParticipant,
        kind: "mentor",
        title: "Aflyst",
        purpose: "x",
        startsAt: new Date(Date.now() + 5 * 86_400_000),
        endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000),
        status: "cancelled",
      })
      .returning({ id: appointments.id });
    const events = validateCalendar(await (await fetchFeed(token)).text());
    const cancelled = events.find((e) => e.uid === `appointment-${meeting!.id}@min-vej`);
    expect(cancelled?.status).toBe("CANCELLED");
    expect(cancelled?.summary).toBe("Aflyst: Møde med din mentor");
  });

  it("unknown and malformed tokens: 404", async () => {
    const token = await createFeed(mette);
    for (const bad of ["A".repeat(43), "short", "../../etc/passwd", `${token}x`]) {
      expect((await fetchFeed(bad)).status, bad).toBe(404);
    }
  });

  it("making a new address stops the old one (410 Gone) and the new one works", async () => {
    const token = await createFeed(mette);
    const newToken = await createFeed(mette);
    expect(newToken).not.toBe(token);
    expect((await fetchFeed(token)).status).toBe(410);
    expect((await fetchFeed(newToken)).status).toBe(200);
  });

  it("stopping the address makes the URL answer 410, and the page says it is stopped", async () => {
    const token = await createFeed(mette);
    const response = (await settle(async () => feedPageAction(await args(post("/moeder/kalender", { intent: "revoke" }, mette))))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/moeder/kalender?stoppet=1");
    expect(response.headers.get("Set-Cookie")).toMatch(/minvej_new_feed=;.*Max-Age=0/i);
    expect((await fetchFeed(token)).status).toBe(410);
    const page = await feedPageLoader(await args(get("/moeder/kalender?stoppet=1", mette)));
    expect(page.feed).toBeNull();
    expect(page.revoked).toBe(true);
  });

  it("Ali's feed shows only Ali's meetings, in English", async () => {
    const alisToken = await createFeed(ali);
    const events = validateCalendar(await (await fetchFeed(alisToken)).text());
    expect(events.map((e) => e.summary)).toEqual(["Conversation with your caseworker"]);
    expect(events[0]!.location).toBe("Phone meeting");
  });

  it("signed out, or a caseworker: no feed can be made or stopped", async () => {
    const signedOut = (await settle(async () => feedPageAction(await args(post("/moeder/kalender", { intent: "create" }))))) as Response;
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe("/log-ind");
    const sara = (await settle(async () => feedPageAction(await args(post("/moeder/kalender", { intent: "create" }, saraCookie))))) as Response;
    expect(sara.status).toBe(404);
    const page = (await settle(async () => feedPageLoader(await args(get("/moeder/kalender"))))) as Response;
    expect(page.status).toBe(302);
  });

  it("an unknown intent changes nothing", async () => {
    await createFeed(mette);
    const before = await database.db.select().from(calendarFeeds);
    const result = await settle(async () => feedPageAction(await args(post("/moeder/kalender", { intent: "delete-everything" }, mette))));
    expect((result as { init?: { status?: number } }).init?.status).toBe(400);
    expect(await database.db.select().from(calendarFeeds)).toEqual(before);
  });
});

describe("a meeting the jobcentre changes updates in the calendar app (SEQUENCE, LAST-MODIFIED)", () => {
  const BOOKED_AT = () => new Date(Math.floor((Date.now() - 3 * DAY) / 1000) * 1000);

  /** A talk booked three days ago (the jobcentre writes portal.appointments itself). */
  async function bookTalk() {
    const bookedAt = BOOKED_AT();
    const [row] = await database.db
      .insert(appointments)
      .values({
        participantId: metteParticipant,
        kind: "samtale",
        title: "Samtale om praktikken",
        purpose: "I taler om, hvordan praktikken går.",
        ...inDays(6),
        ...JOBCENTRE,
        bringItems: ["Dit sygesikringskort"],
        createdAt: bookedAt,
        updatedAt: bookedAt,
      })
      .returning();
    return row!;
  }

  /** The meeting as the downloaded .ics and the subscribed feed show it. */
  async function asCalendarsShow(id: string, token: string) {
    const response = (await icsLoader(await args(get(`/moeder/${id}/kalender.ics`, mette), { id }))) as Response;
    const [file] = validateCalendar(await response.text());
    const feed = validateCalendar(await (await fetchFeed(token)).text()).find((event) => event.uid === `appointment-${id}@min-vej`);
    expect(feed, "the meeting is in the feed").toBeDefined();
    return { file: file!, feed: feed! };
  }

  const row = async (id: string) => (await database.db.select().from(appointments).where(eq(appointments.id, id)))[0]!;

  it("moving it raises SEQUENCE by one and LAST-MODIFIED, under the same UID, in the .ics and the feed", async () => {
    const token = await createFeed(mette);
    const talk = await bookTalk();
    const before = await asCalendarsShow(talk.id, token);
    for (const event of [before.file, before.feed]) {
      expect(event.uid).toBe(`appointment-${talk.id}@min-vej`);
      expect(event.sequence).toBe(0);
      expect(event.lastModified.getTime()).toBe(talk.updatedAt.getTime());
    }

    // The jobcentre moves the talk a day and an hour later, as its case system writes it.
    const movedStart = new Date(talk.startsAt.getTime() + DAY + 3_600_000);
    const movedEnd = new Date(talk.endsAt.getTime() + DAY + 3_600_000);
    await database.db.update(appointments).set({ startsAt: movedStart, endsAt: movedEnd, status: "moved" }).where(eq(appointments.id, talk.id));

    const after = await asCalendarsShow(talk.id, token);
    for (const event of [after.file, after.feed]) {
      expect(event.uid).toBe(`appointment-${talk.id}@min-vej`);
      expect(event.sequence).toBe(1);
      expect(event.lastModified.getTime()).toBeGreaterThan(talk.updatedAt.getTime());
      expect(event.start.getTime()).toBe(movedStart.getTime());
      expect(event.end.getTime()).toBe(movedEnd.getTime());
      expect(event.status).toBe("CONFIRMED");
    }
    expect((await row(talk.id)).sequence).toBe(1);

    // Moved again: one more.
    await database.db.update(appointments).set({ address: "Rådhusvej 14, 4999 Solbjerg" }).where(eq(appointments.id, talk.id));
    const again = await asCalendarsShow(talk.id, token);
    expect([again.file.sequence, again.feed.sequence]).toEqual([2, 2]);
    expect(again.feed.location).toBe("Jobcenter Solbjerg, Rådhusvej 14, 4999 Solbjerg");
  });

  it("what to bring is in the .ics, so changing it raises SEQUENCE too", async () => {
    const token = await createFeed(mette);
    const talk = await bookTalk();
    await database.db
      .update(appointments)
      .set({ bringItems: ["Dit sygesikringskort", "Dine noter fra praktikken"] })
      .where(eq(appointments.id, talk.id));
    const { file } = await asCalendarsShow(talk.id, token);
    expect(file.sequence).toBe(1);
    expect(file.description).toContain("Dine noter fra praktikken");
  });

  it("a change no calendar shows, and an attempt to set the counter by hand, leave SEQUENCE and LAST-MODIFIED alone", async () => {
    const token = await createFeed(mette);
    const talk = await bookTalk();
    await database.db
      .update(appointments)
      .set({ supportPersonAllowed: false, afterwards: "Du får et referat i Min Vej inden for en uge." })
      .where(eq(appointments.id, talk.id));
    const unchanged = await asCalendarsShow(talk.id, token);
    for (const event of [unchanged.file, unchanged.feed]) {
      expect(event.sequence).toBe(0);
      expect(event.lastModified.getTime()).toBe(talk.updatedAt.getTime());
    }

    // Moved (1), then a writer copies the old counter back: the calendar's number never goes down.
    await database.db.update(appointments).set({ startsAt: new Date(talk.startsAt.getTime() + DAY), endsAt: new Date(talk.endsAt.getTime() + DAY) }).where(eq(appointments.id, talk.id));
    const moved = await row(talk.id);
    await database.db.update(appointments).set({ sequence: 0, updatedAt: talk.updatedAt }).where(eq(appointments.id, talk.id));
    const stored = await row(talk.id);
    expect(stored.sequence).toBe(1);
    expect(stored.updatedAt.getTime()).toBe(moved.updatedAt.getTime());
  });

  it("cancelling it raises SEQUENCE and shows STATUS:CANCELLED, without reminders, in the .ics and the feed", async () => {
    const token = await createFeed(mette);
    const talk = await bookTalk();
    await database.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, talk.id));
    const { file, feed } = await asCalendarsShow(talk.id, token);
    for (const event of [file, feed]) {
      expect(event.uid).toBe(`appointment-${talk.id}@min-vej`);
      expect(event.status).toBe("CANCELLED");
      expect(event.sequence).toBe(1);
      expect(event.lastModified.getTime()).toBeGreaterThan(talk.updatedAt.getTime());
    }
    expect(file.summary).toBe("Aflyst: Samtale om praktikken");
    expect(feed.summary).toBe("Aflyst: Samtale med din sagsbehandler");
  });
});
