import { describe, expect, it } from "vitest";
import { outsideQuietHours, quietHoursEnd } from "~/features/notifications/quiet-hours";
import { normalisePhone } from "~/features/notifications/schema";

// Quiet hours are Danish wall-clock times (issue 18): a notice due inside them leaves when they
// end, also across midnight and on the nights the clocks change.

const night = { from: "21:00:00", until: "08:00:00" };

describe("quiet hours", () => {
  it("outside them nothing waits; inside them it waits until they end, across midnight", () => {
    expect(quietHoursEnd(new Date("2031-03-11T11:00:00Z"), night)).toBeNull(); // 12.00
    expect(quietHoursEnd(new Date("2031-03-11T19:59:00Z"), night)).toBeNull(); // 20.59
    expect(quietHoursEnd(new Date("2031-03-11T20:00:00Z"), night)?.toISOString()).toBe("2031-03-12T07:00:00.000Z"); // 21.00 → 08.00
    expect(quietHoursEnd(new Date("2031-03-11T22:30:00Z"), night)?.toISOString()).toBe("2031-03-12T07:00:00.000Z"); // 23.30
    expect(quietHoursEnd(new Date("2031-03-12T06:00:00Z"), night)?.toISOString()).toBe("2031-03-12T07:00:00.000Z"); // 07.00
    expect(quietHoursEnd(new Date("2031-03-12T07:00:00Z"), night)).toBeNull(); // 08.00: over
    expect(outsideQuietHours(new Date("2031-03-11T11:00:00Z"), night).toISOString()).toBe("2031-03-11T11:00:00.000Z");
  });

  it("a span within one day, and the same two times meaning none", () => {
    const lunch = { from: "11:00", until: "13:00" };
    expect(quietHoursEnd(new Date("2031-03-11T11:30:00Z"), lunch)?.toISOString()).toBe("2031-03-11T12:00:00.000Z"); // 12.30 → 13.00
    expect(quietHoursEnd(new Date("2031-03-11T12:00:00Z"), lunch)).toBeNull(); // 13.00
    expect(quietHoursEnd(new Date("2031-03-11T09:59:00Z"), lunch)).toBeNull(); // 10.59
    expect(quietHoursEnd(new Date("2031-03-11T20:00:00Z"), { from: "08:00", until: "08:00" })).toBeNull();
  });

  it("the nights the clocks change: 08.00 Danish time is 06.00 UTC in summer, 07.00 in winter", () => {
    // 29 March 2031 23.00 (winter) → 30 March 08.00 (summer time began at 02.00).
    expect(quietHoursEnd(new Date("2031-03-29T22:00:00Z"), night)?.toISOString()).toBe("2031-03-30T06:00:00.000Z");
    // 25 October 2031 22.00 (summer) → 26 October 08.00 (winter time began at 03.00).
    expect(quietHoursEnd(new Date("2031-10-25T20:00:00Z"), night)?.toISOString()).toBe("2031-10-26T07:00:00.000Z");
    // Quiet until 02.30 on the spring night, when 02.30 does not exist: the clocks' 03.30.
    expect(quietHoursEnd(new Date("2031-03-30T00:30:00Z"), { from: "01:00", until: "02:30" })?.toISOString()).toBe("2031-03-30T01:30:00.000Z");
  });
});

describe("mobile numbers", () => {
  it("as people write them, in the form the gateway takes; anything else refused", () => {
    expect(normalisePhone("12 34 56 78")).toBe("+4512345678");
    expect(normalisePhone("12-34-56-78")).toBe("+4512345678");
    expect(normalisePhone("+45 12 34 56 78")).toBe("+4512345678");
    expect(normalisePhone("0045 12345678")).toBe("+4512345678");
    expect(normalisePhone("+46 70 123 45 67")).toBe("+46701234567");
    for (const wrong of ["12", "1234567", "123456789", "abcdefgh", "+4", "12 34 56 7x"]) expect(normalisePhone(wrong), wrong).toBeNull();
  });
});
