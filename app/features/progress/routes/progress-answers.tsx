import { data, redirect } from "react-router";
import type { Route } from "./+types/progress-answers";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { AnswersPage, type AnswersActionData } from "../AnswersPage";
import { saveAnswers } from "../commands.server";
import { paths } from "../components";
import { answersPage, currentMonth } from "../pages.server";
import stylesheet from "../progress.css?url";
import { answersSchema } from "../schema";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return answersPage(user.participant.id);
}

/** Saves this month's answers (version checked); errors and conflicts keep what she typed. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: answersSchema });
  if (submission.status !== "success") {
    return data<AnswersActionData>({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const { version, ...fields } = submission.value;
  const result = await saveAnswers(participantActor(context, user), currentMonth(), fields, version);
  if (result.status === "conflict") {
    return data<AnswersActionData>({ result: submission.reply(), conflict: { saved: result.saved } }, { status: 409 });
  }
  return redirect(`${paths.home}?gemt=svar`);
}

export default function ProgressAnswersRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <AnswersPage month={loaderData.month} saved={loaderData.saved} actionData={actionData} />;
}
