import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Issue 14, point 4: "Say only what is true." Each text below once promised more than Min Vej
// does. The caseworker views' columns are held to the privacy page's list in
// tests/integration/caseworker/caseworker-disclosure.test.ts; these are the promises around it.

type Json = Record<string, unknown>;
const load = (language: "da" | "en", namespace: string) => JSON.parse(readFileSync(`locales/${language}/${namespace}.json`, "utf8")) as Json;
const at = (json: Json, path: string): unknown => path.split(".").reduce<unknown>((value, key) => (value as Json | undefined)?.[key], json);
const text = (language: "da" | "en", namespace: string, path: string): string => {
  const value = at(load(language, namespace), path);
  if (Array.isArray(value)) return value.join(" ");
  expect(value, `${language} ${namespace}:${path}`).toEqual(expect.any(String));
  return value as string;
};

describe("'Jeg kan ikke komme': what happens to the message, and when to call", () => {
  it("does not say it was sent to the jobcentre: it is saved, the caseworker sees it in Min Vej, nobody is notified", () => {
    expect(text("da", "appointments", "sent.when")).not.toMatch(/sendte/);
    expect(text("en", "appointments", "sent.when")).not.toMatch(/\bsent\b/);
    expect(text("da", "appointments", "sent.when")).toMatch(/gemt i Min Vej/);
    expect(text("en", "appointments", "sent.when")).toMatch(/saved in Min Vej/);
    expect(text("da", "appointments", "sent.who")).toMatch(/får ikke en e-mail eller sms/);
    expect(text("en", "appointments", "sent.who")).toMatch(/does not get an e-mail or text message/);
  });

  it("promises no answer it cannot keep, and says when to call", () => {
    for (const language of ["da", "en"] as const) {
      for (const path of ["sent.next", "absence.intro"]) {
        expect(text(language, "appointments", path)).not.toMatch(/vender tilbage|will get back to you/);
      }
    }
    expect(text("da", "appointments", "sent.call")).toMatch(/senest dagen før mødet, så ring til din sagsbehandler/);
    expect(text("en", "appointments", "sent.call")).toMatch(/by the day before the meeting, call your caseworker/);
  });
});

describe("'Træk tilbage': from now on not shared, what was read may stay in the case", () => {
  it("the withdraw question, the confirmation and the 'Hvem kan læse det?' box say the case may keep what was read", () => {
    for (const path of ["withdraw.text", "check.withdrawn", "parts.challenges.whoReads"]) {
      expect(text("da", "preparation", path), path).toMatch(/allerede har læst, kan stå i din sag/);
      expect(text("en", "preparation", path), path).toMatch(/already read may stay in your case/);
    }
    expect(text("da", "preparation", "withdraw.text")).toMatch(/^Så er denne del ikke delt fra nu af\./);
    expect(text("en", "preparation", "withdraw.text")).toMatch(/^Then this part is not shared from now on\./);
  });

  it("never says only the participant can see a part a relative may read while it is written", () => {
    for (const path of ["taskList.onlyYou", "parts.challenges.whoReads"]) {
      expect(text("da", "preparation", path)).not.toMatch(/kun dig, der kan se/);
      expect(text("en", "preparation", path)).not.toMatch(/only you can see/i);
    }
  });
});

describe("'Hvem har set mine oplysninger' says what it covers", () => {
  it("reads in Min Vej, the case system's reads through the API included (issue 20)", () => {
    expect(text("da", "relatives", "log.intro")).toMatch(/i Min Vej/);
    expect(text("en", "relatives", "log.intro")).toMatch(/in Min Vej/);
    // Every read through /api/v1 is logged (tests/integration/api/api-live.test.ts): the page no longer says they are missing.
    for (const language of ["da", "en"] as const) expect(at(load(language, "relatives"), "log.notCovered")).toBeUndefined();
    expect(text("da", "relatives", "log.systemReads")).toMatch(/viser også, når kommunens sagssystem henter dine oplysninger fra Min Vej/);
    expect(text("en", "relatives", "log.systemReads")).toMatch(/also shows when the municipality's case system fetches your information from Min Vej/);
    expect(text("da", "relatives", "log.caseSystem")).toBe("Kommunens sagssystem");
    // The briefing shows notes and questions the participant never "shared": not "dine delte oplysninger".
    expect(text("da", "relatives", "log.caseworkerViewed")).not.toMatch(/delte/);
    expect(text("en", "relatives", "log.caseworkerViewed")).not.toMatch(/shared/);
  });
});

describe("the caseworker page", () => {
  it("does not say the caseworker only sees what was shared", () => {
    for (const path of ["intro", "briefing.intro"]) {
      expect(text("da", "caseworker", path)).not.toMatch(/kun det, de selv har valgt at dele|har delt med dig/);
      expect(text("en", "caseworker", path)).not.toMatch(/only see what they have chosen|has shared with you/);
    }
  });
});
