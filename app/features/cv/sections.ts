/**
 * The CV's list sections: their Danish URL slug, the entry kinds they hold, and which fields
 * their form has. Shared by the browser and the server.
 */
export type CvEntryKind =
  | "work"
  | "education"
  | "course"
  | "volunteering"
  | "skill"
  | "language"
  | "it_skill"
  | "driving_licence";

export const sectionSlugs = ["erfaring", "uddannelse", "frivilligt", "kompetencer", "sprog", "it", "koerekort"] as const;
export type SectionSlug = (typeof sectionSlugs)[number];

export interface SectionConfig {
  slug: SectionSlug;
  /** Translation key part: `sections.<key>.*` in the "cv" namespace. */
  key: "work" | "education" | "volunteering" | "skills" | "languages" | "it" | "licences";
  kinds: readonly CvEntryKind[];
  /** A period (from/to/ongoing) and an organisation. */
  dated: boolean;
  details: boolean;
  /** Level options (languages, IT), translated as `levels.<kindKey>.<value>`. */
  levels?: readonly string[];
  /** Skills only. */
  categories?: readonly ("professional" | "personal")[];
  /** Ready-made suggestions the person can tick (translated `suggestions.<key>.*`). */
  suggestions?: readonly string[];
}

export const languageLevels = ["native", "fluent", "good", "basic"] as const;
export const itLevels = ["basic", "good", "expert"] as const;
export const skillCategories = ["professional", "personal"] as const;

export const sections: Record<SectionSlug, SectionConfig> = {
  erfaring: { slug: "erfaring", key: "work", kinds: ["work"], dated: true, details: true },
  uddannelse: { slug: "uddannelse", key: "education", kinds: ["education", "course"], dated: true, details: true },
  frivilligt: { slug: "frivilligt", key: "volunteering", kinds: ["volunteering"], dated: true, details: true },
  kompetencer: {
    slug: "kompetencer",
    key: "skills",
    kinds: ["skill"],
    dated: false,
    details: false,
    categories: skillCategories,
    suggestions: [
      "customerService",
      "cashRegister",
      "cleaning",
      "cooking",
      "warehouse",
      "care",
      "reliable",
      "helpful",
      "calm",
      "teamPlayer",
      "structured",
      "creative",
    ],
  },
  sprog: { slug: "sprog", key: "languages", kinds: ["language"], dated: false, details: false, levels: languageLevels },
  it: { slug: "it", key: "it", kinds: ["it_skill"], dated: false, details: false, levels: itLevels },
  koerekort: {
    slug: "koerekort",
    key: "licences",
    kinds: ["driving_licence"],
    dated: false,
    details: false,
    suggestions: ["b", "a", "c", "ce", "d", "forklift"],
  },
};

/** Skill suggestions belong to a category: the first six are professional, the rest personal. */
export function suggestionCategory(suggestion: string): "professional" | "personal" {
  const list = sections.kompetencer.suggestions!;
  return list.indexOf(suggestion) < 6 ? "professional" : "personal";
}

export function isSectionSlug(value: unknown): value is SectionSlug {
  return typeof value === "string" && (sectionSlugs as readonly string[]).includes(value);
}

export function sectionOfKind(kind: CvEntryKind): SectionConfig {
  return Object.values(sections).find((section) => section.kinds.includes(kind))!;
}

/** Limits, stated next to each field. */
export const TITLE_MAX = 120;
export const ORGANISATION_MAX = 120;
export const DETAILS_MAX = 1000;
export const SUMMARY_MAX = 1200;
export const ADDRESS_MAX = 200;
export const FIELDS_MAX = 500;
export const AREAS_MAX = 300;
export const ACCOMMODATIONS_MAX = 1000;
/** At most this many tasks: enough to choose from, short enough to read at the meeting. */
export const TASK_COUNT_MAX = 10;
/** How long a deleted entry can be brought back with "Fortryd". */
export const UNDO_MINUTES = 60;
