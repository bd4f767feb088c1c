import type { Route } from "./+types/relatives-shared-plan";
import { getPlanView } from "~/features/plan/index.server";
import { notFound } from "~/lib/auth.server";
import { openSharedView } from "../access.server";
import { participantName } from "../queries.server";
import { relativePlanView } from "../shared.server";
import { SharedPlanPage } from "../SharedPlanPage";

/**
 * The participant's plan, read-only, for a relative with the "plan" scope. Only what the plan
 * page shows the jobcentre's way: the participant's own marks on sub-goals, their questions and
 * read confirmations are theirs and never sent to the relative's browser.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, participantId, viewed } = await openSharedView(request, params.participantId, "plan", "plan", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const view = await getPlanView({ participantId, personId: user.personId });
  await viewed();
  return { firstName: person.firstName, plan: view ? relativePlanView(view, person.firstName) : null };
}

export default function SharedPlanRoute({ loaderData }: Route.ComponentProps) {
  return <SharedPlanPage loaderData={loaderData} />;
}
