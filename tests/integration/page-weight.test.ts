import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measurePageScripts, PAGE_JS_CEILING_BYTES, readAttribute, type PageScripts } from "../../scripts/page-weight";
import { signInLive, startLiveServer, type LiveServer } from "../support/live-server";

// Issue 21: what each page makes the browser load before it is interactive (its JavaScript and
// the translations it fetches, gzip), from the production build's HTML as served: no page above
// 120 KiB, and a page sent without React (`handle.hydrate === false`) ships no script, or, signed
// in, only the small plain script of the session warning. Needs `npm run build` (BUILD_DIR).

type Person = "mette" | "sara" | null;

interface PageCase {
  path: string;
  as: Person;
  /** Sent without React (its route's handle says so). */
  scriptFree: boolean;
}

const MEETING = "/moeder/:id";

const PAGES: PageCase[] = [
  { path: "/", as: "mette", scriptFree: true },
  { path: "/moeder", as: "mette", scriptFree: true },
  { path: "/forberedelse", as: "mette", scriptFree: true },
  { path: "/sagsbehandler", as: "sara", scriptFree: true },
  { path: "/om", as: null, scriptFree: true },
  { path: "/om", as: "mette", scriptFree: true },
  { path: "/hjaelp", as: null, scriptFree: true },
  { path: "/ordliste", as: "mette", scriptFree: true },
  { path: "/min-plan", as: "mette", scriptFree: false },
  { path: MEETING, as: "mette", scriptFree: false },
  { path: "/log-ind", as: null, scriptFree: false },
  { path: "/cv", as: "mette", scriptFree: false },
  { path: "/netvaerk", as: "mette", scriptFree: false },
  { path: "/beskeder", as: "mette", scriptFree: false },
  { path: "/paaroerende", as: "mette", scriptFree: false },
  { path: "/saadan-gaar-det", as: "mette", scriptFree: false },
  { path: "/mine-data", as: "mette", scriptFree: false },
  { path: "/indstillinger", as: "mette", scriptFree: false },
];

/**
 * Pages that still load React and are above the ceiling (issue 21 is open for them): each may
 * not grow past what it loaded on 2026-12-05 (KiB, with 2 KiB to spare). When one comes under the
 * ceiling the test says so: take it off this list.
 */
const STILL_OVER_KIB: Record<string, number> = {
  "/min-plan": 168,
  [MEETING]: 206,
  "/log-ind": 197,
  "/cv": 166,
  "/netvaerk": 167,
  "/beskeder": 191,
  "/paaroerende": 176,
  "/saadan-gaar-det": 163,
  "/mine-data": 162,
  "/indstillinger": 205,
};

/** The plain script of a signed-in page without React: the session warning and the quick exit's keys. */
const PLAIN_SCRIPT_MAX_BYTES = 4 * 1024;

let server: LiveServer;
const cookies = new Map<Person, string>();
const measured = new Map<string, { html: string; scripts: PageScripts }>();

function key(page: PageCase) {
  return `${page.path} (${page.as ?? "signed out"})`;
}

beforeAll(async () => {
  server = await startLiveServer();
  cookies.set("mette", await signInLive(server, "mette"));
  cookies.set("sara", await signInLive(server, "sara"));
  const meetings = await (await fetch(`${server.origin}/moeder`, { headers: { cookie: cookies.get("mette")! } })).text();
  const meeting = /href="(\/moeder\/[0-9a-f-]{36})"/.exec(meetings)?.[1];
  if (!meeting) throw new Error("No meeting on Mette's /moeder");
  for (const page of PAGES) {
    const path = page.path === MEETING ? meeting : page.path;
    const response = await fetch(`${server.origin}${path}`, { headers: page.as ? { cookie: cookies.get(page.as)! } : {}, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path} as ${page.as ?? "nobody"}: ${response.status}`);
    measured.set(key(page), { html, scripts: await measurePageScripts(`${server.origin}${path}`, html) });
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("JavaScript per page", () => {
  it.each(PAGES.map((page) => [key(page), page] as const))("%s stays under 120 KiB gzip of JavaScript and translations", (name, page) => {
    const { scripts } = measured.get(name)!;
    const kib = scripts.totalGzipBytes / 1024;
    const budget = STILL_OVER_KIB[page.path];
    if (budget === undefined) {
      expect(scripts.totalGzipBytes, `${name}: ${kib.toFixed(1)} KiB (${scripts.jsFiles.join(" ")})`).toBeLessThanOrEqual(PAGE_JS_CEILING_BYTES);
    } else {
      expect(kib, `${name} grew: ${scripts.jsFiles.join(" ")}`).toBeLessThanOrEqual(budget);
      expect(scripts.totalGzipBytes, `${name} is under the ceiling now: take it off STILL_OVER_KIB`).toBeGreaterThan(PAGE_JS_CEILING_BYTES);
    }
  });

  it.each(PAGES.filter((page) => page.scriptFree).map((page) => [key(page), page] as const))("%s is sent without React", (name, page) => {
    const { html, scripts } = measured.get(name)!;
    expect(html).not.toMatch(/<link\b[^>]*\bmodulepreload\b/i);
    expect(html).not.toMatch(/<script\b[^>]*type="module"/i);
    expect(html).not.toContain("__reactRouterContext");
    expect(scripts.translationFiles).toEqual([]);
    const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag);
    if (page.as === null) {
      expect(scripts.shipsScript, `${name}: ${tags.join(" ")}`).toBe(false);
      expect(html).not.toContain('id="session-warning"');
    } else {
      // Signed in: the one plain script, with the page's nonce, and its dialog.
      expect(tags).toHaveLength(1);
      expect(readAttribute(tags[0]!, "src")).toMatch(/^\/assets\/plain-page-[\w-]+\.js$/);
      expect(readAttribute(tags[0]!, "nonce")).toMatch(/\S{16,}/);
      expect(scripts.jsGzipBytes).toBeLessThanOrEqual(PLAIN_SCRIPT_MAX_BYTES);
      expect(html).toMatch(/<dialog id="session-warning"/);
    }
  });

  it.each(PAGES.filter((page) => !page.scriptFree).map((page) => [key(page), page] as const))("%s fetches only its own translation namespaces", (name) => {
    const { scripts } = measured.get(name)!;
    expect(scripts.translationFiles).toHaveLength(1);
    const ns = /^\/i18n\/da\.[0-9a-f]{12}\.json\?ns=([\w,-]+)$/.exec(scripts.translationFiles[0]!)?.[1]?.split(",");
    expect(ns, scripts.translationFiles[0]).toContain("common");
    // Not all of them: the area's own and what it shows of others.
    expect(ns!.length).toBeLessThan(8);
  });

  it("no page loads Radix's dialog before a dialog opens, and a page without a form that validates in the browser loads no zod", () => {
    for (const [name, { scripts }] of measured) {
      expect(scripts.jsFiles.filter((file) => /RadixConfirmDialog|react-dialog/.test(file)), name).toEqual([]);
    }
    for (const path of ["/min-plan", "/cv", "/netvaerk", "/saadan-gaar-det"]) {
      const { scripts } = measured.get(key(PAGES.find((page) => page.path === path)!))!;
      expect(scripts.jsFiles.filter((file) => /\/zod-/.test(file)), path).toEqual([]);
    }
  });
});
