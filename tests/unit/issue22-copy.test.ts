import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lix } from "~/features/content/lix";

// Issue 22: the participant's help texts of "Forslag til min plan" and "Referat efter samtalen"
// stay plain: LIX at most 30 per page, as for the other parts of the issue.
const read = (namespace: string) => JSON.parse(readFileSync(path.resolve(__dirname, `../../locales/da/${namespace}.json`), "utf8"));

/** Every text of one branch, placeholders filled as a reader sees them. */
function texts(value: unknown): string[] {
  if (typeof value === "string") return [value.replace(/{{\s*count\s*}}/g, "3").replace(/{{\s*\w+\s*}}/g, "Sara")];
  return Object.values(value as Record<string, unknown>).flatMap(texts);
}

describe("issue 22's participant texts", () => {
  const proposals = read("proposals");
  const summaries = read("summaries");
  const pages = {
    "proposals: the list": [proposals.list, proposals.status, proposals.words],
    "proposals: the form": [proposals.form, proposals.kinds],
    "summaries: the meeting": [summaries.meeting],
    "summaries: Jeg husker det anderledes": [summaries.remember],
  };
  it.each(Object.entries(pages))("%s: LIX at most 30", (_name, branches) => {
    const result = lix(branches.flatMap(texts));
    expect(result.lix, JSON.stringify(result)).toBeLessThanOrEqual(30);
  });
});
