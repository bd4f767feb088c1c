/** Addresses other areas link to. */
export const messagesHref = "/beskeder";

/** "Skriv til din sagsbehandler om dette": a new message tied to a meeting, a plan item or a preparation part. */
export function newMessageHref(about?: { appointmentId?: string; subGoalId?: string; activityId?: string; preparationPartId?: string }) {
  const query = new URLSearchParams();
  if (about?.appointmentId) query.set("moede", about.appointmentId);
  if (about?.subGoalId) query.set("delmaal", about.subGoalId);
  if (about?.activityId) query.set("aktivitet", about.activityId);
  if (about?.preparationPartId) query.set("forberedelse", about.preparationPartId);
  const search = query.toString();
  return search ? `/beskeder/ny?${search}` : "/beskeder/ny";
}
