import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/**
 * What belongs to the site as a whole rather than to one capability: the language switch and the
 * health probes. Paths are relative to app/.
 */
export const siteRoutes: RouteConfigEntry[] = [
  route("sprog", "features/site/routes/language.ts"),
  route("healthz", "features/site/routes/healthz.ts"),
  route("readyz", "features/site/routes/readyz.ts"),
];

/** Any unknown address. app/routes.ts lists it last: it matches everything the others did not. */
export const notFoundRoute: RouteConfigEntry = route("*", "features/site/routes/not-found.tsx");
