import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** The caseworker's read-only briefing (Danish URLs). Paths are relative to app/. */
export const caseworkerRoutes: RouteConfigEntry[] = [
  route("sagsbehandler", "features/caseworker/routes/caseworker.tsx"),
  route("sagsbehandler/:participantId", "features/caseworker/routes/caseworker-briefing.tsx"),
];
