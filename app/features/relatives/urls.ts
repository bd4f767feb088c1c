import { type RouteConfigEntry, index, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const relativesRoutes: RouteConfigEntry[] = [
  // The participant: who may see what, invite, withdraw, and the access log.
  route("paaroerende", "features/relatives/routes/relatives.tsx"),
  route("paaroerende/inviter", "features/relatives/routes/relatives-invite.tsx"),
  route("paaroerende/inviter/tjek", "features/relatives/routes/relatives-check.tsx"),
  route("paaroerende/log", "features/relatives/routes/relatives-log.tsx"),
  route("paaroerende/:grantId/tilbagekald", "features/relatives/routes/relatives-withdraw.tsx"),
  route("paaroerende/:grantId/ret", "features/relatives/routes/relatives-change.tsx"),
  route("paaroerende/:grantId/send-igen", "features/relatives/routes/relatives-resend.tsx"),
  route("paaroerende/:grantId/bekraeft", "features/relatives/routes/relatives-confirm.tsx"),
  // The invited person: the link from the e-mail, then the pages they were given.
  route("invitation/:token", "features/relatives/routes/relatives-invitation.tsx"),
  route("hjaelper", "features/relatives/routes/relatives-helping.tsx"),
  route("hjaelper/:participantId", "features/relatives/routes/relatives-shared.tsx", [
    index("features/relatives/routes/relatives-shared-home.tsx"),
    route("min-plan", "features/relatives/routes/relatives-shared-plan.tsx"),
    route("moeder", "features/relatives/routes/relatives-shared-appointments.tsx"),
    route("moeder/:id", "features/relatives/routes/relatives-shared-appointment.tsx"),
    route("moeder/:id/referat/:pointId", "features/relatives/routes/relatives-shared-remember.tsx"),
    route("forberedelse", "features/relatives/routes/relatives-shared-preparation.tsx"),
    route("forberedelse/:part", "features/relatives/routes/relatives-shared-preparation-part.tsx"),
    route("cv", "features/relatives/routes/relatives-shared-cv.tsx"),
    route("beskeder", "features/relatives/routes/relatives-shared-messages.tsx"),
    route("beskeder/:id", "features/relatives/routes/relatives-shared-conversation.tsx"),
    route("netvaerk", "features/relatives/routes/relatives-shared-network.tsx"),
    route("stop", "features/relatives/routes/relatives-shared-end.tsx"),
  ]),
  // Demo only (DEMO_LOGIN=1): the e-mails the portal would have sent. 404 otherwise.
  route("dev/postkasse", "features/relatives/routes/relatives-mailbox.tsx"),
];
