/** The fixed choices of the network map. Stored as these keys; words live in locales/<lng>/network.json. */
import { byDanishName } from "~/lib/dates";

export const SECTORS = [
  "family",
  "friends",
  "work_school",
  "professionals",
] as const;
export const CLOSENESS = ["close", "middle", "further"] as const;
export const STANCES = ["helps", "holds_back", "both"] as const;
export const HELP_KINDS = [
  "practical",
  "emotional",
  "advice",
  "company",
] as const;

export type Sector = (typeof SECTORS)[number];
export type Closeness = (typeof CLOSENESS)[number];
export type Stance = (typeof STANCES)[number];
export type HelpKind = (typeof HELP_KINDS)[number];

export const LIMITS = {
  name: 60,
  relation: 80,
  contactFrequency: 80,
  note: 500,
} as const;

/** A person as the pages show them. `stance` is null when the viewer may not see it. */
export interface NetworkPersonView {
  id: string;
  name: string;
  relation: string | null;
  sector: Sector;
  closeness: Closeness;
  /** Keys from HELP_KINDS; older rows may hold a free text, which is shown as written. */
  helpKinds: string[];
  stance: Stance | null;
  contactFrequency: string | null;
  note: string | null;
  wantedAtMeeting: boolean;
  version: number;
  updatedAt: Date | string;
}

export function isHelpKind(value: string): value is HelpKind {
  return (HELP_KINDS as readonly string[]).includes(value);
}

/** People sorted the way the list and the map read them: sector, then closeness, then name. */
export function sortPeople<
  T extends { sector: string; closeness: string; name: string },
>(people: T[]): T[] {
  return [...people].sort(
    (a, b) =>
      SECTORS.indexOf(a.sector as Sector) - SECTORS.indexOf(b.sector as Sector) ||
      CLOSENESS.indexOf(a.closeness as Closeness) - CLOSENESS.indexOf(b.closeness as Closeness) ||
      byDanishName(a.name, b.name),
  );
}
