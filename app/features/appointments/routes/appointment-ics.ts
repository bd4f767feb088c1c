import type { Route } from "./+types/appointment-ics";
import { appointmentFile, appointmentsT, calendarResponse } from "../calendar.server";
import { publicOrigin } from "~/lib/env.server";
import { findOwnAppointment } from "../queries.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { languageOf } from "~/lib/i18n/i18n.server";

/** /moeder/:id/kalender.ics: one of the participant's own meetings as a calendar file. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const appointment = await findOwnAppointment(user.participant.id, params.id);
  if (!appointment) throw notFound();
  const t = appointmentsT(languageOf(context));
  const file = appointmentFile(appointment, { t, origin: publicOrigin(request) });
  return calendarResponse(file.body, file.filename, "attachment");
}
