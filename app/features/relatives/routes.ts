import { type RouteConfigEntry, index, route } from "@react-router/dev/routes";

/** This area's URLs (Danish: citizens read them). Paths are relative to app/. */
export const relativesRoutes: RouteConfigEntry[] = [
  // The participant: who may see what, invite, withdraw, and the access log.
  route("paaroerende", "routes/relatives.tsx"),
  route("paaroerende/inviter", "routes/relatives-invite.tsx"),
  route("paaroerende/inviter/tjek", "routes/relatives-check.tsx"),
  route("paaroerende/log", "routes/relatives-log.tsx"),
  route("paaroerende/:grantId/tilbagekald", "routes/relatives-withdraw.tsx"),
  route("paaroerende/:grantId/ret", "routes/relatives-change.tsx"),
  route("paaroerende/:grantId/send-igen", "routes/relatives-resend.tsx"),
  route("paaroerende/:grantId/bekraeft", "routes/relatives-confirm.tsx"),
  // The invited person: the link from the e-mail, then the pages they were given.
  route("invitation/:token", "routes/relatives-invitation.tsx"),
  route("hjaelper", "routes/relatives-helping.tsx"),
  route("hjaelper/:participantId", "routes/relatives-shared.tsx", [
    index("routes/relatives-shared-home.tsx"),
    route("min-plan", "routes/relatives-shared-plan.tsx"),
    route("moeder", "routes/relatives-shared-appointments.tsx"),
    route("moeder/:id", "routes/relatives-shared-appointment.tsx"),
    route("forberedelse", "routes/relatives-shared-preparation.tsx"),
    route("forberedelse/:part", "routes/relatives-shared-preparation-part.tsx"),
    route("cv", "routes/relatives-shared-cv.tsx"),
    route("netvaerk", "routes/relatives-shared-network.tsx"),
    route("stop", "routes/relatives-shared-end.tsx"),
  ]),
  // Demo only (DEMO_LOGIN=1): the e-mails the portal would have sent. 404 otherwise.
  route("dev/postkasse", "routes/relatives-mailbox.tsx"),
];
