import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const cvRoutes: RouteConfigEntry[] = [
  route("cv", "features/cv/routes/cv.tsx"),
  route("cv/vis", "features/cv/routes/cv-preview.tsx"),
  route("cv/cv.pdf", "features/cv/routes/cv-pdf.ts"),
  route("cv/om-mig", "features/cv/routes/cv-about.tsx"),
  route("cv/kontakt", "features/cv/routes/cv-contact.tsx"),
  route("cv/jobonsker", "features/cv/routes/cv-wishes.tsx"),
  route("cv/opgaver", "features/cv/routes/cv-tasks.tsx"),
  route("cv/del", "features/cv/routes/cv-share.tsx"),
  // erfaring, uddannelse, frivilligt, kompetencer, sprog, it, koerekort (features/cv/sections.ts)
  route("cv/:section", "features/cv/routes/cv-section.tsx"),
  route("cv/:section/:entryId", "features/cv/routes/cv-entry.tsx"),
  route("cv/:section/:entryId/slet", "features/cv/routes/cv-entry-delete.tsx"),
];
