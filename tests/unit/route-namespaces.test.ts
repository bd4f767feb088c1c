import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { namespacesOf, pageNamespaces, withNamespaces } from "~/lib/i18n/namespaces";
import { routeNamespaces } from "../support/route-namespaces";

// Issue 21: a page fetches only the translation namespaces its routes declare (`handle.i18n`).
// A declaration that misses a namespace the page uses would make the browser fetch it late (a
// client-side move waits for it; a first load hydrates later), so each declaration must name
// every namespace its modules use.

/** Every route module of app/routes.ts and the areas' urls.ts that renders a page. */
function pageRouteFiles(): string[] {
  const sources = ["app/routes.ts", ...readdirUrls()].map((file) => readFileSync(file, "utf8"));
  const files = new Set<string>();
  for (const source of sources) for (const match of source.matchAll(/"(features\/[^"]+\.tsx)"/g)) files.add(path.join("app", match[1]!));
  return [...files].filter((file) => /export default function/.test(readFileSync(file, "utf8")));
}

function readdirUrls(): string[] {
  const root = "app/features";
  return readdirSync(root)
    .map((area) => path.join(root, area, "urls.ts"))
    .filter((file) => existsSync(file));
}

/** The namespaces a route module's `handle` declares, from its source; `null` when it declares none. */
function declaredIn(file: string): string[] | null {
  const match = /export const handle = \{[^}]*\bi18n: \[([^\]]*)\]/.exec(readFileSync(file, "utf8"));
  if (!match) return null;
  return [...match[1]!.matchAll(/"([\w-]+)"/g)].map((name) => name[1]!);
}

describe("each page's translation namespaces", () => {
  const files = pageRouteFiles();

  it("finds the page routes", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain(path.join("app", "features/overview/routes/overview.tsx"));
  });

  it.each(files)("%s declares every namespace its modules use, and only namespaces that exist", (file) => {
    const declared = declaredIn(file);
    // Not declared: the page fetches every namespace (safe, heavier). Only new routes may do so.
    if (declared === null) return;
    const used = [...routeNamespaces(file)].filter((name) => name !== "common");
    expect(declared, `${file} uses ${used.join(", ")}`).toEqual(expect.arrayContaining(used));
    for (const name of declared) expect(existsSync(`locales/da/${name}.json`), `locales/da/${name}.json`).toBe(true);
  });

  it("the shell (root.tsx) uses common only, and appointments on the calm page of a hard day, which root.tsx adds", () => {
    expect([...routeNamespaces("app/root.tsx")].sort()).toEqual(["appointments", "common"]);
    expect(readFileSync("app/root.tsx", "utf8")).toContain('data?.hardDay?.on ? ["appointments"] : []');
  });

  it("the pages this issue measured declare theirs", () => {
    for (const file of ["overview/routes/overview", "plan/routes/plan", "appointments/routes/appointment", "account/routes/sign-in", "cv/routes/cv", "network/routes/network", "messages/routes/messages", "caseworker/routes/caseworker"]) {
      expect(declaredIn(`app/features/${file}.tsx`), file).not.toBeNull();
    }
  });
});

describe("pageNamespaces", () => {
  it("joins the matched routes' namespaces with common, sorted", () => {
    expect(pageNamespaces([undefined, { i18n: ["relatives", "plan"] }, { i18n: ["cv"] }])).toEqual(["common", "cv", "plan", "relatives"]);
  });

  it("is every namespace (null) when the page's own route declares none", () => {
    expect(pageNamespaces([undefined, { i18n: ["relatives"] }, { hydrate: false }])).toBeNull();
    expect(pageNamespaces([{ i18n: ["plan"] }, undefined])).toBeNull();
    expect(pageNamespaces([])).toBeNull();
  });

  it("adds what the page shows besides its route (the calm page's meeting)", () => {
    expect(pageNamespaces([undefined, { i18n: [] }], ["appointments"])).toEqual(["appointments", "common"]);
  });

  it("names the namespaces in the translations address, and reads them back, dropping odd names", () => {
    const href = withNamespaces("/i18n/da.0123456789ab.json", ["common", "plan"]);
    expect(href).toBe("/i18n/da.0123456789ab.json?ns=common,plan");
    expect(namespacesOf(new URL(href, "http://x").searchParams)).toEqual(["common", "plan"]);
    expect(namespacesOf(new URLSearchParams("ns=common,../x,plan"))).toEqual(["common", "plan"]);
    expect(namespacesOf(new URLSearchParams(""))).toBeNull();
    expect(withNamespaces("/i18n/da.0123456789ab.json", null)).toBe("/i18n/da.0123456789ab.json");
  });
});
