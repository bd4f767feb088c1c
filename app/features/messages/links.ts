/** Addresses other areas link to. */
export const messagesHref = "/beskeder";

/** "Skriv til din sagsbehandler om dette": a new message tied to a meeting, a plan item or a preparation part. */
export function newMessageHref(about?: { appointmentId?: string; subGoalId?: string; preparationPart?: string }) {
  const query = new URLSearchParams();
  if (about?.appointmentId) query.set("moede", about.appointmentId);
  if (about?.subGoalId) query.set("delmaal", about.subGoalId);
  if (about?.preparationPart) query.set("forberedelse", about.preparationPart);
  const search = query.toString();
  return search ? `/beskeder/ny?${search}` : "/beskeder/ny";
}
