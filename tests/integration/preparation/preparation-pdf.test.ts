import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as partAction } from "~/features/preparation/routes/preparation-part";
import { loader as pdfLoader } from "~/features/preparation/routes/preparation-pdf";
import { loader as printLoader } from "~/features/preparation/routes/preparation-print";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";
import { PARTS } from "~/features/preparation/parts";

/** Every part but "about the meeting" is in the document. */
const PARTS_IN_DOCUMENT = PARTS.filter((part) => part.key !== "about_meeting").length;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function readPdf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: true });
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  return { text: text.replace(/\s+/g, " "), info, bytes };
}

describe("the preparation as a PDF", () => {
  it("is a tagged PDF in Danish with Mette's own words, æ, ø and å included", async () => {
    const mette = await cookieFor("mette");
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
      "Jeg er god til at holde orden og til at tale med kunderne.",
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

  it("follows the person's language (Ali: English) and says calmly when nothing is written", async () => {
    const request = get("/forberedelse/forberedelse.pdf", await cookieFor("ali"));
    request.headers.set("Accept-Language", "en-GB,en;q=0.9");
    const response = (await run(pdfLoader, request)) as Response;
    const { text, info } = await readPdf(response);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="preparation.pdf"');
    expect(info.Language).toBe("en-GB");
    expect(text).toContain("Preparation for the meeting with the rehabilitation team");
    // Nothing written: each part says so once.
    expect((text.match(/Not filled in yet\./g) ?? []).length).toBe(PARTS_IN_DOCUMENT);
    expect((text.match(/Not filled in/g) ?? []).length).toBe(PARTS_IN_DOCUMENT);
    expect(text).not.toContain("The meeting is on");
    expect(text).not.toContain("Mette");
  });

  it("is refused signed out, and for people without a programme", async () => {
    expect(((await run(pdfLoader, get("/forberedelse/forberedelse.pdf"))) as Response).status).toBe(302);
    expect(((await run(pdfLoader, get("/forberedelse/forberedelse.pdf", await cookieFor("jonas")))) as Response).status).toBe(404);
  });
});

describe("the print view", () => {
  it("has every part but Om mødet, and the person's name", async () => {
    const data = unwrap(await run(printLoader, get("/forberedelse/udskriv", await cookieFor("mette")))).data as {
      name: string;
      parts: { key: string }[];
      meetingAt: Date | null;
    };
    expect(data.name).toBe("Mette Hansen");
    expect(data.parts.map((part) => part.key)).toEqual(["education_work", "resources", "challenges", "abilities", "wishes", "network", "questions"]);
    expect(data.meetingAt).toBeInstanceOf(Date);
  });
});
