// The checkers behind the content quality gates (content-pages.test.ts), tried on bad samples:
// a gate that cannot fail is a defect.
import { describe, expect, it } from "vitest";
import { copyProblems, firstUseProblems, linkProblems, pageLix, type LinkTargets } from "~/features/content/checks";
import { lix, longSentences, sentencesOf, wordsOf } from "~/features/content/lix";
import { linkTargets, renderMarkdown, slugify } from "~/features/content/markdown.server";
import { glossaryTermsOf, parsePage } from "~/features/content/page-parser.server";

const frontMatter = (extra = "") => `---
title: "Prøve"
summary: "En kort side til test."
lastReviewed: "2026-11-01"
sources:
  - title: "borger.dk"
    url: "https://www.borger.dk/"
related: [mentor]
${extra}---
`;
const sample = (body: string) => parsePage(frontMatter() + body, "mentor", "da");

const glossary = glossaryTermsOf(
  parsePage(
    `${frontMatter("aliases:\n  jobcenter: [\"jobcentr\"]\n")}
## Bisidder

En bisidder er en, du tager med.

## Sagsbehandler

En person i kommunen.

## Koordinerende sagsbehandler

Din faste person.

## Jobcenter

Den del af kommunen, der hjælper med job.
`,
    "ordliste",
    "da",
  ),
);

describe("LIX", () => {
  it("follows the formula: words per sentence + 100 × long words / words", () => {
    // 8 words, 2 sentences, 2 long words (kommunen, afgørelse): 8 / 2 + 100 × 2 / 8 = 4 + 25 = 29
    expect(lix(["Kommunen tager en afgørelse.", "Du får et brev."])).toEqual({ lix: 29, words: 8, sentences: 2, longWords: 2 });
  });

  it("a page full of long words and long sentences scores over 35", () => {
    const page = sample(
      "Beskæftigelsesindsatsen koordineres tværfagligt og helhedsorienteret mellem forvaltningerne, rehabiliteringsteamet og sundhedskoordinatoren i overensstemmelse med lovgivningen.",
    );
    expect(pageLix(page).lix).toBeGreaterThan(35);
  });

  it("does not end a sentence at a date or a lower-case word after a full stop", () => {
    expect(sentencesOf("Mødet er den 23. november. Kom i god tid.")).toHaveLength(2);
    expect(wordsOf("Ring 70 201 201 eller skriv en e-mail.")).toHaveLength(8);
  });
});

describe("sentence length and banned words", () => {
  it("finds a sentence over 20 words", () => {
    const long = "Du kan altid ringe til din sagsbehandler hvis du har spørgsmål om din plan eller dine møder eller andet som du tænker på lige nu.";
    expect(longSentences([long])).toHaveLength(1);
    expect(copyProblems(sample(long))[0]).toMatch(/sentence of 2\d words/);
  });

  it("counts a quoted name or title as one word", () => {
    const quoted =
      "Skriv »Tilgængelighed i Min Vej og alt det andet vi gerne vil vide om siden og om dig« som emne, når du skriver til os.";
    expect(longSentences([quoted])).toEqual([]);
  });

  it("finds the words we never use, and formal De/Dem/Deres", () => {
    const problems = copyProblems(sample("Klienten er svag. De kan kontakte os, jf. reglerne. Såfremt du vil, kan du ringe."));
    expect(problems.join("\n")).toMatch(/klient/);
    expect(problems.join("\n")).toMatch(/svag/);
    expect(problems.join("\n")).toMatch(/De\|Dem\|Deres/);
    expect(problems.join("\n")).toMatch(/jf/);
    expect(problems.join("\n")).toMatch(/såfremt/);
    expect(copyProblems(sample("Du kan ringe til os. Vi hjælper dig gerne."))).toEqual([]);
  });
});

describe("first-use links", () => {
  it("asks for a link at the first use of a programme word", () => {
    const problems = firstUseProblems(sample("Du må tage en bisidder med. Din [bisidder](/ordliste#bisidder) kan støtte dig."), glossary);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/first use of "bisidder" should link to \/ordliste#bisidder/);
  });

  it("is satisfied by a link at first use, and by an alias (jobcentret)", () => {
    expect(firstUseProblems(sample("Tag en [bisidder](/ordliste#bisidder) med. Bisidderen lytter."), glossary)).toEqual([]);
    expect(firstUseProblems(sample("Spørg i [jobcentret](/ordliste#jobcenter)."), glossary)).toEqual([]);
    expect(firstUseProblems(sample("Spørg i jobcentret."), glossary)).toHaveLength(1);
  });

  it("a longer linked term introduces the shorter one inside it", () => {
    const page = sample("Din [koordinerende sagsbehandler](/ordliste#koordinerende-sagsbehandler) ringer. Din sagsbehandler hjælper.");
    expect(firstUseProblems(page, glossary)).toEqual([]);
  });
});

describe("links", () => {
  const targets: LinkTargets = {
    pages: new Map([
      ["/ordliste", new Set(["bisidder"])],
      ["/om/mentor", new Set(["hvem-er-mentoren"])],
    ]),
    paths: new Set(["/", "/hjaelp"]),
  };
  const page = { slug: "mentor", language: "da" } as const;

  it("accepts pages, anchors, other addresses, https, tel and mailto", () => {
    expect(
      linkProblems(page, ["/ordliste#bisidder", "/om/mentor", "/hjaelp", "https://www.borger.dk/", "tel:112", "mailto:a@b.dk"], targets),
    ).toEqual([]);
  });

  it("reports a page that does not exist, a missing anchor, http and relative links", () => {
    const problems = linkProblems(
      page,
      ["/om/findes-ikke", "/ordliste#findes-ikke", "http://www.borger.dk/", "ordliste", "/hjaelp#numre"],
      targets,
    );
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/no page answers \/om\/findes-ikke/);
    expect(problems.join("\n")).toMatch(/\/ordliste has no #findes-ikke/);
    expect(problems.join("\n")).toMatch(/not https/);
    expect(problems.join("\n")).toMatch(/relative link/);
  });

  it("reads every link of a page, in order", () => {
    expect(linkTargets(sample("[a](/om/mentor) og [b](https://star.dk/) og *[c](/ordliste#bisidder)*").tokens)).toEqual([
      "/om/mentor",
      "https://star.dk/",
      "/ordliste#bisidder",
    ]);
  });
});

describe("front matter and Markdown", () => {
  it("refuses a page without last-reviewed date, without sources, or with an http source", () => {
    const noDate = frontMatter().replace(/lastReviewed:.*\n/, "");
    expect(() => parsePage(`${noDate}Tekst.`, "mentor", "da")).toThrow(/lastReviewed/);
    const noSources = frontMatter().replace(/sources:[\s\S]*?related/, "sources: []\nrelated");
    expect(() => parsePage(`${noSources}Tekst.`, "mentor", "da")).toThrow(/sources/);
    const http = frontMatter().replace("https://www.borger.dk/", "http://www.borger.dk/");
    expect(() => parsePage(`${http}Tekst.`, "mentor", "da")).toThrow(/sources\.0\.url/);
    expect(() => parsePage(`${frontMatter("extra: 1\n")}Tekst.`, "mentor", "da")).toThrow();
  });

  it("escapes raw HTML and gives headings ids", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n## Før mødet\n\n## Ord {#ord}\n\n<a href="x" onclick="y">z</a>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<a href");
    expect(html).toContain('<h2 id="foer-moedet">');
    expect(html).toContain('<h2 id="ord">Ord</h2>');
    expect(slugify("Rehabiliteringsteamet – før mødet")).toBe("rehabiliteringsteamet-foer-moedet");
  });
});
