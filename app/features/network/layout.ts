import {
  CLOSENESS,
  SECTORS,
  sortPeople,
  type Closeness,
  type Sector,
  type Stance,
} from "./constants";

/**
 * Where everything goes on the network map: a pure function of the people, so it can be
 * tested without a browser and drawn the same on the server, in print and in the browser.
 *
 * The drawing is a square of SIZE units: the participant in the centre, three rings (close,
 * middle, further out) and four quarters (sectors). Each person gets a slot: a box holding
 * the marker and a one-line label under it. Slots are packed per cell (one ring in one
 * quarter) so that every box lies wholly inside its cell, and boxes never overlap each other
 * or the ring and sector labels. When a cell has more people than slots, its last slot says
 * "+N" and the list under the map shows everyone.
 */

export const SIZE = 800;
export const CENTRE = SIZE / 2;
/** Outer radius of the centre circle and of each ring. */
export const RADII = {
  centre: 44,
  close: 200,
  middle: 300,
  further: 386,
} as const;

export const MARKER_RADIUS = 10;
export const FONT_SIZE = 15;
/** A generous average glyph width (system sans-serif is ~0.5-0.55 em): labels never overrun their box. */
const GLYPH_WIDTH = FONT_SIZE * 0.62;
export const LABEL_MAX_CHARS = 11;
const SLOT_WIDTH = Math.ceil(LABEL_MAX_CHARS * GLYPH_WIDTH) + 4;
/** From the marker's top to below the label's descenders. */
const SLOT_TOP = MARKER_RADIUS + 6; // room for the "wanted at the meeting" ring
const SLOT_BOTTOM = MARKER_RADIUS + 6 + FONT_SIZE + 4;
/** Space between a marker and its ring's lines. */
const MARKER_GAP = 6;
/** Half the gap kept free along the two axes between quarters. */
const AXIS_PADDING = 6;
const GRID_STEP = 6;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LayoutInput {
  id: string;
  name: string;
  sector: Sector;
  closeness: Closeness;
  /** Null when the viewer may not see the participant's judgement: drawn as a plain marker. */
  stance: Stance | null;
  wantedAtMeeting: boolean;
}

export interface PlacedPerson {
  kind: "person";
  id: string;
  name: string;
  /** The label drawn (the name, shortened with "…" when too long). */
  label: string;
  sector: Sector;
  closeness: Closeness;
  stance: Stance | null;
  wantedAtMeeting: boolean;
  x: number;
  y: number;
  labelY: number;
  box: Box;
}

export interface PlacedOverflow {
  kind: "overflow";
  sector: Sector;
  closeness: Closeness;
  /** How many people of this cell are not drawn. */
  count: number;
  hiddenIds: string[];
  x: number;
  y: number;
  labelY: number;
  box: Box;
}

export interface FixedLabel {
  key: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  box: Box;
}

export interface NetworkLayout {
  size: number;
  centre: number;
  radii: typeof RADII;
  people: PlacedPerson[];
  overflows: PlacedOverflow[];
  sectorLabels: (FixedLabel & { sector: Sector })[];
  ringLabels: (FixedLabel & { closeness: Closeness })[];
}

/** Which way each quarter lies from the centre: family top left, friends top right, work/school bottom left, professionals bottom right. */
export const QUADRANT: Record<Sector, { sx: -1 | 1; sy: -1 | 1 }> = {
  family: { sx: -1, sy: -1 },
  friends: { sx: 1, sy: -1 },
  work_school: { sx: -1, sy: 1 },
  professionals: { sx: 1, sy: 1 },
};

export function ringBounds(closeness: Closeness): {
  inner: number;
  outer: number;
} {
  const index = CLOSENESS.indexOf(closeness);
  const outers = [RADII.close, RADII.middle, RADII.further];
  return {
    inner: index === 0 ? RADII.centre : outers[index - 1]!,
    outer: outers[index]!,
  };
}

/**
 * Shortens a name to fit its label ("Jonas Hansen" -> "Jonas H.", else "Christoffe…");
 * the full name is in the list and in the marker's tooltip.
 */
export function labelFor(name: string): string {
  const clean = name.replace(/\s+/g, " ").trim();
  const length = (text: string) => Array.from(text).length;
  if (length(clean) <= LABEL_MAX_CHARS) return clean;
  const words = clean.split(" ");
  let label = "";
  for (const word of words) {
    const next = label ? `${label} ${word}` : word;
    if (length(next) <= LABEL_MAX_CHARS) {
      label = next;
      continue;
    }
    const initial = label ? `${label} ${Array.from(word)[0]}.` : "";
    if (initial && length(initial) <= LABEL_MAX_CHARS) label = initial;
    break;
  }
  if (label) return label;
  return `${Array.from(clean)
    .slice(0, LABEL_MAX_CHARS - 1)
    .join("")
    .trimEnd()}…`;
}

export function estimateTextWidth(text: string): number {
  return Array.from(text).length * GLYPH_WIDTH;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The sector and ring a point lies in (for tests and for checking a drawing). */
export function cellOf(
  x: number,
  y: number,
): { sector: Sector; closeness: Closeness | "centre" | "outside" } {
  const dx = x - CENTRE;
  const dy = y - CENTRE;
  const sector =
    SECTORS.find(
      (s) =>
        Math.sign(dx) === QUADRANT[s].sx && Math.sign(dy) === QUADRANT[s].sy,
    ) ?? "family";
  const r = Math.hypot(dx, dy);
  const closeness =
    r < RADII.centre
      ? "centre"
      : r < RADII.close
        ? "close"
        : r < RADII.middle
          ? "middle"
          : r < RADII.further
            ? "further"
            : "outside";
  return { sector, closeness };
}

function slotBox(x: number, y: number): Box {
  return {
    x1: x - SLOT_WIDTH / 2,
    y1: y - SLOT_TOP,
    x2: x + SLOT_WIDTH / 2,
    y2: y + SLOT_BOTTOM,
  };
}

function fixedLabel(
  key: string,
  x: number,
  y: number,
  anchor: FixedLabel["anchor"],
  width: number,
): FixedLabel {
  const x1 =
    anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
  return {
    key,
    x,
    y,
    anchor,
    box: { x1: x1 - 6, y1: y - FONT_SIZE - 2, x2: x1 + width + 6, y2: y + 6 },
  };
}

/** Ring names sit on each ring's line at the top, on the vertical axis (drawn on a white plate). */
function ringLabelsFor(words: Record<Closeness, string>) {
  return CLOSENESS.map((closeness) => {
    const { outer } = ringBounds(closeness);
    const text = words[closeness];
    return {
      ...fixedLabel(
        `ring-${closeness}`,
        CENTRE,
        CENTRE - outer + FONT_SIZE / 2 - 1,
        "middle",
        estimateTextWidth(text),
      ),
      closeness,
    };
  });
}

/** Sector names sit in the corners of the square, outside the rings. */
function sectorLabelsFor(words: Record<Sector, string>) {
  return SECTORS.map((sector) => {
    const { sx, sy } = QUADRANT[sector];
    const x = sx < 0 ? 12 : SIZE - 12;
    const y = sy < 0 ? 12 + FONT_SIZE + 4 : SIZE - 14;
    return {
      ...fixedLabel(
        `sector-${sector}`,
        x,
        y,
        sx < 0 ? "start" : "end",
        estimateTextWidth(words[sector]) * 1.1,
      ),
      sector,
    };
  });
}

/** Inside the drawing, wholly inside the quarter, with a gap along the axes. */
function insideQuarter(box: Box, sector: Sector): boolean {
  const { sx, sy } = QUADRANT[sector];
  const xs = [box.x1 - CENTRE, box.x2 - CENTRE];
  const ys = [box.y1 - CENTRE, box.y2 - CENTRE];
  if (
    !xs.every((v) => v * sx >= AXIS_PADDING) ||
    !ys.every((v) => v * sy >= AXIS_PADDING)
  )
    return false;
  return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= SIZE && box.y2 <= SIZE;
}

/**
 * The slots of one quarter, ring by ring (close first): a greedy packing of grid points.
 * A marker lies wholly inside its ring; its
 * label may cross a ring line (it is drawn with a halo), but no two slots' boxes overlap, and
 * none overlaps the centre, the ring and sector names, or another quarter.
 */
function quarterSlots(
  sector: Sector,
  reserved: Box[],
): Map<Closeness, { x: number; y: number }[]> {
  const { sx, sy } = QUADRANT[sector];
  const centreBox: Box = {
    x1: CENTRE - RADII.centre,
    y1: CENTRE - RADII.centre,
    x2: CENTRE + RADII.centre,
    y2: CENTRE + RADII.centre,
  };
  const taken: Box[] = [...reserved, centreBox];
  const result = new Map<Closeness, { x: number; y: number }[]>();
  for (const closeness of CLOSENESS) {
    const { inner, outer } = ringBounds(closeness);
    const candidates: { x: number; y: number; score: number }[] = [];
    for (let ox = 0; ox <= outer; ox += GRID_STEP) {
      for (let oy = 0; oy <= outer; oy += GRID_STEP) {
        const r = Math.hypot(ox, oy);
        if (
          r < inner + MARKER_RADIUS + MARKER_GAP ||
          r > outer - MARKER_RADIUS - MARKER_GAP
        )
          continue;
        const x = CENTRE + sx * ox;
        const y = CENTRE + sy * oy;
        if (!insideQuarter(slotBox(x, y), sector)) continue;
        // Row by row from the horizontal axis outwards, each row from the vertical axis: this
        // packs the most slots into the small inner ring (tried against arc- and diagonal-first orders).
        candidates.push({ x, y, score: Math.round(oy / 8) * 1000 + ox });
      }
    }
    candidates.sort((a, b) => a.score - b.score || a.x - b.x || a.y - b.y);
    const chosen: { x: number; y: number }[] = [];
    for (const candidate of candidates) {
      const box = slotBox(candidate.x, candidate.y);
      if (taken.some((other) => boxesOverlap(box, other))) continue;
      taken.push(box);
      chosen.push({ x: candidate.x, y: candidate.y });
    }
    result.set(closeness, chosen);
  }
  return result;
}

// The slots depend only on the fixed geometry and the label widths: computed once per language.
const slotCache = new Map<string, Map<string, { x: number; y: number }[]>>();

function slotsFor(
  reserved: FixedLabel[],
): Map<string, { x: number; y: number }[]> {
  const key = reserved
    .map((label) => `${label.key}:${label.box.x1},${label.box.x2}`)
    .join("|");
  let slots = slotCache.get(key);
  if (!slots) {
    slots = new Map();
    for (const sector of SECTORS) {
      for (const [closeness, list] of quarterSlots(
        sector,
        reserved.map((label) => label.box),
      )) {
        slots.set(`${sector}/${closeness}`, list);
      }
    }
    if (slotCache.size > 8) slotCache.clear();
    slotCache.set(key, slots);
  }
  return slots;
}

/** How many people each cell can show before it groups the rest as "+N" (for tests and help texts). */
export function cellCapacity(
  sector: Sector,
  closeness: Closeness,
  words: LayoutWords = DEFAULT_WORDS,
): number {
  const reserved = [
    ...ringLabelsFor(words.rings),
    ...sectorLabelsFor(words.sectors),
  ];
  return slotsFor(reserved).get(`${sector}/${closeness}`)!.length;
}

/**
 * Picks `count` of a cell's slots, spread evenly by angle around the centre, in reading
 * order of that angle. With `count` = all slots but one, the last returned slot is the
 * remaining one (for the "+N" marker).
 */
function spreadSlots(
  slots: { x: number; y: number }[],
  count: number,
): { x: number; y: number }[] {
  const byAngle = [...slots].sort(
    (a, b) =>
      Math.atan2(a.y - CENTRE, a.x - CENTRE) -
        Math.atan2(b.y - CENTRE, b.x - CENTRE) ||
      a.x - b.x ||
      a.y - b.y,
  );
  if (count >= byAngle.length) return byAngle;
  const picked = new Set<number>();
  for (let i = 0; i < count; i++)
    picked.add(
      Math.min(
        byAngle.length - 1,
        Math.floor(((i + 0.5) * byAngle.length) / count),
      ),
    );
  const chosen = byAngle.filter((_, index) => picked.has(index));
  const rest = byAngle.filter((_, index) => !picked.has(index));
  return [...chosen, ...rest];
}

export interface LayoutWords {
  sectors: Record<Sector, string>;
  rings: Record<Closeness, string>;
}

const DEFAULT_WORDS: LayoutWords = {
  sectors: {
    family: "Familie",
    friends: "Venner",
    work_school: "Arbejde og skole",
    professionals: "Professionelle",
  },
  rings: { close: "Tæt på", middle: "I midten", further: "Længere væk" },
};

export function layoutNetwork(
  people: LayoutInput[],
  words: LayoutWords = DEFAULT_WORDS,
): NetworkLayout {
  const ringLabels = ringLabelsFor(words.rings);
  const sectorLabels = sectorLabelsFor(words.sectors);
  const slots = slotsFor([...ringLabels, ...sectorLabels]);
  const placed: PlacedPerson[] = [];
  const overflows: PlacedOverflow[] = [];

  for (const sector of SECTORS) {
    for (const closeness of CLOSENESS) {
      const cell = sortPeople(
        people.filter((p) => p.sector === sector && p.closeness === closeness),
      );
      const cellSlots = slots.get(`${sector}/${closeness}`)!;
      const fits = cell.length <= cellSlots.length;
      const shown = fits
        ? cell
        : cell.slice(0, Math.max(cellSlots.length - 1, 0));
      // A few people are spread over the cell (evenly by angle); a full cell uses every slot.
      const spread = spreadSlots(
        cellSlots,
        fits ? shown.length : cellSlots.length - 1,
      );
      shown.forEach((person, index) => {
        const { x, y } = spread[index]!;
        placed.push({
          kind: "person",
          id: person.id,
          name: person.name,
          label: labelFor(person.name),
          sector,
          closeness,
          stance: person.stance,
          wantedAtMeeting: person.wantedAtMeeting,
          x,
          y,
          labelY: y + MARKER_RADIUS + 6 + FONT_SIZE,
          box: slotBox(x, y),
        });
      });
      if (!fits && cellSlots.length > 0) {
        const { x, y } = spread[spread.length - 1]!;
        const hidden = cell.slice(shown.length);
        overflows.push({
          kind: "overflow",
          sector,
          closeness,
          count: hidden.length,
          hiddenIds: hidden.map((p) => p.id),
          x,
          y,
          labelY: y + MARKER_RADIUS + 6 + FONT_SIZE,
          box: slotBox(x, y),
        });
      }
    }
  }
  return {
    size: SIZE,
    centre: CENTRE,
    radii: RADII,
    people: placed,
    overflows,
    sectorLabels,
    ringLabels,
  };
}
