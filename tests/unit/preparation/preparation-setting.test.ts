import { describe, expect, it } from "vitest";
import { DEMO_MUNICIPALITIES_FILE, readMunicipalities } from "../../../server/municipalities.js";
import { preparationContext, preparationMeetingKind, textList, withContext, type Translate } from "~/features/preparation/setting";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { unitWords } from "~/lib/municipality";

// Issue 19: "Forbered dit møde" follows the participant's municipality. Solbjerg keeps a
// rehabiliteringsteam; Fjordby does not, and prepares the person for the samlet beskrivelse.
const [solbjerg, fjordby] = readMunicipalities(DEMO_MUNICIPALITIES_FILE);

function textsFor(municipality: typeof solbjerg, language: "da" | "en"): Translate {
  const words = unitWords({ name: municipality!.name, unitName: municipality!.unitName ?? null }, language);
  const t = createI18n(language, resources[language], words).getFixedT(language, "preparation") as unknown as Translate;
  return withContext(t, preparationContext(municipality));
}

describe("the preparation's setting (app/features/preparation/setting.ts)", () => {
  it("a municipality with a team gets the team's words and meeting; one without, the base words and the samlet beskrivelse", () => {
    expect(solbjerg!.rehabiliteringsteam).toBe(true);
    expect(fjordby!.rehabiliteringsteam).toBe(false);
    expect(preparationContext(solbjerg)).toBe("team");
    expect(preparationContext(fjordby)).toBeUndefined();
    expect(preparationMeetingKind(solbjerg)).toBe("rehabiliteringsteam");
    expect(preparationMeetingKind(fjordby)).toBe("samlet_beskrivelse");
    // No municipality known (no root data): the law's default, no team.
    expect(preparationContext(null)).toBeUndefined();
    expect(preparationMeetingKind(undefined)).toBe("samlet_beskrivelse");
  });

  it("headings and intros follow the setting, in Danish and English", () => {
    const team = textsFor(solbjerg, "da");
    const noTeam = textsFor(fjordby, "da");
    expect(team("parts.about_meeting.title")).toBe("Om mødet");
    expect(noTeam("parts.about_meeting.title")).toBe("Om den samlede beskrivelse");
    expect(team("parts.questions.title")).toBe("Mine spørgsmål til teamet");
    expect(noTeam("parts.questions.title")).toBe("Mine spørgsmål til kommunen");
    expect(team("taskList.intro")).toMatch(/^Her kan du forberede dig til mødet med rehabiliteringsteamet\./);
    expect(noTeam("taskList.intro")).toMatch(/^Her kan du forberede dig til dine møder med kommunen\./);
    expect(team("print.heading")).toBe("Forberedelse til mødet med rehabiliteringsteamet");
    expect(noTeam("print.heading")).toBe("Forberedelse til den samlede beskrivelse");
    expect(textsFor(solbjerg, "en")("parts.about_meeting.title")).toBe("About the meeting");
    expect(textsFor(fjordby, "en")("parts.about_meeting.title")).toBe("About the overall description");
  });

  it("a text without a _team twin is the same in both; plurals and a call's own options still work", () => {
    const team = textsFor(solbjerg, "da");
    const noTeam = textsFor(fjordby, "da");
    expect(team("check.title")).toBe("Tjek og del");
    expect(noTeam("check.title")).toBe("Tjek og del");
    expect(team("check.shared", { count: 2 })).toBe("Du har delt 2 dele med din sagsbehandler.");
    expect(noTeam("check.shared", { count: 1 })).toBe("Du har delt 1 del med din sagsbehandler.");
    expect(team("taskList.meetingOn", { when: "3. marts kl. 10.00" })).toBe("Dit møde med teamet er 3. marts kl. 10.00.");
    expect(noTeam("taskList.meetingOn", { when: "3. marts kl. 10.00" })).toBe("Dit møde om den samlede beskrivelse er 3. marts kl. 10.00.");
  });

  it("lists (Om mødet) follow the setting, and {{unit}} is the municipality's own word", () => {
    const team = textsFor(solbjerg, "da");
    const noTeam = textsFor(fjordby, "da");
    expect(textList(team, "about.how")[0]).toBe("Alle siger goddag og fortæller, hvem de er.");
    const health = textList(noTeam, "about.health");
    expect(health).toHaveLength(3);
    expect(health.join(" ")).toContain("Spørg kommunen");
    expect(textList(noTeam, "about.what").join(" ")).toContain("Fjordby Kommune holder ikke møder i et rehabiliteringsteam.");
    expect(textList(noTeam, "no.such.list")).toEqual([]);
    expect(noTeam("parts.resources.intro")).toContain("Kommunen vil gerne vide");
    // A base text read without a context (another area's page) still uses the configured unit's name.
    const plainSolbjerg = createI18n("da", resources.da, unitWords({ name: solbjerg!.name, unitName: solbjerg!.unitName ?? null }, "da")).getFixedT("da", "preparation");
    expect(plainSolbjerg("parts.resources.intro")).toContain("Jobcenter Solbjerg vil gerne vide");
  });
});
