import { data, redirect } from "react-router";
import type { Route } from "./+types/cv-contact";
import { parseSubmission } from "~/components/form/submission.server";
import { ContactPage } from "~/features/cv/ContactPage";
import { saveContact } from "~/features/cv/commands.server";
import { getCv } from "~/features/cv/queries.server";
import { contactSchema } from "~/features/cv/schema";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const cv = await getCv(user.participant.id);
  return {
    name: cv.name,
    contact: cv.contact,
    visibility: cv.visibility,
    version: cv.profileVersion,
    saved: new URL(request.url).searchParams.has("gemt"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: contactSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const { version, ...input } = submission.value;
  const result = await saveContact(participantActor(context, user), input, version);
  if (result.status === "conflict") {
    // Nothing is overwritten: the saved choices are shown, and what the person chose stays in the form.
    return data({ result: submission.reply(), conflict: { saved: result.saved, savedVersion: result.savedVersion } }, { status: 409 });
  }
  return redirect("/cv/kontakt?gemt=1#cv-status");
}

export default function CvContactRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <ContactPage loaderData={loaderData} actionData={actionData} />;
}
