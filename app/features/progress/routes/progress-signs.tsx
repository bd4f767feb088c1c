import { data, redirect } from "react-router";
import type { Route } from "./+types/progress-signs";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { saveSigns, setSignsSharing } from "../commands.server";
import { paths } from "../components";
import { signsPage } from "../pages.server";
import stylesheet from "../progress.css?url";
import { shareSchema, signsSchema } from "../schema";
import { SignsPage, type SignsActionData } from "../SignsPage";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return signsPage(user.participant.id, new URL(request.url));
}

/** Saves the two lists (version checked), or flips the one share switch (`intent`). */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const actor = participantActor(context, user);
  const formData = await request.formData();
  const switched = parseSubmission(formData, { schema: shareSchema });
  if (switched.status === "success") {
    const share = switched.value.intent === "share";
    // Nothing saved to share (another window emptied the lists): nothing happens.
    if (!(await setSignsSharing(actor, share))) return redirect(paths.signs);
    return redirect(`${paths.signs}?gemt=${share ? "delt" : "stoppet"}`);
  }
  const submission = parseSubmission(formData, { schema: signsSchema });
  if (submission.status !== "success") {
    return data<SignsActionData>({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const { warningSigns, strategies, version } = submission.value;
  const result = await saveSigns(actor, { warningSigns, strategies }, version);
  if (result.status === "conflict") {
    return data<SignsActionData>({ result: submission.reply(), conflict: { saved: result.saved } }, { status: 409 });
  }
  return redirect(`${paths.signs}?gemt=gemt`);
}

export default function ProgressSignsRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <SignsPage page={loaderData} actionData={actionData} />;
}
