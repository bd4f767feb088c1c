import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** The caseworker's briefing and her participants' messages (Danish URLs). Paths are relative to app/. */
export const caseworkerRoutes: RouteConfigEntry[] = [
  route("sagsbehandler", "features/caseworker/routes/caseworker.tsx"),
  route("sagsbehandler/beskeder", "features/caseworker/routes/caseworker-inbox.tsx"),
  route("sagsbehandler/beskeder/:conversationId", "features/caseworker/routes/caseworker-conversation.tsx"),
  route("sagsbehandler/:participantId", "features/caseworker/routes/caseworker-briefing.tsx"),
  // "Referat efter samtalen" (issue 22): her participant's past meetings and each one's summary.
  route("sagsbehandler/:participantId/referater", "features/caseworker/routes/caseworker-summaries.tsx"),
  route("sagsbehandler/:participantId/referater/:appointmentId", "features/caseworker/routes/caseworker-summary.tsx"),
];
