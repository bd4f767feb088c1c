import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const cvRoutes: RouteConfigEntry[] = [
  route("cv", "routes/cv.tsx"),
  route("cv/vis", "routes/cv-preview.tsx"),
  route("cv/cv.pdf", "routes/cv-pdf.ts"),
  route("cv/om-mig", "routes/cv-about.tsx"),
  route("cv/kontakt", "routes/cv-contact.tsx"),
  route("cv/jobonsker", "routes/cv-wishes.tsx"),
  route("cv/opgaver", "routes/cv-tasks.tsx"),
  route("cv/del", "routes/cv-share.tsx"),
  // erfaring, uddannelse, frivilligt, kompetencer, sprog, it, koerekort (features/cv/sections.ts)
  route("cv/:section", "routes/cv-section.tsx"),
  route("cv/:section/:entryId", "routes/cv-entry.tsx"),
  route("cv/:section/:entryId/slet", "routes/cv-entry-delete.tsx"),
];
