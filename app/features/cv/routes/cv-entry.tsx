import { data, redirect } from "react-router";
import type { Route } from "./+types/cv-entry";
import { parseSubmission } from "~/components/form/submission.server";
import { EntryPage } from "~/features/cv/EntryPage";
import { editIntentSchema, entrySchema } from "~/features/cv/schema";
import { ownEntry, saveEntry, sectionOf } from "~/features/cv/section.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";

/** /cv/:section/ny: a new entry, with a one-time submissionId (a double submit adds it once). */
const NEW = "ny";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const section = sectionOf(params);
  if (params.entryId === NEW) return { slug: section.slug, entry: null, submissionId: crypto.randomUUID() };
  return { slug: section.slug, entry: await ownEntry(user.participant.id, section, params.entryId), submissionId: null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const section = sectionOf(params);
  const existing = params.entryId === NEW ? null : await ownEntry(user.participant.id, section, params.entryId);
  const formData = await request.formData();
  const saved = (id: string) => redirect(`/cv/${section.slug}?gemt=${id}#cv-status`);
  const intent = parseSubmission(formData, { schema: editIntentSchema });
  if (existing && intent.status === "success" && intent.value.intent === "keep-saved") return saved(existing.id);

  const submission = parseSubmission(formData, { schema: entrySchema(section) });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const result = await saveEntry(participantActor(context, user), section, existing, submission.value);
  if (result.status === "conflict") return data({ result: submission.reply(), conflict: result.saved }, { status: 409 });
  return saved(result.id);
}

export default function CvEntryRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <EntryPage loaderData={loaderData} actionData={actionData} />;
}
