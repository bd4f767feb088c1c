// /ordliste (issue 14, point 10): an A–Å index near the top links to a heading per letter; letters
// without words are shown but are not links; every word keeps its #anchor (other pages link to
// /ordliste#bisidder); the words stay in the page's order. Rendered through the route the URL map
// names, so it fails while /ordliste is one long list without an index.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import routes from "~/routes";
import { DANISH_ALPHABET, glossaryIndex, letterId, letterOf } from "~/features/content/glossary";
import { allPages } from "~/features/content/pages.server";
import { glossaryTermsOf } from "~/features/content/page-parser.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { routeArgs } from "../../support/requests";

type Language = "da" | "en";

describe("the letter index (pure)", () => {
  it("files a word under its first letter, Danish letters included", () => {
    expect(letterOf("førtidspension")).toBe("F");
    expect(letterOf(" ødelagt")).toBe("Ø");
    expect(letterOf("århus")).toBe("Å");
    expect(letterId("Æ")).toBe("bogstav-ae");
    expect(letterId("Ø")).toBe("bogstav-oe");
    expect(letterId("Å")).toBe("bogstav-aa");
    expect(letterId("B")).toBe("bogstav-b");
  });

  it("lists all 29 letters; only letters with words get an id; groups keep the words' order", () => {
    const { letters, groups } = glossaryIndex(["Bisidder", "Behandling", "Åben", "Afgørelse"], letterOf);
    expect(letters.map((l) => l.letter)).toEqual([...DANISH_ALPHABET]);
    expect(letters.filter((l) => l.id).map((l) => l.letter)).toEqual(["A", "B", "Å"]);
    expect(groups).toEqual([
      { letter: "A", id: "bogstav-a", entries: ["Afgørelse"] },
      { letter: "B", id: "bogstav-b", entries: ["Bisidder", "Behandling"] },
      { letter: "Å", id: "bogstav-aa", entries: ["Åben"] },
    ]);
  });

  it("never drops a word that starts outside the alphabet", () => {
    const { letters, groups } = glossaryIndex(["3F", "CV"], letterOf);
    expect(letters.at(-1)).toEqual({ letter: "3", id: "bogstav-3" });
    expect(groups.flatMap((g) => g.entries)).toEqual(["CV", "3F"]);
  });
});

/** The module the URL map serves /ordliste with (so a test of the old route fails, not skips). */
async function glossaryRoute() {
  const entry = (routes as { path?: string; file: string }[]).find((route) => route.path === "ordliste");
  if (!entry) throw new Error("no /ordliste route");
  const name = entry.file.replace(/^features\/content\/routes\//, "").replace(/\.tsx$/, "");
  return (await import(`../../../app/features/content/routes/${name}.tsx`)) as {
    loader: (args: unknown) => Promise<unknown>;
    default: unknown;
  };
}

async function renderGlossary(language: Language): Promise<string> {
  const route = await glossaryRoute();
  const request = new Request("http://localhost/ordliste", { headers: { "Accept-Language": language } });
  const loaderData = await route.loader(await routeArgs(request));
  const Stub = createRoutesStub([{ id: "page", path: "/ordliste", Component: route.default as never, loader: () => loaderData }]);
  const i18n = createI18n(language, resources[language] as never);
  return renderToString(
    createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: ["/ordliste"], hydrationData: { loaderData: { page: loaderData } } })),
  ).replace(/<!-- -->/g, "");
}

describe("/ordliste", () => {
  const danishTerms = glossaryTermsOf(allPages().get("da/ordliste")!);
  const lettersWithWords = [...new Set(danishTerms.map((term) => letterOf(term.term)))];

  for (const language of ["da", "en"] as const) {
    it(`${language}: an A–Å index links each letter that has words to its heading; the others are not links`, async () => {
      const html = await renderGlossary(language);
      const label = (resources[language].content as { glossary: { lettersLabel: string } }).glossary.lettersLabel;
      const nav = /<nav aria-label="([^"]+)" class="glossary-letters" id="bogstaver">([\s\S]*?)<\/nav>/.exec(html);
      expect(nav, "the letter index").not.toBeNull();
      expect(nav![1]).toBe(label);
      const links = [...nav![2]!.matchAll(/<a href="#([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
      expect(links.map(([, letter]) => letter)).toEqual(DANISH_ALPHABET.filter((l) => lettersWithWords.includes(l)));
      const plain = [...nav![2]!.matchAll(/<span[^>]*>([^<]+)<\/span>/g)].map((m) => m[1]);
      expect(plain).toEqual(DANISH_ALPHABET.filter((l) => !lettersWithWords.includes(l)));
      expect(plain).toContain("Æ");
      // Each link leads to a level-2 heading with that letter, in alphabet order, before the words.
      let from = nav!.index;
      for (const [id, letter] of links) {
        const at = html.indexOf(`<h2 id="${id}" class="glossary-group__letter">${letter}</h2>`, from);
        expect(at, `heading ${letter}`).toBeGreaterThan(from);
        from = at;
      }
    });

    it(`${language}: every word keeps its anchor, as a level-3 heading under its letter, in the page's order`, async () => {
      const html = await renderGlossary(language);
      const terms = glossaryTermsOf(allPages().get(`${language}/ordliste`)!);
      expect(terms.length).toBe(danishTerms.length);
      let from = html.indexOf('id="bogstaver"');
      for (const term of terms) {
        const at = html.indexOf(`<h3 id="${term.id}">`, from);
        expect(at, `${term.id}`).toBeGreaterThan(from);
        // The nearest letter heading before the word is the first letter of its Danish word.
        const danish = danishTerms.find((t) => t.id === term.id)!.term;
        const letterHeading = html.lastIndexOf('class="glossary-group__letter">', at);
        expect(html.slice(letterHeading + 31, letterHeading + 33).charAt(0)).toBe(letterOf(danish));
        from = at;
      }
      expect(html).not.toMatch(/<h2 id="(afgoerelse|bisidder|mentor)"/);
    });
  }
});
