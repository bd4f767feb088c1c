import type { CvData } from "./queries.server";
import { sections } from "./sections";

/** What a part's line on the overview says beside its name. */
export type PartStatus =
  | { kind: "contact"; chosen: boolean; shown: ("email" | "phone" | "address")[] }
  | { kind: "filled" }
  | { kind: "empty" }
  | { kind: "count"; count: number }
  | { kind: "tasks"; count: number; recommended: number };

export interface CvPart {
  key: string;
  href: string;
  done: boolean;
  status: PartStatus;
}

export interface Completeness {
  /** The CV's parts, in the order the overview lists them under "Dit CV". */
  cvParts: CvPart[];
  /** The parts under "Dine ønsker til arbejde". */
  wishParts: CvPart[];
  /** How many of the listed parts are done: every listed part counts, nothing else does. */
  done: number;
  total: number;
  /** The first part not filled in yet, to suggest as a next step (never a list of what is missing). */
  next: { key: string; href: string } | null;
}

export function wishesFilled(wishes: CvData["wishes"]): boolean {
  return wishes.fields.length > 0 || wishes.hoursPerWeek !== null || wishes.hoursPerWeekMax !== null || Boolean(wishes.areas);
}

/**
 * How much of the CV is filled in, counted in the very parts the overview lists (issue 14: the
 * count and the list a person sees agree). The overview renders these lists, so they cannot differ.
 */
export function completeness(
  cv: Pick<CvData, "summary" | "entries" | "wishes" | "tasks" | "visibility" | "visibilityChosen" | "contact">,
  recommendedTasks: number,
): Completeness {
  const count = (kinds: readonly string[]) => cv.entries.filter((entry) => kinds.includes(entry.kind)).length;
  const shown = (["email", "phone", "address"] as const).filter(
    (key) => cv.visibility[key] && (key !== "address" || Boolean(cv.contact.address)),
  );
  const cvParts: CvPart[] = [
    { key: "contact", href: "/cv/kontakt", done: cv.visibilityChosen, status: { kind: "contact", chosen: cv.visibilityChosen, shown } },
    {
      key: "about",
      href: "/cv/om-mig",
      done: cv.summary.trim().length > 0,
      status: cv.summary.trim().length > 0 ? { kind: "filled" } : { kind: "empty" },
    },
    ...Object.values(sections).map((section): CvPart => {
      const entries = count(section.kinds);
      return {
        key: section.key,
        href: `/cv/${section.slug}`,
        done: entries > 0,
        status: entries > 0 ? { kind: "count", count: entries } : { kind: "empty" },
      };
    }),
  ];
  const wishParts: CvPart[] = [
    {
      key: "wishes",
      href: "/cv/jobonsker",
      done: wishesFilled(cv.wishes),
      status: wishesFilled(cv.wishes) ? { kind: "filled" } : { kind: "empty" },
    },
    {
      key: "tasks",
      href: "/cv/opgaver",
      done: cv.tasks.length >= recommendedTasks,
      status: cv.tasks.length > 0 ? { kind: "tasks", count: cv.tasks.length, recommended: recommendedTasks } : { kind: "empty" },
    },
  ];
  const parts = [...cvParts, ...wishParts];
  const next = parts.find((part) => !part.done);
  return {
    cvParts,
    wishParts,
    done: parts.filter((part) => part.done).length,
    total: parts.length,
    next: next ? { key: next.key, href: next.href } : null,
  };
}
