import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** "Forslag til min plan" (Danish URLs: citizens read them). Paths are relative to app/. */
export const proposalsRoutes: RouteConfigEntry[] = [
  route("min-plan/forslag", "features/proposals/routes/proposals.tsx"),
  route("min-plan/forslag/ny", "features/proposals/routes/proposal-new.tsx"),
  route("sagsbehandler/:participantId/forslag/:proposalId", "features/proposals/routes/caseworker-proposal.tsx"),
];
