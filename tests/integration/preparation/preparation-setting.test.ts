import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aParticipant } from "../../../db/builders";
import { loader as aboutLoader } from "~/features/preparation/routes/preparation-about";
import { loader as listLoader } from "~/features/preparation/routes/preparation";
import { loader as pdfLoader } from "~/features/preparation/routes/preparation-pdf";
import { loader as printLoader } from "~/features/preparation/routes/preparation-print";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get } from "../../support/requests";
import { run, unwrap } from "../../support/routes";

// Issue 19: "Forbered dit møde" prepares the person for what their municipality does. Solbjerg
// (the demo file's first) keeps a rehabiliteringsteam; Fjordby does not, and its participants
// prepare for the samlet beskrivelse. Each test makes the people it needs.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

const DAY = 86_400_000;
const TEAM_MEETING = { kind: "rehabiliteringsteam", title: "Møde med rehabiliteringsteamet" } as const;
const DESCRIPTION_TALK = { kind: "samlet_beskrivelse", title: "Samtale om din samlede beskrivelse" } as const;

/** A participant with both kinds of meeting booked: the team's in 5 days, the talk about the description in 10. */
async function aParticipantIn(municipalityKey: "solbjerg" | "fjordby") {
  const built = await aParticipant({ person: { firstName: "Nanna", lastName: "Holm" }, participant: { municipalityKey } })
    .withAppointment({ ...TEAM_MEETING, startsAt: new Date(Date.now() + 5 * DAY), attendees: [{ name: "Karin Vestergaard", roleText: "Leder mødet" }] })
    .withAppointment({ ...DESCRIPTION_TALK, startsAt: new Date(Date.now() + 10 * DAY), attendees: [{ name: "Anders Krogh", roleText: "Din koordinerende sagsbehandler" }] })
    .build(database.db);
  return { ...built, cookie: await cookieFor(built.demoKey) };
}

async function pdfText(cookie: string) {
  const response = (await run(pdfLoader, get("/forberedelse/forberedelse.pdf", cookie))) as Response;
  expect(response.status).toBe(200);
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  return { text: (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " "), subject: info.Subject };
}

describe("the meeting the preparation is for", () => {
  it("with a team: the next rehabiliteringsteam meeting (task list, Om mødet, print)", async () => {
    const person = await aParticipantIn("solbjerg");
    const list = unwrap(await run(listLoader, get("/forberedelse", person.cookie))).data as { meeting: { id: string } | null };
    expect(list.meeting?.id).toBe(person.appointmentIds[0]);
    const about = unwrap(await run(aboutLoader, get("/forberedelse/om-moedet", person.cookie))).data as {
      meeting: { title: string; attendees: { name: string }[] };
    };
    expect(about.meeting.title).toBe(TEAM_MEETING.title);
    expect(about.meeting.attendees.map((attendee) => attendee.name)).toEqual(["Karin Vestergaard"]);
    const print = unwrap(await run(printLoader, get("/forberedelse/udskriv", person.cookie))).data as { meetingAt: Date | null };
    expect(print.meetingAt?.getTime()).toBeLessThan(Date.now() + 6 * DAY);
  });

  it("without a team: the next talk about the samlet beskrivelse, never the team's", async () => {
    const person = await aParticipantIn("fjordby");
    const list = unwrap(await run(listLoader, get("/forberedelse", person.cookie))).data as { meeting: { id: string } | null };
    expect(list.meeting?.id).toBe(person.appointmentIds[1]);
    const about = unwrap(await run(aboutLoader, get("/forberedelse/om-moedet", person.cookie))).data as {
      meeting: { title: string; attendees: { name: string }[] };
    };
    expect(about.meeting.title).toBe(DESCRIPTION_TALK.title);
    expect(about.meeting.attendees.map((attendee) => attendee.name)).toEqual(["Anders Krogh"]);
    const print = unwrap(await run(printLoader, get("/forberedelse/udskriv", person.cookie))).data as { meetingAt: Date | null };
    expect(print.meetingAt?.getTime()).toBeGreaterThan(Date.now() + 9 * DAY);
  });

  it("without a team and with only a team meeting booked: no meeting, said calmly", async () => {
    const built = await aParticipant({ participant: { municipalityKey: "fjordby" } }).withAppointment(TEAM_MEETING).build(database.db);
    const list = unwrap(await run(listLoader, get("/forberedelse", await cookieFor(built.demoKey)))).data as { meeting: unknown };
    expect(list.meeting).toBeNull();
  });
});

describe("the PDF follows the setting", () => {
  it("with a team: the team's heading and question title", async () => {
    const { text, subject } = await pdfText((await aParticipantIn("solbjerg")).cookie);
    expect(subject).toBe("Forberedelse til mødet med rehabiliteringsteamet");
    for (const expected of ["Forberedelse til mødet med rehabiliteringsteamet", "Mine spørgsmål til teamet", "Mødet er"]) expect(text, expected).toContain(expected);
    expect(text).not.toContain("samlede beskrivelse");
  });

  it("without a team: prepared for the samlet beskrivelse, no team anywhere", async () => {
    const { text, subject } = await pdfText((await aParticipantIn("fjordby")).cookie);
    expect(subject).toBe("Forberedelse til den samlede beskrivelse");
    for (const expected of ["Forberedelse til den samlede beskrivelse", "Mine spørgsmål til kommunen", "Mødet er"]) expect(text, expected).toContain(expected);
    expect(text).not.toMatch(/team/i);
    expect(text).not.toContain("{{");
  });
});
