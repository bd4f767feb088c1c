import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_MUNICIPALITIES_FILE, MIN_CONTRAST, contrastRatio, readMunicipalities } from "../../server/municipalities.js";
import { ConfigError, readConfig } from "../../server/config.js";
import { unitWords } from "~/lib/municipality";

// Issue 19: one portal, any municipality. The file is checked at start; a municipality's colours
// must keep white text readable (WCAG 2.2 AA 1.4.3), and its unit's name replaces "kommunen".

const demo = readMunicipalities(DEMO_MUNICIPALITIES_FILE);

function fileWith(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "minvej-municipalities-")), "municipalities.json");
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

function withFirst(change: (entry: Record<string, unknown>) => void): string {
  const copy = structuredClone(demo) as unknown as Record<string, unknown>[];
  change(copy[0]!);
  return fileWith({ municipalities: copy });
}

describe("municipalities (server/municipalities.js)", () => {
  it("ships two demo municipalities that differ: one keeps a rehabiliteringsteam, one does not", () => {
    expect(demo.map((entry) => [entry.id, entry.rehabiliteringsteam, entry.unitName ?? null])).toEqual([
      ["solbjerg", true, "Jobcenter Solbjerg"],
      ["fjordby", false, null],
    ]);
    expect(demo[0]!.messageAnswerWorkdays).not.toBe(demo[1]!.messageAnswerWorkdays);
  });

  it("keeps white text readable on every configured colour (at least 4.5:1)", () => {
    for (const entry of demo) {
      for (const colour of Object.values(entry.colours ?? {})) expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("refuses a colour white text cannot be read on, and says which and by how much", () => {
    const path = withFirst((entry) => {
      entry.colours = { brand: "#0b5563", brandDark: "#083f49", button: "#7fb3d5", buttonDark: "#07492f" };
    });
    expect(() => readMunicipalities(path)).toThrow(/municipalities\.0\.colours\.button: #7fb3d5 has contrast 2\.\d\d:1 with white text; it needs at least 4\.5:1\./);
  });

  it("refuses a misspelt setting, a missing choice about the team, a logo that is not there and an id used twice", () => {
    expect(() => readMunicipalities(withFirst((entry) => (entry.rehabiliteringsTeam = true)))).toThrow(/Unrecognized key/);
    expect(() => readMunicipalities(withFirst((entry) => delete entry.rehabiliteringsteam))).toThrow(/does the municipality keep a rehabiliteringsteam/);
    expect(() => readMunicipalities(withFirst((entry) => (entry.logo = "/kommuner/findes-ikke.svg")))).toThrow(/solbjerg\.logo: \/kommuner\/findes-ikke\.svg is not a file in public\//);
    expect(() => readMunicipalities(withFirst((entry) => (entry.id = "fjordby")))).toThrow(/"fjordby" is used twice/);
    expect(() => readMunicipalities(fileWith("{ not json"))).toThrow(/is not valid JSON/);
  });

  it("stops the portal at start with the file's problems under MUNICIPALITIES_FILE", () => {
    const path = withFirst((entry) => delete entry.contact);
    try {
      readConfig({ MUNICIPALITIES_FILE: path });
      expect.unreachable("a broken municipalities file must stop the start");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^MUNICIPALITIES_FILE: the file .* is not right: municipalities\.0\.contact: /)]);
    }
    expect(readConfig({}).municipalities.map((entry) => entry.id)).toEqual(["solbjerg", "fjordby"]);
  });
});

describe("the words for the municipality's unit ({{unit}} in every text)", () => {
  it("says kommunen unless the municipality named its unit", () => {
    expect(unitWords({ name: "Fjordby Kommune", unitName: null }, "da")).toEqual({
      unit: "kommunen",
      Unit: "Kommunen",
      unitGenitive: "kommunens",
      municipality: "Fjordby Kommune",
    });
    expect(unitWords({ name: "Solbjerg Kommune", unitName: "Jobcenter Solbjerg" }, "da")).toMatchObject({
      unit: "Jobcenter Solbjerg",
      Unit: "Jobcenter Solbjerg",
      unitGenitive: "Jobcenter Solbjergs",
    });
    expect(unitWords({ name: "Aars Kommune", unitName: "Jobcenter Aars" }, "da").unitGenitive).toBe("Jobcenter Aars'");
    expect(unitWords({ name: "Fjordby Kommune", unitName: null }, "en")).toMatchObject({ unit: "the municipality", Unit: "The municipality" });
  });
});
