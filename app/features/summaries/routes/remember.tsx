import { data, redirect } from "react-router";
import type { Route } from "./+types/remember";
import { participantAuthor } from "~/features/messages/index.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { rememberDifferently } from "../commands.server";
import { rememberPage } from "../pages.server";
import { RememberPage } from "../RememberPage";
import { parseRecollection } from "../schema";

/** `/moeder/:id/referat/:pointId`: "Jeg husker det anderledes" about one point of her meeting's summary. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const page = await rememberPage(user.participant.id, params.id, params.pointId);
  if (!page) throw notFound();
  return { ...page, backHref: `/moeder/${page.appointment.id}#punkt-${page.point.position}` };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const page = await rememberPage(user.participant.id, params.id, params.pointId);
  if (!page) throw notFound();
  const parsed = parseRecollection(await request.formData());
  if (parsed.error) return data({ error: parsed.error, body: parsed.body }, { status: 400 });
  const result = await rememberDifferently(participantAuthor(context, user), {
    appointmentId: page.appointment.id,
    meetingTitle: page.appointment.title,
    pointId: page.point.id,
    body: parsed.body,
    submissionId: parsed.submissionId,
  });
  if (result.status === "not_found") throw notFound();
  return redirect(`/moeder/${page.appointment.id}?husket=${page.point.position}#punkt-${page.point.position}`);
}

export default function RememberRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <RememberPage data={loaderData} answer={actionData} />;
}
