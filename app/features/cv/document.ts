import type { CvData, CvEntry } from "./queries.server";

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
  wishes: {
    fields: string[];
    hoursPerWeek: number | null;
    hoursPerWeekMax: number | null;
    maxCommuteMinutes: number | null;
    areas: string | null;
    accommodations: string | null;
  };
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
      fields: cv.wishes.fields,
      hoursPerWeek: cv.wishes.hoursPerWeek,
      hoursPerWeekMax: cv.wishes.hoursPerWeekMax,
      maxCommuteMinutes: cv.wishes.maxCommuteMinutes,
      areas: cv.wishes.areas,
      accommodations: cv.wishes.showAccommodationsOnCv ? cv.wishes.accommodations : null,
    },
    tasks: cv.tasks.map((task) => task.text),
  };
}

export function hasWishes(doc: CvDocument): boolean {
  const w = doc.wishes;
  return w.fields.length > 0 || w.hoursPerWeek !== null || w.hoursPerWeekMax !== null || w.maxCommuteMinutes !== null || Boolean(w.areas) || Boolean(w.accommodations) || doc.tasks.length > 0;
}
