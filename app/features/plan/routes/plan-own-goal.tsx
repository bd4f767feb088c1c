import { data, redirect } from "react-router";
import type { Route } from "./+types/plan-own-goal";
import { parseSubmission } from "~/components/form/submission.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";
import { saveOwnGoal } from "../commands.server";
import { OwnGoalPage, type OwnGoalActionData } from "../OwnGoalPage";
import { openOwnGoalPage } from "../page.server";
import { keepSavedSchema, ownGoalSchema } from "../schema";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const page = await openOwnGoalPage({ participantId: user.participant.id, personId: user.personId });
  // The own goal lives in the plan: without a plan there is nothing to write it in yet.
  if (!page) throw redirect("/min-plan");
  return page;
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const formData = await request.formData();
  // "Behold den gemte tekst" after a conflict: nothing to save.
  if (parseSubmission(formData, { schema: keepSavedSchema }).status === "success") return redirect("/min-plan#eget-maal");
  const submission = parseSubmission(formData, { schema: ownGoalSchema });
  if (submission.status !== "success") {
    return data<OwnGoalActionData>({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const { ownGoal, version } = submission.value;
  const result = await saveOwnGoal(participantActor(context, user), ownGoal, version);
  if (result.status === "missing") throw notFound();
  if (result.status === "conflict") {
    // Nothing the person typed is lost: both texts go back to the page.
    const { saved, savedVersion, savedAt, savedBy } = result;
    const conflict = { mine: ownGoal, saved, savedVersion, savedAt, savedBy };
    return data<OwnGoalActionData>({ result: submission.reply(), conflict }, { status: 409 });
  }
  return redirect("/min-plan?gemt=eget-maal#eget-maal");
}

export default function OwnGoalRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <OwnGoalPage page={loaderData} actionData={actionData} />;
}
