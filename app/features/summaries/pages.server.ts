import { findOwnAppointment } from "~/features/appointments/index.server";
import { getCoordinatingCaseworker } from "~/lib/contacts.server";
import { getPublishedSummary } from "./queries.server";

/**
 * `/moeder/:id/referat/:pointId` ("Jeg husker det anderledes"): the meeting, the point as
 * published now, and who answers. Null when the meeting is not hers, nothing is published, or the
 * point is not in the version she sees now (an older version's point, another summary's).
 */
export async function rememberPage(participantId: string, appointmentId: string, pointId: string) {
  const appointment = await findOwnAppointment(participantId, appointmentId);
  if (!appointment) return null;
  const summary = await getPublishedSummary(participantId, appointment.id);
  const point = summary?.points.find((candidate) => candidate.id === pointId);
  if (!summary || !point) return null;
  const caseworker = await getCoordinatingCaseworker(participantId);
  return {
    appointment: { id: appointment.id, title: appointment.title, startsAt: appointment.startsAt },
    point: { id: point.id, position: point.position, text: point.text },
    caseworker: caseworker ? { name: caseworker.name } : null,
    submissionId: crypto.randomUUID(),
  };
}

export type RememberPageData = NonNullable<Awaited<ReturnType<typeof rememberPage>>>;
