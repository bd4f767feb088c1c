import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lix } from "~/features/content/lix";
import { DELETABLE, PARTICIPANT_PARTS, RELATIVE_PARTS, parseDeletables } from "~/features/my-data/parts";

const read = (language: string) => JSON.parse(readFileSync(path.resolve(__dirname, `../../../locales/${language}/my-data.json`), "utf8"));
const da = read("da");

/** Every text of one branch of the namespace, placeholders filled as a reader sees them. */
function texts(value: unknown): string[] {
  if (typeof value === "string") return [value.replace(/{{\s*count\s*}}/g, "3").replace(/{{\s*\w+\s*}}/g, "Mette")];
  return Object.values(value as Record<string, unknown>).flatMap(texts);
}

describe("Mine data's copy (issue 22)", () => {
  it("keeps the help texts of each page plain: LIX at most 30", () => {
    const pages = {
      home: [da.title, da.lead, da.download, da.own, da.keep, da.notice],
      relative: [da.leadRelative, da.relativeText, da.relativeDelete],
      delete: [da.delete, da.deletable],
      confirm: [da.confirm],
      request: [da.request],
      parts: [da.parts],
      file: [da.file],
    };
    for (const [name, branches] of Object.entries(pages)) {
      const result = lix(branches.flatMap(texts));
      expect(result.lix, `${name}: ${JSON.stringify(result)}`).toBeLessThanOrEqual(30);
    }
  });

  it("names and describes every part of the file, and every private thing she can delete", () => {
    for (const key of [...PARTICIPANT_PARTS, ...RELATIVE_PARTS]) {
      expect(da.parts[key]?.name, key).toBeTruthy();
      expect(da.parts[key]?.description, key).toBeTruthy();
    }
    for (const key of DELETABLE) expect(da.deletable[key]?.label, key).toBeTruthy();
  });

  it("says the legal part carefully and generally", () => {
    expect(da.keep.law).toBe("Kommunen skal gemme oplysninger i din sag efter reglerne om journalisering og arkivering.");
    expect(da.keep.doubt).toBe("Spørg kommunen, hvis du er i tvivl.");
  });

  it("reads only known kinds from the URL, each once, in a fixed order", () => {
    expect(parseDeletables("cv,dagbog,cv,ukendt,,../x")).toEqual(["dagbog", "cv"]);
    expect(parseDeletables(null)).toEqual([]);
  });
});
