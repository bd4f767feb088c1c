import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measurePageScripts, PAGE_JS_CEILING_BYTES, readAttribute, type PageScripts } from "../../scripts/page-weight";
import { signInLive, startLiveServer, type LiveServer } from "../support/live-server";

// Issue 21: what each page makes the browser load before it is interactive (its JavaScript and
// the translations it fetches, gzip), from the production build's HTML as served. No page loads
// React in the browser (docs/decisions/0026): a page has the one plain script
// (components/layout/plain-page.js), with the page's nonce, or, for a plain-language page signed
// out, no script at all. Needs `npm run build` (BUILD_DIR).

type Person = "mette" | "sara" | null;

interface PageCase {
  path: string;
  as: Person;
}

const MEETING = "/moeder/:id";

const PAGES: PageCase[] = [
  { path: "/", as: "mette" },
  { path: "/moeder", as: "mette" },
  { path: MEETING, as: "mette" },
  { path: "/forberedelse", as: "mette" },
  { path: "/forberedelse/mine-spoergsmaal", as: "mette" },
  { path: "/min-plan", as: "mette" },
  { path: "/cv", as: "mette" },
  { path: "/cv/om-mig", as: "mette" },
  { path: "/netvaerk", as: "mette" },
  { path: "/netvaerk/ny", as: "mette" },
  { path: "/beskeder", as: "mette" },
  { path: "/beskeder/ny", as: "mette" },
  { path: "/paaroerende", as: "mette" },
  { path: "/saadan-gaar-det", as: "mette" },
  { path: "/mine-data", as: "mette" },
  { path: "/indstillinger", as: "mette" },
  { path: "/om", as: "mette" },
  { path: "/ordliste", as: "mette" },
  { path: "/sagsbehandler", as: "sara" },
  { path: "/log-ind", as: null },
  { path: "/om", as: null },
  { path: "/hjaelp", as: null },
];

/** A plain-language page signed out has no script at all. */
const SCRIPT_FREE = new Set(["/om (signed out)", "/hjaelp (signed out)"]);

/** The one plain script every other page has. */
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
  it.each(PAGES.map((page) => [key(page)] as const))("%s loads no React and stays far under 120 KiB gzip", (name) => {
    const { html, scripts } = measured.get(name)!;
    expect(scripts.totalGzipBytes, `${name}: ${scripts.jsFiles.join(" ")}`).toBeLessThanOrEqual(PAGE_JS_CEILING_BYTES);
    expect(html).not.toMatch(/<link\b[^>]*\bmodulepreload\b/i);
    expect(html).not.toMatch(/<script\b[^>]*type="module"/i);
    expect(html).not.toContain("__reactRouterContext");
    expect(scripts.translationFiles).toEqual([]);
    const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag);
    if (SCRIPT_FREE.has(name)) {
      expect(scripts.shipsScript, `${name}: ${tags.join(" ")}`).toBe(false);
      return;
    }
    expect(tags, name).toHaveLength(1);
    expect(readAttribute(tags[0]!, "src")).toMatch(/^\/assets\/plain-page-[\w-]+\.js$/);
    expect(readAttribute(tags[0]!, "nonce")).toMatch(/\S{16,}/);
    expect(scripts.jsGzipBytes).toBeLessThanOrEqual(PLAIN_SCRIPT_MAX_BYTES);
  });

  it("a signed-in page has the session warning's dialog; a signed-out one has none", () => {
    for (const page of PAGES) {
      const { html } = measured.get(key(page))!;
      if (page.as) expect(html, key(page)).toMatch(/<dialog id="session-warning"/);
      else expect(html, key(page)).not.toContain('id="session-warning"');
    }
  });
});
