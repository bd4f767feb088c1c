import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aPerson } from "../../../db/builders";
import { plans } from "../../../db/schema";
import { toWinAnsi } from "~/lib/pdf.server";
import { loader as pdfLoader } from "~/features/plan/routes/plan-pdf";
import { loader as printLoader } from "~/features/plan/routes/plan-print";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get } from "../../support/requests";
import { run } from "../../support/routes";
import { aPlanLikeAlis, aPlanLikeMettes } from "./plan-people";

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
  // Line breaks in the PDF fall where the page is full: compare text with single spaces.
  return { text: text.replace(/\s+/g, " "), totalPages, info, bytes };
}

describe("the plan as a PDF", () => {
  it("is a real PDF with real text: Mette's whole plan in Danish, æ, ø and å included", async () => {
    const mette = await aPlanLikeMettes(database);
    await aPlanLikeAlis(database);
    const response = (await run(pdfLoader, get("/min-plan/min-plan.pdf", mette.cookie))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="min-plan-v3.pdf"');
    const { text, totalPages, info, bytes } = await readPdf(response);
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe("%PDF-1.7");
    expect(totalPages).toBeGreaterThanOrEqual(2);
    expect(info.Title).toBe("Plan for Mette Hansen");
    expect(info.Language).toBe("da-DK");
    for (const expected of [
      "Plan for Mette Hansen",
      "Version 3. Opdateret",
      "af Sara Nielsen",
      "Med dine egne ord",
      "Jeg vil gerne have en hverdag, hvor jeg kommer ud af døren og føler, jeg bidrager.",
      "Målet i din plan",
      "Job i en mindre butik eller på et lager med faste opgaver, 15-20 timer om ugen",
      "Lære at styre min energi med hjælp fra smerteskolen",
      "Status i planen: I gang",
      "Virksomhedspraktik i Genbrugsbutikken Anden Chance (Virksomhedspraktik)",
      "Timer om ugen: 8 timer",
      "I en virksomhedspraktik prøver du at arbejde på en rigtig arbejdsplads",
      "Lars tager bussen med dig ud til genbrugsbutikken",
      "Din koordinerende sagsbehandler.",
      "+45 11 22 30 11",
      "Mandag til torsdag kl. 9-12.",
      "Side 1 af",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain("elektriker");
  });

  it("follows the person's language (Ali: English), with the jobcentre's Danish text as written", async () => {
    // Ali prefers English (the sign-in sets the language cookie; here his browser asks for it).
    await aPlanLikeMettes(database);
    const request = get("/min-plan/min-plan.pdf", (await aPlanLikeAlis(database)).cookie);
    request.headers.set("Accept-Language", "en-GB,en;q=0.9");
    const response = (await run(pdfLoader, request)) as Response;
    const { text, info } = await readPdf(response);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="my-plan-v1.pdf"');
    expect(info.Language).toBe("en-GB");
    expect(info.Title).toBe("Plan for Ali Hassan");
    for (const expected of ["Your goal", "In your own words", "I want to get back to work as an electrician", "Arbejde som elektriker igen", "Hours per week: 10 hours", "Page 1 of"]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain("Genbrugsbutikken");
  });

  it("shows what the person typed as text, markup and all", async () => {
    const mette = await aPlanLikeMettes(database);
    const typed = `<script>alert("hej")</script> Øl & "æbler" – 😊 ok`;
    await database.db.update(plans).set({ ownGoal: typed }).where(eq(plans.id, mette.planId));
    const { text } = await readPdf((await run(pdfLoader, get("/min-plan/min-plan.pdf", mette.cookie))) as Response);
    expect(text).toContain(`<script>alert("hej")</script> Øl & "æbler" –`);
  });

  it("without an embedded font, the built-in Helvetica keeps æøå and replaces what it cannot draw", () => {
    expect(toWinAnsi("Blåbærgrød – “Øl” € 😊 ł")).toBe("Blåbærgrød – “Øl” € ? ?");
  });

  it("is refused signed out, and for people without a programme", async () => {
    const signedOut = (await run(pdfLoader, get("/min-plan/min-plan.pdf"))) as Response;
    expect(signedOut.status).toBe(302);
    // A relative, say: signed in, but in no programme.
    const relative = await aPerson({ firstName: "Jonas" }).build(database.db);
    const jonas = (await run(pdfLoader, get("/min-plan/min-plan.pdf", await cookieFor(relative.demoKey)))) as Response;
    expect(jonas.status).toBe(404);
  });
});

describe("the print view", () => {
  it("has the whole plan and the person's name", async () => {
    const mette = await aPlanLikeMettes(database);
    const data = (await run(printLoader, get("/min-plan/udskriv", mette.cookie))) as Exclude<
      Awaited<ReturnType<typeof printLoader>>,
      Response
    >;
    expect(data.name).toBe("Mette Hansen");
    expect(data.view?.subGoals).toHaveLength(3);
    expect(data.view?.activities).toHaveLength(3);
    expect(data.view?.agreements).toHaveLength(3);
    expect(data.view?.contacts).toHaveLength(4);
  });
});
