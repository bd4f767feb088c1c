import { data, redirect } from "react-router";
import type { Route } from "./+types/preparation-part";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { savePart } from "../commands.server";
import { loadPartPage, pathAfterSave, writablePart } from "../part.server";
import { PartPage } from "../PartPage";
import { mineOf, partIntentOf, partSchema, toPartInput } from "../schema";

/** /forberedelse/:part, parts 2-8. The participant is always the session's; any other slug is 404. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return loadPartPage(user.participant.id, writablePart(params.part), new URL(request.url));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const part = writablePart(params.part);
  const formData = await request.formData();
  const intent = partIntentOf(formData);
  // "Behold den gemte udgave" after a conflict: nothing to write.
  if (intent === "keep-saved") return redirect(pathAfterSave(part, intent));
  const submission = parseSubmission(formData, { schema: partSchema(part) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const input = toPartInput(part, submission.value as Record<string, unknown>);
  const result = await savePart(participantActor(context, user), part.key, input);
  if (result.status === "conflict") {
    // Nothing the person typed is lost: both versions go back to the page.
    return data({ result: submission.reply(), conflict: { saved: result.saved, mine: mineOf(input) } }, { status: 409 });
  }
  return redirect(pathAfterSave(part, intent));
}

export default function PreparationPartPage(props: Route.ComponentProps) {
  return <PartPage {...props} />;
}
