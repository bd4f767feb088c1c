import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import CaseworkerBriefingPage from "~/features/caseworker/routes/caseworker-briefing";
import { excerpt, firstOf } from "~/features/caseworker/excerpt";
import { printsWhole } from "~/features/caseworker/PrintBriefing";
import { PART_ORDER } from "~/features/caseworker/queries.server";
import type { BriefingView as Briefing, SharedProgress } from "~/features/caseworker/shared-progress";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";

/**
 * The printed caseworker briefing is one A4 page, also for a participant who shared everything
 * and wrote as much as every field allows. The page component is rendered with the real styles
 * and translations and printed by Chromium; the PDF's page count is the answer. To look at the
 * PDFs while tuning the limits in PrintBriefing.tsx: PRINT_PDF_DIR=/tmp npx vitest run <this file>.
 */

describe("excerpt", () => {
  it("keeps a short text as it is, on one line", () => {
    expect(excerpt("  Jeg kan\n\ngå  en tur ", 40)).toBe("Jeg kan gå en tur");
  });
  it("cuts a long text at a word boundary, within the limit, with an ellipsis", () => {
    const text = "Jeg vil gerne arbejde med mad, gerne i et køkken med faste tider og gode kolleger.";
    const cut = excerpt(text, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toBe("Jeg vil gerne arbejde med mad, gerne i…");
  });
  it("cuts one very long word inside the word", () => {
    const cut = excerpt("x".repeat(500), 50);
    expect(cut).toHaveLength(50);
    expect(cut.endsWith("…")).toBe(true);
  });
  it("counts what it leaves out of a list", () => {
    expect(firstOf([1, 2, 3, 4], 3)).toEqual({ shown: [1, 2, 3], more: 1 });
    expect(firstOf([1], 3)).toEqual({ shown: [1], more: 0 });
  });
});

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`caseworker-print: skipped, no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

const words = (length: number, seed: string) => {
  const base = `${seed} jeg skriver meget om det her, fordi det betyder noget for mig og min hverdag. `;
  return base.repeat(Math.ceil(length / base.length)).slice(0, length);
};
const paragraphs = (length: number, seed: string) => words(length, seed).replace(/\. /g, ".\n\n");
const at = new Date("2026-11-20T09:00:00Z");
const ABILITY_FIELDS = ["sitting", "concentration", "others", "transport", "energy"].flatMap((area) => [`${area}How`, `${area}Helps`]);

function fieldsOf(part: string): string[] {
  if (part === "abilities") return ABILITY_FIELDS;
  const parts = resources.da.preparation!.parts as Record<string, { fields?: Record<string, unknown> }>;
  return Object.keys(parts[part]?.fields ?? {});
}

const LEVELS = ["very_hard", "hard", "mixed", "fairly_good", "good"] as const;
const FACTORS = ["energy", "sleep", "company", "outdoors", "workBelief"] as const;
const byFactor = <T,>(value: (factor: (typeof FACTORS)[number], index: number) => T) =>
  Object.fromEntries(FACTORS.map((factor, index) => [factor, value(factor, index)])) as Record<(typeof FACTORS)[number], T>;

/**
 * "Sådan går det" as shared (issue 22): `months` months, each note `noteLength` long, and signs of
 * `signs` items of `signLength`.
 */
function progressOf(months: number, noteLength: number, signs: number, signLength: number): SharedProgress {
  return {
    months: Array.from({ length: months }, (_, index) => ({
      id: `s${index}`,
      month: `${2026 - Math.floor(index / 12)}-${String(12 - (index % 12)).padStart(2, "0")}-01`,
      levels: byFactor((_factor, factorIndex) => LEVELS[(index + factorIndex) % 5]!),
      notes: byFactor((factor) => (noteLength > 0 ? paragraphs(noteLength, `Om ${factor}`) : null)),
      whatHelps: noteLength > 0 ? paragraphs(noteLength, "Det hjælper") : null,
      somethingElse: noteLength > 0 ? paragraphs(noteLength, "Noget andet") : null,
      updatedAt: at,
      sharedAt: at,
    })),
    signs: signs > 0 ? { warningSigns: Array.from({ length: signs }, (_, index) => words(signLength, `Tegn ${index}`)), strategies: Array.from({ length: signs }, (_, index) => words(signLength, `Strategi ${index}`)), updatedAt: at, sharedAt: at } : null,
  };
}

/** Everything shared, every text at its longest, every list long. */
function worstCase(): Briefing {
  const meeting = { title: words(200, "Møde i rehabiliteringsteamet"), startsAt: new Date("2026-12-01T09:00:00Z"), endsAt: new Date("2026-12-01T10:30:00Z") };
  return {
    participant: {
      id: "00000000-0000-4000-8000-000000000001",
      name: "Mette Margrethe Christiansen-Hansen",
      programme: "ressourceforloeb",
      status: "active",
      startedOn: "2025-03-01",
      expectedEndOn: "2027-02-28",
      caseworkerName: "Sara Nielsen",
    },
    nextMeeting: {
      id: "m1",
      kind: "rehabiliteringsteam",
      mode: "in_person",
      ...meeting,
      placeName: words(120, "Jobcentret"),
      address: words(200, "Rådhusvej 1"),
      phoneNote: null,
      videoNote: null,
      supportPersonAllowed: true,
      questions: paragraphs(4000, "Spørgsmål"),
      notes: paragraphs(4000, "Noter"),
      preparedAt: at,
      attendees: Array.from({ length: 8 }, (_, index) => ({ name: `Fagperson Nummer ${index + 1}`, roleText: words(60, "Sundhedskoordinator") })),
      bisidders: Array.from({ length: 4 }, (_, index) => ({ name: `Pårørende Nummer ${index + 1}`, relation: "Søster" })),
    } as Briefing["nextMeeting"],
    absenceRequests: Array.from({ length: 6 }, (_, index) => ({
      id: `a${index}`,
      meeting: { ...meeting, id: `m${index}`, kind: "samtale", mode: "phone" } as Briefing["absenceRequests"][number]["meeting"],
      reason: paragraphs(2000, "Grund"),
      wishForNewTime: paragraphs(1000, "Ny tid"),
      createdAt: at,
    })),
    plan: {
      version: 7,
      updatedAt: at,
      employmentGoal: words(2000, "Beskæftigelsesmål"),
      ownGoal: paragraphs(2000, "Eget mål"),
      ownGoalUpdatedAt: at,
      ownGoalAuthorRole: "participant",
      lastReadVersion: 6,
      subGoals: Array.from({ length: 15 }, (_, index) => ({
        id: `g${index}`,
        title: words(200, `Delmål ${index + 1}`),
        status: "in_progress",
        participantStatus: "paused",
        participantComment: paragraphs(1000, "Kommentar"),
        participantUpdatedAt: at,
      })),
      questions: Array.from({ length: 10 }, (_, index) => ({ id: `q${index}`, planVersion: 7, comment: paragraphs(2000, "Uenig"), createdAt: at })),
    },
    preparation: PART_ORDER.map((part) => ({
      part,
      version: 4,
      sharedAt: at,
      answers: Object.fromEntries(fieldsOf(part).map((field) => [field, paragraphs(4000, field)])),
      tasks: Array.from({ length: 10 }, (_, index) => words(100, `Opgave ${index}`)),
      remarks: Array.from({ length: 20 }, (_, index) => ({
        id: `${part}-r${index}`,
        body: words(1000, "Bemærkning"),
        authorFirstName: "Jonas",
        authorRelation: "Bror",
        createdAt: at,
      })),
    })),
    cv: {
      sharedAt: at,
      changedSinceShared: true,
      summary: paragraphs(2000, "Kort om mig"),
      contact: { email: "mette.hansen@example.com", phone: "12 34 56 78", address: "Aarhus" },
      entries: Array.from({ length: 40 }, (_, index) => ({
        id: `e${index}`,
        kind: ["work", "education", "course", "skill"][index % 4]!,
        title: words(120, `Erfaring ${index}`),
        organisation: words(80, "Firma"),
        fromText: "2010",
        toText: "2015",
        isOngoing: false,
        level: null,
        category: null,
      })),
      wishes: {
        fields: Array.from({ length: 12 }, (_, index) => words(60, `Fag ${index}`)),
        hoursPerWeek: 15,
        hoursPerWeekMax: null,
        maxCommuteMinutes: 45,
        areas: words(300, "Aarhus og omegn"),
        accommodations: paragraphs(2000, "Skånehensyn"),
        tasks: Array.from({ length: 10 }, (_, index) => words(100, `Opgave ${index}`)),
      },
    },
    network: {
      sharedAt: at,
      stanceShared: true,
      people: Array.from({ length: 40 }, (_, index) => ({
        id: `p${index}`,
        name: `Person med et meget, meget langt navn nummer ${index}`,
        relation: words(60, "Tidligere kollega"),
        sector: "friends",
        closeness: "middle",
        helpKinds: ["practical", "emotional", "advice", "company"],
        stance: "both",
        wantedAtMeeting: true,
      })),
    },
    // Every month of a year shared, every note at its longest (500; the free texts 2000), 15 signs of 200.
    progress: { ...progressOf(12, 500, 15, 200), months: progressOf(12, 500, 0, 0).months.map((month) => ({ ...month, whatHelps: paragraphs(2000, "Det hjælper"), somethingElse: paragraphs(2000, "Noget andet") })) },
  };
}

/** A briefing built by `make(n)` with the largest n whose whole version is still chosen. */
function largestWhole(make: (n: number) => Briefing): Briefing {
  let n = 1;
  while (printsWhole(make(n + 1))) n += 1;
  expect(printsWhole(make(n)), "the smallest briefing of this shape prints whole").toBe(true);
  return make(n);
}

/** Many short things: each a line of its own. */
function manyShortThings(n: number): Briefing {
  const base = worstCase();
  return {
    ...base,
    nextMeeting: { ...base.nextMeeting!, title: "Samtale", placeName: "Jobcentret", address: null, questions: "Hvad så nu?", notes: null, attendees: [{ name: "Sara Nielsen", roleText: "Sagsbehandler" }], bisidders: [] },
    absenceRequests: [],
    plan: {
      ...base.plan!,
      employmentGoal: "Job i en butik",
      ownGoal: "Ud af døren",
      subGoals: base.plan!.subGoals.slice(0, 1 + (n % 5)).map((goal) => ({ ...goal, title: "Gå en tur", participantComment: "Det går" })),
      questions: [],
    },
    preparation: PART_ORDER.slice(0, Math.min(PART_ORDER.length, 1 + Math.floor(n / 3))).map((part) => ({
      part,
      version: 1,
      sharedAt: at,
      answers: Object.fromEntries(fieldsOf(part).map((field) => [field, "Ja, lidt."])),
      tasks: ["Lager"],
      remarks: [{ id: `${part}-r`, body: "Godt skrevet.", authorFirstName: "Jonas", authorRelation: "Bror", createdAt: at }],
    })),
    cv: { ...base.cv!, entries: base.cv!.entries.slice(0, n), wishes: { ...base.cv!.wishes!, fields: ["Lager"], areas: "Aarhus", accommodations: "Pauser", tasks: [] } },
    network: { ...base.network!, people: base.network!.people.slice(0, n).map((person, index) => ({ ...person, name: `Ven ${index}`, relation: "Ven" })) },
    progress: progressOf(1 + (n % 3), 0, Math.min(n, 15), 20),
  };
}

/** A few long texts: every shared answer grows. */
function fewLongTexts(n: number): Briefing {
  const base = worstCase();
  return {
    ...base,
    nextMeeting: { ...base.nextMeeting!, title: "Møde i rehabiliteringsteamet", placeName: "Jobcentret", address: "Rådhusvej 1", questions: paragraphs(20 * n, "Spørgsmål"), notes: paragraphs(10 * n, "Noter"), attendees: base.nextMeeting!.attendees.slice(0, 3), bisidders: base.nextMeeting!.bisidders.slice(0, 1) },
    absenceRequests: base.absenceRequests.slice(0, 1).map((absence) => ({ ...absence, meeting: { ...absence.meeting, title: "Samtale" }, reason: paragraphs(5 * n, "Grund") })),
    plan: { ...base.plan!, employmentGoal: words(5 * n, "Mål"), ownGoal: paragraphs(10 * n, "Eget mål"), subGoals: base.plan!.subGoals.slice(0, 3).map((goal) => ({ ...goal, title: "Komme op og ud af døren tre morgener om ugen", participantComment: paragraphs(3 * n, "Kommentar") })), questions: base.plan!.questions.slice(0, 1).map((question) => ({ ...question, comment: paragraphs(3 * n, "Uenig") })) },
    preparation: PART_ORDER.slice(0, 4).map((part) => ({
      part,
      version: 2,
      sharedAt: at,
      answers: Object.fromEntries(fieldsOf(part).slice(0, 2).map((field) => [field, paragraphs(10 * n, field)])),
      tasks: [],
      remarks: [],
    })),
    cv: { ...base.cv!, entries: base.cv!.entries.slice(0, 4), wishes: { ...base.cv!.wishes!, fields: ["Lager", "Butik"], areas: "Aarhus", accommodations: paragraphs(5 * n, "Skånehensyn") } },
    network: { ...base.network!, people: base.network!.people.slice(0, 6) },
    progress: progressOf(1, n, 1, n),
  };
}

const css = ["app/styles/app.css", "app/features/caseworker/caseworker.css", "app/features/caseworker/progress-briefing.css"].map((file) => readFileSync(file, "utf8")).join("\n");

function pageHtml(briefing: Briefing, language: "da" | "en"): string {
  const i18n = createI18n(language, resources[language]);
  const props = { loaderData: { briefing, printedAt: at, proposals: [] } } as unknown as Parameters<typeof CaseworkerBriefingPage>[0];
  const body = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(CaseworkerBriefingPage, props)));
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><style>${css}</style></head><body><main class="container main">${body}</main></body></html>`;
}

describe.skipIf(!haveChromium)("the printed caseworker briefing", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function print(html: string): Promise<{ pages: number; text: string }> {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: "load" });
      const pdf = await page.pdf({ preferCSSPageSize: true });
      if (process.env.PRINT_PDF_DIR) writeFileSync(path.join(process.env.PRINT_PDF_DIR, `briefing-${Date.now()}.pdf`), pdf);
      await page.emulateMedia({ media: "print" });
      const text = await page.locator("body").innerText();
      return { pages: Number(/\/Count (\d+)/.exec(pdf.toString("latin1"))?.[1]), text };
    } finally {
      await page.close();
    }
  }

  for (const language of ["da", "en"] as const) {
    it(`fits on one A4 page when everything is shared and every field is full (${language})`, async () => {
      const { pages, text } = await print(pageHtml(worstCase(), language));
      expect(pages).toBe(1);
      // The short version says what it left out, and where the whole text is.
      expect(text).toContain(language === "da" ? "og 12 mere, se skærmen" : "and 12 more, see the screen");
      // Sådan går det: the newest month's words per factor, and the lists' first words.
      expect(text).toContain(language === "da" ? "december 2026 (den nyeste af 12): Energi: Meget svært" : "December 2026 (the newest of 12): Energy: Very hard");
      expect(text).toContain(language === "da" ? "Tegn: Tegn 0 jeg" : "Signs: Tegn 0 jeg");
      expect(text).toContain(language === "da" ? "Hele teksten står i Min Vej" : "The whole text is in Min Vej");
      expect(text).toContain("…");
      // The full answers are not printed.
      expect(text).not.toContain(paragraphs(400, "goodAt").replace(/\s+/g, " ").trim());
    }, 30_000);
  }

  for (const [shape, make] of [
    ["many short things", manyShortThings],
    ["a few long texts", fewLongTexts],
  ] as const) {
    it(`prints whole, uncut and on one page, up to the largest briefing of ${shape} it chooses to`, async () => {
      const briefing = largestWhole(make);
      for (const language of ["da", "en"] as const) {
        const { pages, text } = await print(pageHtml(briefing, language));
        expect(pages, language).toBe(1);
        expect(text).not.toContain("…");
        expect(text).not.toContain(language === "da" ? "Kort udgave" : "Short version");
      }
      // One step more and the short version takes over.
      expect(printsWhole(make(1000))).toBe(false);
    }, 60_000);
  }

  it("prints the full text nowhere but the screen: the print view hides the long version", async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(pageHtml(worstCase(), "da"));
      await page.emulateMedia({ media: "print" });
      await expect.poll(() => page.locator(".cw-briefing__body").isVisible()).toBe(false);
      await expect.poll(() => page.locator(".cw-print").isVisible()).toBe(true);
      await page.emulateMedia({ media: "screen" });
      await expect.poll(() => page.locator(".cw-briefing__body").isVisible()).toBe(true);
      await expect.poll(() => page.locator(".cw-print").isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  }, 30_000);
});
