import { data, redirect } from "react-router";
import type { Route } from "./+types/progress-set";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { AnswerSetPage } from "../AnswerSetPage";
import { setAnswerSetSharing } from "../commands.server";
import { paths } from "../components";
import { answerSetPage } from "../pages.server";
import stylesheet from "../progress.css?url";
import { shareSchema } from "../schema";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** One month's answers and its share switch; another participant's (or a malformed) id is 404. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const page = await answerSetPage(user.participant.id, params.id, new URL(request.url));
  if (!page) throw notFound();
  return page;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: shareSchema });
  if (submission.status !== "success") return data({ refused: true }, { status: 400 });
  const share = submission.value.intent === "share";
  if (!(await setAnswerSetSharing(participantActor(context, user), params.id, share))) throw notFound();
  return redirect(`${paths.set(params.id)}?gemt=${share ? "delt" : "stoppet"}`);
}

export default function ProgressSetRoute({ loaderData }: Route.ComponentProps) {
  return <AnswerSetPage page={loaderData} />;
}
