import { data, redirect } from "react-router";
import type { Route } from "./+types/cv-about";
import { parseSubmission } from "~/components/form/submission.server";
import { AboutPage } from "~/features/cv/AboutPage";
import { saveSummary } from "~/features/cv/commands.server";
import { getCv } from "~/features/cv/queries.server";
import { editIntentSchema, summarySchema } from "~/features/cv/schema";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const cv = await getCv(user.participant.id);
  return { summary: cv.summary, version: cv.profileVersion, saved: new URL(request.url).searchParams.has("gemt") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const formData = await request.formData();
  const intent = parseSubmission(formData, { schema: editIntentSchema });
  if (intent.status === "success" && intent.value.intent === "keep-saved") return redirect("/cv/om-mig?gemt=1#cv-status");
  const submission = parseSubmission(formData, { schema: summarySchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const { summary, version } = submission.value;
  const result = await saveSummary(participantActor(context, user), summary, version);
  if (result.status === "conflict") {
    const conflict = { mine: summary, saved: result.saved, savedVersion: result.savedVersion, savedAt: result.savedAt };
    return data({ result: submission.reply(), conflict }, { status: 409 });
  }
  return redirect("/cv/om-mig?gemt=1#cv-status");
}

export default function CvAboutRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <AboutPage loaderData={loaderData} actionData={actionData} />;
}
