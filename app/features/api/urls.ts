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
  route("api/v1/participants/:participantId/appointments/:appointmentId", "features/api/routes/participant-appointment.ts"),
  route("api/v1/participants/:participantId/appointments/:appointmentId/move", "features/api/routes/participant-appointment-move.ts"),
  route("api/v1/participants/:participantId/appointments/:appointmentId/cancel", "features/api/routes/participant-appointment-cancel.ts"),
  route("api/v1/participants/:participantId/appointments/:appointmentId/summary", "features/api/routes/participant-appointment-summary.ts"),
  route("api/v1/participants/:participantId/absence-requests", "features/api/routes/participant-absence-requests.ts"),
  route("api/v1/participants/:participantId/absence-requests/:absenceRequestId/answer", "features/api/routes/participant-absence-answer.ts"),
  route("api/v1/participants/:participantId/plan", "features/api/routes/participant-plan.ts"),
  route("api/v1/participants/:participantId/conversations", "features/api/routes/participant-conversations.ts"),
  route("api/v1/participants/:participantId/conversations/:conversationId/messages", "features/api/routes/participant-conversation-messages.ts"),
  route("api/v1/participants/:participantId/disagreements", "features/api/routes/participant-disagreements.ts"),
  route("api/v1/participants/:participantId/progress", "features/api/routes/participant-progress.ts"),
  route("api/v1/participants/:participantId/proposals", "features/api/routes/participant-proposals.ts"),
  route("api/v1/participants/:participantId/proposals/:proposalId/decision", "features/api/routes/participant-proposal-decision.ts"),
  route("api/v1/events", "features/api/routes/events.ts"),
  route("api/v1", "features/api/routes/not-found.ts", { id: "api-root" }),
  route("api/v1/*", "features/api/routes/not-found.ts"),
];
