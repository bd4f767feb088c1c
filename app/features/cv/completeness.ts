import type { CvData } from "./queries.server";

export interface Completeness {
  done: number;
  total: number;
  /** The first part not filled in yet, to suggest as a next step (never a list of what is missing). */
  next: { key: string; href: string } | null;
}

/** How much of the CV is filled in, counted in parts a person recognises. */
export function completeness(cv: Pick<CvData, "summary" | "entries" | "wishes" | "tasks">, recommendedTasks: number): Completeness {
  const has = (...kinds: string[]) => cv.entries.some((entry) => kinds.includes(entry.kind));
  const parts = [
    { key: "work", href: "/cv/erfaring", done: has("work", "volunteering") },
    { key: "education", href: "/cv/uddannelse", done: has("education", "course") },
    { key: "skills", href: "/cv/kompetencer", done: has("skill") },
    { key: "languages", href: "/cv/sprog", done: has("language") },
    { key: "about", href: "/cv/om-mig", done: cv.summary.trim().length > 0 },
    {
      key: "wishes",
      href: "/cv/jobonsker",
      done: cv.wishes.fields.length > 0 || cv.wishes.hoursPerWeek !== null || Boolean(cv.wishes.areas),
    },
    { key: "tasks", href: "/cv/opgaver", done: cv.tasks.length >= recommendedTasks },
  ];
  const next = parts.find((part) => !part.done);
  return {
    done: parts.filter((part) => part.done).length,
    total: parts.length,
    next: next ? { key: next.key, href: next.href } : null,
  };
}
