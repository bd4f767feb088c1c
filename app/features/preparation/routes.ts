import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const preparationRoutes: RouteConfigEntry[] = [
  route("forberedelse", "routes/preparation.tsx"),
  route("forberedelse/om-moedet", "routes/preparation-about.tsx"),
  route("forberedelse/tjek-og-del", "routes/preparation-check.tsx"),
  route("forberedelse/tjek-og-del/traek-tilbage/:part", "routes/preparation-withdraw.tsx"),
  route("forberedelse/bemaerkning/:commentId", "routes/preparation-remark.tsx"),
  route("forberedelse/udskriv", "routes/preparation-print.tsx"),
  route("forberedelse/forberedelse.pdf", "routes/preparation-pdf.ts"),
  route("forberedelse/:part", "routes/preparation-part.tsx"),
];
