import { describe, expect, it } from "vitest";
import { METTE_NETWORK } from "../../../db/seed-data";
import { CLOSENESS, SECTORS } from "~/features/network/constants";
import {
  boxesOverlap,
  cellCapacity,
  cellOf,
  estimateTextWidth,
  labelFor,
  layoutNetwork,
  LABEL_MAX_CHARS,
  MARKER_RADIUS,
  RADII,
  ringBounds,
  SIZE,
  type Box,
  type LayoutInput,
  type NetworkLayout,
} from "~/features/network/layout";

const mette: LayoutInput[] = METTE_NETWORK.map((person, index) => ({
  id: `mette-${index}`,
  name: person.name,
  sector: person.sector,
  closeness: person.closeness,
  stance: person.stance,
  wantedAtMeeting: person.wantedAtMeeting,
}));

/** The box a label's text really needs (centred under its marker), from the same width estimate. */
function textBox(x: number, labelY: number, text: string): Box {
  const width = estimateTextWidth(text);
  return {
    x1: x - width / 2,
    y1: labelY - 15,
    x2: x + width / 2,
    y2: labelY + 4,
  };
}

function everyBox(layout: NetworkLayout): { what: string; box: Box }[] {
  return [
    ...layout.people.map((p) => ({ what: `person ${p.name}`, box: p.box })),
    ...layout.overflows.map((o) => ({
      what: `+${o.count} in ${o.sector}/${o.closeness}`,
      box: o.box,
    })),
    ...layout.ringLabels.map((l) => ({ what: l.key, box: l.box })),
    ...layout.sectorLabels.map((l) => ({ what: l.key, box: l.box })),
  ];
}

function expectNoOverlaps(layout: NetworkLayout) {
  const boxes = everyBox(layout);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(
        boxesOverlap(boxes[i]!.box, boxes[j]!.box),
        `${boxes[i]!.what} overlaps ${boxes[j]!.what}`,
      ).toBe(false);
    }
  }
}

function expectInsideOwnCell(layout: NetworkLayout) {
  for (const person of [...layout.people, ...layout.overflows]) {
    const { inner, outer } = ringBounds(person.closeness);
    const r = Math.hypot(person.x - SIZE / 2, person.y - SIZE / 2);
    const what = person.kind === "person" ? person.name : `+${person.count}`;
    // The whole marker lies inside its ring...
    expect(r - MARKER_RADIUS, what).toBeGreaterThan(inner);
    expect(r + MARKER_RADIUS, what).toBeLessThan(outer);
    // ...and in its sector's quarter, as does its whole label.
    expect(cellOf(person.x, person.y), what).toEqual({
      sector: person.sector,
      closeness: person.closeness,
    });
    expect(cellOf(person.box.x1, person.box.y1).sector, what).toBe(
      person.sector,
    );
    expect(cellOf(person.box.x2, person.box.y2).sector, what).toBe(
      person.sector,
    );
  }
}

describe("the network map layout", () => {
  it("places every one of Mette's people inside their own ring and sector", () => {
    const layout = layoutNetwork(mette);
    expect(layout.people).toHaveLength(METTE_NETWORK.length);
    expect(layout.overflows).toEqual([]);
    expectInsideOwnCell(layout);
    for (const source of mette) {
      const placed = layout.people.find((p) => p.id === source.id)!;
      expect(placed).toMatchObject({
        sector: source.sector,
        closeness: source.closeness,
        stance: source.stance,
      });
    }
  });

  it("covers all four sectors and all three rings with the demo data", () => {
    const layout = layoutNetwork(mette);
    expect(new Set(layout.people.map((p) => p.sector))).toEqual(
      new Set(SECTORS),
    );
    expect(new Set(layout.people.map((p) => p.closeness))).toEqual(
      new Set(CLOSENESS),
    );
    expect(new Set(layout.people.map((p) => p.stance))).toEqual(
      new Set(["helps", "holds_back", "both"]),
    );
  });

  it("never lets labels overlap each other, the ring names or the sector names", () => {
    const layout = layoutNetwork(mette);
    expectNoOverlaps(layout);
    // The text itself fits inside the slot it was given.
    for (const person of layout.people) {
      const text = textBox(person.x, person.labelY, person.label);
      expect(text.x1, person.name).toBeGreaterThanOrEqual(person.box.x1);
      expect(text.x2, person.name).toBeLessThanOrEqual(person.box.x2);
      expect(text.y2, person.name).toBeLessThanOrEqual(person.box.y2);
    }
  });

  it("shortens long names on the map only, and keeps the full name for the list", () => {
    expect(labelFor("Jonas Hansen")).toBe("Jonas H.");
    expect(labelFor("Dr. Anne Krogh")).toBe("Dr. Anne K.");
    expect(labelFor("Maximiliansen-Christoffersen")).toBe(
      `${"Maximiliansen-Christoffersen".slice(0, LABEL_MAX_CHARS - 1)}…`,
    );
    expect(labelFor("  Ali  ")).toBe("Ali");
    const layout = layoutNetwork([
      { ...mette[0]!, name: "Anna-Sofie Bjerregaard Kristensen" },
    ]);
    expect(layout.people[0]!.name).toBe("Anna-Sofie Bjerregaard Kristensen");
    expect(Array.from(layout.people[0]!.label).length).toBeLessThanOrEqual(
      LABEL_MAX_CHARS,
    );
  });

  it("stays readable with 60 people: full cells show '+N', nobody is lost, nothing overlaps", () => {
    const many: LayoutInput[] = Array.from({ length: 60 }, (_, index) => ({
      id: `p${index}`,
      name: `Person nummer ${index}`,
      // Crowd one cell on purpose (family, close) and spread the rest.
      sector: index < 15 ? "family" : SECTORS[index % 4]!,
      closeness: index < 15 ? "close" : CLOSENESS[index % 3]!,
      stance: "helps",
      wantedAtMeeting: index % 5 === 0,
    }));
    const layout = layoutNetwork(many);
    expectNoOverlaps(layout);
    expectInsideOwnCell(layout);
    const drawn = layout.people.length;
    const grouped = layout.overflows.reduce((sum, o) => sum + o.count, 0);
    expect(drawn + grouped).toBe(60);
    const crowded = layout.overflows.find(
      (o) => o.sector === "family" && o.closeness === "close",
    )!;
    expect(crowded.count).toBe(
      15 +
        many
          .slice(15)
          .filter((p) => p.sector === "family" && p.closeness === "close")
          .length -
        (cellCapacity("family", "close") - 1),
    );
    // Every id appears exactly once: drawn or counted.
    const ids = [
      ...layout.people.map((p) => p.id),
      ...layout.overflows.flatMap((o) => o.hiddenIds),
    ];
    expect(new Set(ids).size).toBe(60);
  });

  it("has room for at least three people in every cell and about 60 in all before grouping", () => {
    let total = 0;
    for (const sector of SECTORS) {
      for (const closeness of CLOSENESS) {
        const capacity = cellCapacity(sector, closeness);
        expect(capacity, `${sector}/${closeness}`).toBeGreaterThanOrEqual(3);
        total += capacity;
      }
    }
    expect(total).toBeGreaterThanOrEqual(55);
  });

  it("draws the centre and rings in the order close < middle < further", () => {
    expect(RADII.centre).toBeLessThan(RADII.close);
    expect(RADII.close).toBeLessThan(RADII.middle);
    expect(RADII.middle).toBeLessThan(RADII.further);
    expect(RADII.further).toBeLessThanOrEqual(SIZE / 2);
  });

  it("lays out an empty network without people and with all labels", () => {
    const layout = layoutNetwork([]);
    expect(layout.people).toEqual([]);
    expect(layout.sectorLabels).toHaveLength(4);
    expect(layout.ringLabels).toHaveLength(3);
  });
});
