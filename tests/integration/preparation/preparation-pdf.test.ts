import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aParticipant, aPerson } from "../../../db/builders";
import { action as partAction } from "~/features/preparation/routes/preparation-part";
import { loader as pdfLoader } from "~/features/preparation/routes/preparation-pdf";
import { loader as printLoader } from "~/features/preparation/routes/preparation-print";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";
import { PARTS } from "~/features/preparation/parts";

/** Every part but "about the meeting" is in the document. */
const PARTS_IN_DOCUMENT = PARTS.filter((part) => part.key !== "about_meeting").length;

// Each test makes the people it needs (db/builders.ts); nothing here depends on the demo seed.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

const GOOD_AT = "Jeg er god til at holde orden og til at tale med kunderne.";

/** Mette Hansen: a team meeting next week, "Uddannelse og arbejde" written. */
function aMette() {
  return aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withAppointment({ kind: "rehabiliteringsteam", title: "Møde med rehabiliteringsteamet" })
    .withPreparation([
      { part: "about_meeting", status: "done", version: 1 },
      { part: "education_work", status: "done", version: 2, answers: { education: "", work: "", goodAt: GOOD_AT } },
    ])
    .build(database.db);
}

async function readPdf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: true });
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  return { text: text.replace(/\s+/g, " "), info, bytes };
}

describe("the preparation as a PDF", () => {
  it("is a tagged PDF in Danish with the person's own words, æ, ø and å included", async () => {
    const mette = await cookieFor((await aMette()).demoKey);
    await run(partAction, post("/forberedelse/mine-spoergsmaal", { version: "0", questions: "Må min bror komme med? <b>Ja</b> 😊" }, mette), {
      part: "mine-spoergsmaal",
    });
    const response = (await run(pdfLoader, get("/forberedelse/forberedelse.pdf", mette))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="forberedelse.pdf"');
    const { text, info, bytes } = await readPdf(response);
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe("%PDF-1.7");
    expect(new TextDecoder("latin1").decode(bytes)).toContain("/MarkInfo");
    expect(info.Language).toBe("da-DK");
    expect(info.Title).toBe("Forberedelse til mødet – Mette Hansen");
    for (const expected of [
      "Forberedelse til mødet med rehabiliteringsteamet",
      "For Mette Hansen",
      "Mødet er",
      "Uddannelse og arbejde",
      GOOD_AT,
      "Mine spørgsmål til teamet",
      "Må min bror komme med? <b>Ja</b>",
      "Ikke udfyldt endnu",
      "Side 1 af",
    ]) {
      expect(text, expected).toContain(expected);
    }
    // Unanswered questions are listed once per part, not as "Ikke udfyldt" under each of them.
    expect((text.match(/Ikke udfyldt/g) ?? []).length).toBeLessThanOrEqual(PARTS_IN_DOCUMENT);
  });

  it("follows the person's language (English) and says calmly when nothing is written", async () => {
    // Another participant's words and meeting are in the same database, and must not appear.
    await aMette();
    const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan", preferredLanguage: "en" } })
      .withAppointment({ kind: "samtale", title: "Telefonsamtale med Sara", mode: "phone" })
      .build(database.db);
    const request = get("/forberedelse/forberedelse.pdf", await cookieFor(ali.demoKey));
    request.headers.set("Accept-Language", "en-GB,en;q=0.9");
    const response = (await run(pdfLoader, request)) as Response;
    const { text, info } = await readPdf(response);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="preparation.pdf"');
    expect(info.Language).toBe("en-GB");
    expect(text).toContain("Preparation for the meeting with the rehabilitation team");
    // Nothing written: each part says so once.
    expect((text.match(/Not filled in yet\./g) ?? []).length).toBe(PARTS_IN_DOCUMENT);
    expect((text.match(/Not filled in/g) ?? []).length).toBe(PARTS_IN_DOCUMENT);
    // Only a team meeting is "the meeting"; his phone call is not.
    expect(text).not.toContain("The meeting is on");
    expect(text).not.toContain("Mette");
  });

  it("is refused signed out, and for people without a programme (a relative, even with a grant)", async () => {
    expect(((await run(pdfLoader, get("/forberedelse/forberedelse.pdf"))) as Response).status).toBe(302);
    const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
    await aParticipant().withRelative(jonas, { scopes: ["preparation"] }).build(database.db);
    expect(((await run(pdfLoader, get("/forberedelse/forberedelse.pdf", await cookieFor(jonas.demoKey)))) as Response).status).toBe(404);
  });
});

describe("the print view", () => {
  it("has every part but Om mødet, and the person's name", async () => {
    const mette = await aMette();
    const data = unwrap(await run(printLoader, get("/forberedelse/udskriv", await cookieFor(mette.demoKey)))).data as {
      name: string;
      parts: { key: string }[];
      meetingAt: Date | null;
    };
    expect(data.name).toBe("Mette Hansen");
    expect(data.parts.map((part) => part.key)).toEqual(["education_work", "resources", "challenges", "abilities", "wishes", "network", "questions"]);
    expect(data.meetingAt).toBeInstanceOf(Date);
  });
});
