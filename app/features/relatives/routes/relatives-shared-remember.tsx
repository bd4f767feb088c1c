import { data, redirect } from "react-router";
import type { Route } from "./+types/relatives-shared-remember";
import { notFound } from "~/lib/auth.server";
import { requestIdOf } from "~/lib/request.server";
import { RememberPage } from "~/features/summaries";
import { parseRecollection, rememberDifferently, rememberPage } from "~/features/summaries/index.server";
import { openSharedView } from "../access.server";

/**
 * "Jeg husker det anderledes" written by a relative (issue 22): only with the appointments scope
 * (to see the summary) and the messages write right the participant gave; written as the relative,
 * as every relative's message is. Everyone else gets 404.
 */
async function open(request: Request, params: Route.LoaderArgs["params"], context: Route.LoaderArgs["context"]) {
  const access = await openSharedView(request, params.participantId, "appointments", "appointment", context);
  if (!access.grant.scopes.includes("messages") || !access.grant.mayWriteMessages) throw notFound();
  const page = await rememberPage(access.participantId, params.id, params.pointId);
  if (!page) throw notFound();
  return { ...access, page };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { page, participantId } = await open(request, params, context);
  return { ...page, backHref: `/hjaelper/${participantId}/moeder/${page.appointment.id}#punkt-${page.point.position}` };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { page, participantId, user } = await open(request, params, context);
  const parsed = parseRecollection(await request.formData());
  if (parsed.error) return data({ error: parsed.error, body: parsed.body }, { status: 400 });
  const result = await rememberDifferently(
    { personId: user.personId, participantId, role: "relative", name: `${user.firstName} ${user.lastName}`.trim(), requestId: requestIdOf(context) },
    { appointmentId: page.appointment.id, meetingTitle: page.appointment.title, pointId: page.point.id, body: parsed.body, submissionId: parsed.submissionId },
  );
  if (result.status === "not_found") throw notFound();
  return redirect(`/hjaelper/${participantId}/moeder/${page.appointment.id}?husket=${page.point.position}#punkt-${page.point.position}`);
}

export default function SharedRememberRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <RememberPage data={loaderData} answer={actionData} />;
}
