import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/**
 * The API for case systems (issue 20): English, versioned addresses under /api/v1, for systems,
 * not people. Paths are relative to app/. The last one answers every other /api/v1 address with
 * problem+json, before the portal's own not-found page can.
 */
export const apiRoutes: RouteConfigEntry[] = [
  route("api/v1/openapi.json", "features/api/routes/openapi-json.ts"),
  route("api/v1/reference", "features/api/routes/reference.ts"),
  route("api/v1/participants", "features/api/routes/participants.ts"),
  route("api/v1/participants/:participantId", "features/api/routes/participant.ts"),
  route("api/v1/participants/:participantId/preparation", "features/api/routes/participant-preparation.ts"),
  route("api/v1/participants/:participantId/cv", "features/api/routes/participant-cv.ts"),
  route("api/v1/participants/:participantId/network", "features/api/routes/participant-network.ts"),
  route("api/v1/participants/:participantId/appointments", "features/api/routes/participant-appointments.ts"),
  route("api/v1/participants/:participantId/absence-requests", "features/api/routes/participant-absence-requests.ts"),
  route("api/v1/participants/:participantId/disagreements", "features/api/routes/participant-disagreements.ts"),
  route("api/v1/events", "features/api/routes/events.ts"),
  route("api/v1", "features/api/routes/not-found.ts", { id: "api-root" }),
  route("api/v1/*", "features/api/routes/not-found.ts"),
];
