import { data, redirect } from "react-router";
import type { Route } from "./+types/cv-section";
import { parseSubmission } from "~/components/form/submission.server";
import { cvTranslator } from "~/features/cv/i18n.server";
import { sectionActionSchema } from "~/features/cv/schema";
import { changeSection, sectionOf, sectionPage } from "~/features/cv/section.server";
import { SectionPage } from "~/features/cv/SectionPage";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const section = sectionOf(params);
  return sectionPage(user.participant.id, section, new URL(request.url), () => cvTranslator(context));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const section = sectionOf(params);
  const submission = parseSubmission(await request.formData(), { schema: sectionActionSchema });
  if (submission.status !== "success") return data({ error: "unknown" as const }, { status: 400 });
  const outcome = await changeSection(participantActor(context, user), section, submission.value, () => cvTranslator(context));
  if ("to" in outcome) return redirect(outcome.to);
  return data({ error: outcome.error }, { status: 400 });
}

export default function CvSectionRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <SectionPage loaderData={loaderData} actionData={actionData} />;
}
