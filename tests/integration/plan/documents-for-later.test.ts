import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plans } from "../../../db/schema";
import { formatDocumentDate, formatMomentDay } from "~/lib/dates";
import { withoutEmoji } from "~/lib/pdf.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { loader as pdfLoader } from "~/features/plan/routes/plan-pdf";
import PlanPrintPage, { loader as printLoader } from "~/features/plan/routes/plan-print";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { get } from "../../support/requests";
import { run } from "../../support/routes";
import { aPlanLikeMettes, type PlanPerson } from "./plan-people";

// Issue 14, point 13: a document is read later and printed with fonts that have no emoji. It never
// says "i dag"/"i går" (the full date instead), and a person's emoji never become empty boxes or "?".

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

async function planPdfText(person: PlanPerson) {
  const response = (await run(pdfLoader, get("/min-plan/min-plan.pdf", person.cookie))) as Response;
  expect(response.status).toBe(200);
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("documents are read later", () => {
  it("the plan PDF gives the full date of a change made today, never 'i dag'", async () => {
    const mette = await aPlanLikeMettes(database);
    const now = new Date();
    await database.db.update(plans).set({ updatedAt: now, ownGoalUpdatedAt: now }).where(eq(plans.id, mette.planId));
    const text = await planPdfText(mette);
    expect(text).not.toMatch(/\bi dag\b|\bi går\b/i);
    expect(text).toContain(`Opdateret ${formatDocumentDate(now, "da")} kl.`);
  });

  it("the print view gives full dates too: the change, the own goal and her marks", async () => {
    const mette = await aPlanLikeMettes(database);
    const now = new Date();
    await database.db.update(plans).set({ updatedAt: now, ownGoalUpdatedAt: now }).where(eq(plans.id, mette.planId));
    const loaderData = await run(printLoader, get("/min-plan/udskriv", mette.cookie));
    for (const language of ["da", "en"] as const) {
      const Stub = createRoutesStub([{ id: "print", path: "/min-plan/udskriv", Component: PlanPrintPage as never, loader: () => loaderData }]);
      const i18n = createI18n(language, resources[language] as never);
      const html = renderToString(
        createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: ["/min-plan/udskriv"], hydrationData: { loaderData: { print: loaderData } } })),
      );
      const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      expect(text, language).not.toMatch(language === "da" ? /\bi dag\b|\bi går\b/i : /\btoday\b|\byesterday\b/i);
      expect(text, language).toContain(formatMomentDay(now, language));
    }
  });

  it("a person's emoji in the plan PDF are left out, never a box or '?'", async () => {
    const mette = await aPlanLikeMettes(database);
    await database.db.update(plans).set({ ownGoal: "Jeg vil gerne i praktik 💪 og have det godt 😊." }).where(eq(plans.id, mette.planId));
    const text = await planPdfText(mette);
    expect(text).toContain("Jeg vil gerne i praktik og have det godt.");
    expect(text).not.toMatch(/\p{Extended_Pictographic}|\?\?|praktik \? og/u);
  });

  it("the emoji rule keeps every other character", () => {
    expect(withoutEmoji("Æbler 🍎🍏, pærer og blåbær 👍🏽!")).toBe("Æbler, pærer og blåbær!");
    expect(withoutEmoji("Familie 👨‍👩‍👧 og 🇩🇰")).toBe("Familie og");
    expect(withoutEmoji("Helt almindelig tekst – med »citat« og 100 %")).toBe("Helt almindelig tekst – med »citat« og 100 %");
  });
});
