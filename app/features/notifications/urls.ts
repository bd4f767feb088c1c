import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const notificationsRoutes: RouteConfigEntry[] = [
  // "Sådan får du besked": anyone signed in (a participant, a relative).
  route("indstillinger", "features/notifications/routes/settings.tsx"),
];
