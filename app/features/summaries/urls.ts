import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const summariesRoutes: RouteConfigEntry[] = [
  // "Jeg husker det anderledes" about one point of a meeting's summary.
  route("moeder/:id/referat/:pointId", "features/summaries/routes/remember.tsx"),
];
