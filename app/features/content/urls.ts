import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/**
 * This area's URLs (Danish: citizens read them). Paths are relative to app/. Every page here is
 * readable signed out (a relative may read them before accepting an invitation) and ships no
 * JavaScript (see features/content/handle.ts).
 */
export const contentRoutes: RouteConfigEntry[] = [
  route("om", "features/content/routes/content-about.tsx"),
  route("om/:slug", "features/content/routes/content-page.tsx"),
  route("ordliste", "features/content/routes/content-glossary.tsx", { id: "content-glossary" }),
  route("privatliv", "features/content/routes/content-standalone.tsx", { id: "content-privacy" }),
  route("tilgaengelighed", "features/content/routes/content-standalone.tsx", { id: "content-accessibility" }),
  route("hjaelp", "features/content/routes/help.tsx"),
];
