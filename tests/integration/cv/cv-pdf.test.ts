import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cvProfiles, workWishes } from "../../../db/schema/cv";
import { persons } from "../../../db/schema/people";
import { saveTaskSuggestions } from "~/features/cv/task-suggestions.server";
import { loader as pdfLoader } from "~/features/cv/routes/cv-pdf";
import { loader as previewLoader } from "~/features/cv/routes/cv-preview";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { get } from "../../support/requests";
import { run } from "../../support/routes";
import { aCvLikeAlis, aCvLikeMettes, aRelativeCookie, type CvPerson } from "./cv-people";

// Each test builds the people it reads (./cv-people.ts, db/builders.ts); no demo seed.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

async function readPdf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const pdf = await getDocumentProxy(bytes.slice());
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  return { text: text.replace(/\s+/g, " "), totalPages, info, bytes };
}

async function pdfOf(mette: CvPerson) {
  const response = (await run(pdfLoader, get("/cv/cv.pdf", mette.cookie))) as Response;
  expect(response.status).toBe(200);
  return { response, ...(await readPdf(response)) };
}

describe("the CV as a PDF", () => {
  it("has real text in reading order, in Danish, with the document language set", async () => {
    const mette = await aCvLikeMettes(database);
    await database.db
      .insert(workWishes)
      .values({ participantId: mette.participantId, fields: ["Butik", "Lager"], hoursPerWeek: 12, accommodations: "Ingen tunge løft" });
    await saveTaskSuggestions(mette.participantId, ["Sætte varer på hylder", "Pakke ordrer", "Tage imod kunder"], { personId: mette.personId });
    const { response, text, info, bytes } = await pdfOf(mette);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="mit-cv.pdf"');
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe("%PDF-1.7");
    expect(info.Language).toBe("da-DK");
    expect(info.Title).toBe("CV: Mette Hansen");
    const expected = [
      "Mette Hansen",
      "E-mail: mette.hansen@example.org",
      "Telefon: +45 11 22 33 01",
      "Erhvervserfaring",
      "Butiksassistent",
      "Købmandsgården, Solbjerg · 2012 – 2019",
      "Uddannelse og kurser",
      "Hygiejnebevis for fødevarebranchen",
      "Kompetencer",
      "Faglige kompetencer",
      "Kundeservice",
      "Personlige kompetencer",
      "Omhyggelig og stabil",
      "Sprog",
      "Dansk: Modersmål",
      "Kørekort til bil (B)",
      "Jobønsker",
      "Slags arbejde: Butik, Lager",
      "Timer om ugen: 12 timer",
      "Opgaver, jeg gerne vil prøve",
      "Pakke ordrer",
      "Side 1 af 1",
    ];
    for (const part of expected) expect(text, part).toContain(part);
    // Reading order: the sections come in the order a reader expects.
    const positions = ["Mette Hansen", "Erhvervserfaring", "Uddannelse og kurser", "Kompetencer", "Sprog", "Jobønsker"].map((part) => text.indexOf(part));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Skånehensyn are not on the CV unless the participant chooses; no CPR number ever.
    expect(text).not.toContain("Ingen tunge løft");
    expect(text).not.toContain("Skånehensyn");
    const [{ cpr }] = (await database.db.select({ cpr: persons.cpr }).from(persons).where(eq(persons.id, mette.personId))) as [{ cpr: string }];
    expect(text).not.toContain(cpr);
    expect(text).not.toContain(cpr.slice(0, 6));
  });

  it("shows only the contact details and accommodations the participant chose", async () => {
    const mette = await aCvLikeMettes(database);
    await database.db
      .update(cvProfiles)
      .set({ contactVisibility: { email: false, phone: true, address: true }, address: "Solbjerg", summary: `<script>alert("x")</script> Øl & "æbler"` })
      .where(eq(cvProfiles.participantId, mette.participantId));
    await database.db
      .insert(workWishes)
      .values({ participantId: mette.participantId, fields: ["Butik", "Lager"], hoursPerWeek: 12, accommodations: "Ingen tunge løft", showAccommodationsOnCv: true });
    const { text } = await pdfOf(mette);
    expect(text).not.toContain("mette.hansen@example.org");
    expect(text).toContain("Adresse: Solbjerg");
    expect(text).toContain("Skånehensyn: Ingen tunge løft");
    expect(text).toContain(`<script>alert("x")</script> Øl & "æbler"`);

    // The preview gets exactly the same: hidden details never reach the page.
    const preview = (await run(previewLoader, get("/cv/vis", mette.cookie))) as { doc: { contact: { email: string | null } } };
    expect(preview.doc.contact.email).toBeNull();
  });

  it("follows the person's language (Ali: English)", async () => {
    const ali = await aCvLikeAlis(database);
    const request = get("/cv/cv.pdf", ali.cookie);
    request.headers.set("Accept-Language", "en-GB,en;q=0.9");
    const response = (await run(pdfLoader, request)) as Response;
    const { text, info } = await readPdf(response);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="my-cv.pdf"');
    expect(info.Language).toBe("en-GB");
    for (const part of ["Ali Hassan", "Work experience", "Elektriker", "Languages", "Arabisk: Mother tongue", "Page 1 of 1"]) {
      expect(text, part).toContain(part);
    }
  });

  it("is refused signed out, and for people without a programme", async () => {
    expect(((await run(pdfLoader, get("/cv/cv.pdf"))) as Response).status).toBe(302);
    expect(((await run(pdfLoader, get("/cv/cv.pdf", await aRelativeCookie(database)))) as Response).status).toBe(404);
  });
});
