import type { CvData, CvEntry } from "./queries.server";

/** Jobønsker as the CV, the wishes form and the caseworker's briefing read them. */
export interface WorkWishes {
  fields: string[];
  /** One number, or the lower end of a range; null with only an upper limit or none. */
  hoursPerWeek: number | null;
  /** The upper end of a range ("10-15", "op til 20"); null for one number. */
  hoursPerWeekMax: number | null;
  maxCommuteMinutes: number | null;
  areas: string | null;
  accommodations: string | null;
}

/** The work wishes out of a row that holds more (the wishes as saved, the caseworker's view of them). */
export function workWishesOf(wishes: WorkWishes): WorkWishes {
  return {
    fields: wishes.fields,
    hoursPerWeek: wishes.hoursPerWeek,
    hoursPerWeekMax: wishes.hoursPerWeekMax,
    maxCommuteMinutes: wishes.maxCommuteMinutes,
    areas: wishes.areas,
    accommodations: wishes.accommodations,
  };
}

/**
 * What the printed CV (preview, print and PDF) may show: only the contact details the person
 * chose, and the accommodations only when they ticked "Vis mine skånehensyn på mit CV".
 * Built on the server, so what is hidden never reaches the page.
 */
export interface CvDocument {
  name: string;
  contact: { email: string | null; phone: string | null; address: string | null };
  summary: string;
  work: CvEntry[];
  education: CvEntry[];
  volunteering: CvEntry[];
  professionalSkills: CvEntry[];
  personalSkills: CvEntry[];
  languages: CvEntry[];
  it: CvEntry[];
  licences: CvEntry[];
  wishes: WorkWishes;
  tasks: string[];
}

export function toDocument(cv: CvData): CvDocument {
  const of = (...kinds: string[]) => cv.entries.filter((entry) => kinds.includes(entry.kind));
  return {
    name: cv.name,
    contact: {
      email: cv.visibility.email ? cv.contact.email : null,
      phone: cv.visibility.phone ? cv.contact.phone : null,
      address: cv.visibility.address ? cv.contact.address : null,
    },
    summary: cv.summary,
    work: of("work"),
    education: of("education", "course"),
    volunteering: of("volunteering"),
    professionalSkills: of("skill").filter((entry) => entry.category !== "personal"),
    personalSkills: of("skill").filter((entry) => entry.category === "personal"),
    languages: of("language"),
    it: of("it_skill"),
    licences: of("driving_licence"),
    wishes: {
      ...workWishesOf(cv.wishes),
      accommodations: cv.wishes.showAccommodationsOnCv ? cv.wishes.accommodations : null,
    },
    tasks: cv.tasks.map((task) => task.text),
  };
}

export function hasWishes(doc: CvDocument): boolean {
  const w = doc.wishes;
  return w.fields.length > 0 || w.hoursPerWeek !== null || w.hoursPerWeekMax !== null || w.maxCommuteMinutes !== null || Boolean(w.areas) || Boolean(w.accommodations) || doc.tasks.length > 0;
}
