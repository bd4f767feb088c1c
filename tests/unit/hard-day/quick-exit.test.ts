import { describe, expect, it } from "vitest";
import { createShiftCounter, QUICK_EXIT_URL, SHIFT_PRESSES, SHIFT_WINDOW_MS } from "~/components/layout/quick-exit";

/** Presses and releases keys at the given moments (ms); returns what the last release said. */
function press(counter: ReturnType<typeof createShiftCounter>, keys: [key: string, at: number][]) {
  let result = 0;
  for (const [key, at] of keys) {
    counter.keyDown(key);
    result = counter.keyUp(key, at);
  }
  return result;
}

describe("Forlad siden hurtigt: Shift three times", () => {
  it("goes to a neutral https site", () => {
    expect(QUICK_EXIT_URL).toMatch(/^https:\/\/www\.dmi\.dk\/$/);
  });

  it("leaves on the third press of Shift on its own, each within the window", () => {
    const counter = createShiftCounter();
    expect(press(counter, [["Shift", 0]])).toBe(1);
    expect(press(counter, [["Shift", 1_000]])).toBe(2);
    expect(press(counter, [["Shift", 1_000 + SHIFT_WINDOW_MS]])).toBe(SHIFT_PRESSES);
    // ...and starts again afterwards.
    expect(press(counter, [["Shift", 20_000]])).toBe(1);
  });

  it("starts again after a pause longer than the window", () => {
    const counter = createShiftCounter();
    expect(press(counter, [["Shift", 0], ["Shift", 100]])).toBe(2);
    expect(press(counter, [["Shift", 100 + SHIFT_WINDOW_MS + 1]])).toBe(1);
  });

  it("does not count Shift held for a capital letter, and another key starts again", () => {
    const counter = createShiftCounter();
    expect(press(counter, [["Shift", 0], ["Shift", 100]])).toBe(2);
    // Shift down, "A" down, Shift up before "A" up: a capital letter, not a press.
    counter.keyDown("Shift");
    counter.keyDown("A");
    expect(counter.keyUp("Shift", 200)).toBe(0);
    counter.keyUp("A", 210);
    expect(press(counter, [["Shift", 300], ["Shift", 400]])).toBe(2);
    counter.keyDown("b");
    counter.keyUp("b", 450);
    expect(press(counter, [["Shift", 500]])).toBe(1);
  });
});
