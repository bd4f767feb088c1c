import { data, redirect } from "react-router";
import type { Route } from "./+types/preparation-check";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { PreparationCheck } from "../CheckPage";
import { CHECK_SLUG } from "../parts";
import { shareSchema } from "../schema";
import type { ShareStep } from "../share";
import { loadCheckPage, reviewOrShare } from "../share.server";

/** /forberedelse/tjek-og-del: the session's own preparation only. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return loadCheckPage(user.participant.id, new URL(request.url));
}

/** "Se, hvad du deler" (review, writes nothing), "Ret mit valg" (change) and "Del med min sagsbehandler" (share): see reviewOrShare. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: shareSchema });
  if (submission.status !== "success") return data<ShareStep>({ step: "choose", chosen: [], error: null }, { status: 400 });
  const outcome = await reviewOrShare(participantActor(context, user), submission.value);
  if ("shared" in outcome) return redirect(`/forberedelse/${CHECK_SLUG}?delt=${outcome.shared}#del`);
  return data<ShareStep>(outcome.show, { status: outcome.status });
}

export default function PreparationCheckPage(props: Route.ComponentProps) {
  return <PreparationCheck {...props} />;
}
