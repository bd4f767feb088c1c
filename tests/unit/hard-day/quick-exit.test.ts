import { describe, expect, it } from "vitest";
import { QUICK_EXIT_URL, SHIFT_PRESSES, SHIFT_WINDOW_MS } from "~/components/layout/quick-exit";

// The counting itself runs in plain-page.js and is driven in the browser by
// tests/e2e/quick-exit-and-hard-day.spec.ts (three presses, a capital letter, another key).
describe("Forlad siden hurtigt", () => {
  it("goes to a neutral https site", () => {
    expect(QUICK_EXIT_URL).toMatch(/^https:\/\/www\.dmi\.dk\/$/);
  });

  it("leaves on Shift three times, each within five seconds (GOV.UK)", () => {
    expect(SHIFT_PRESSES).toBe(3);
    expect(SHIFT_WINDOW_MS).toBe(5_000);
  });
});
