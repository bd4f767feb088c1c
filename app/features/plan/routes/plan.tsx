import { data, redirect } from "react-router";
import type { Route } from "./+types/plan";
import { parseSubmission } from "~/components/form/submission.server";
import { requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";
import { confirmRead, freezeIfCurrent, markPlanSeen } from "../commands.server";
import { openPlanPage } from "../page.server";
import { PlanPage } from "../PlanPage";
import { parsePlanSearch, planReadSchema } from "../schema";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  // Reads only: "Nyt siden dit sidste besøg" stays until the person posts that they have read it.
  const page = await openPlanPage({ participantId: user.participant.id, personId: user.personId });
  return { page, ...parsePlanSearch(new URL(request.url)) };
}

/**
 * "Jeg har læst planen" (`intent=confirm-read`) and "Marker som læst" (`intent=mark-seen`): both
 * take the "Nyt" marks away up to the version the page showed. Every other write has its own page.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: planReadSchema });
  if (submission.status !== "success") return data({ refused: true }, { status: 400 });
  const actor = participantActor(context, user);
  const { intent, planVersion } = submission.value;
  const result = intent === "confirm-read" ? await confirmRead(actor, planVersion) : await markPlanSeen(actor, planVersion);
  if (result === "invalid") return data({ refused: true }, { status: 400 });
  // Kept, so the next change can be shown against what the person saw.
  await freezeIfCurrent(user.participant.id, planVersion);
  return redirect(intent === "confirm-read" ? "/min-plan?gemt=laest#laest" : "/min-plan?gemt=nyt-set#nyt");
}

export default function PlanRoute({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <PlanPage
      page={loaderData.page}
      saved={loaderData.saved}
      savedSubGoal={loaderData.savedSubGoal}
      refused={Boolean(actionData?.refused)}
    />
  );
}
