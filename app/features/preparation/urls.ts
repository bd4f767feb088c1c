import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const preparationRoutes: RouteConfigEntry[] = [
  route("forberedelse", "features/preparation/routes/preparation.tsx"),
  route("forberedelse/om-moedet", "features/preparation/routes/preparation-about.tsx"),
  route("forberedelse/tjek-og-del", "features/preparation/routes/preparation-check.tsx"),
  route("forberedelse/tjek-og-del/traek-tilbage/:part", "features/preparation/routes/preparation-withdraw.tsx"),
  route("forberedelse/bemaerkning/:commentId", "features/preparation/routes/preparation-remark.tsx"),
  route("forberedelse/udskriv", "features/preparation/routes/preparation-print.tsx"),
  route("forberedelse/forberedelse.pdf", "features/preparation/routes/preparation-pdf.ts"),
  route("forberedelse/:part", "features/preparation/routes/preparation-part.tsx"),
];
