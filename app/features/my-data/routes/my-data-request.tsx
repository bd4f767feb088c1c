import { randomUUID } from "node:crypto";
import { data, redirect } from "react-router";
import type { Route } from "./+types/my-data-request";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { translatorOf } from "~/lib/i18n/i18n.server";
import { requestDeletion } from "../commands.server";
import { RequestPage, type RequestActionData } from "../RequestPage";
import { requestSchema } from "../schema";

export async function loader({ context }: Route.LoaderArgs) {
  await requireParticipant(context);
  return { submissionId: randomUUID() };
}

/** Sends the request as a new conversation with her caseworker, then shows it there. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const form = Object.fromEntries(await request.formData());
  const parsed = requestSchema.safeParse(form);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((issue) => issue.path[0] === "text");
    const text = typeof form.text === "string" ? form.text : "";
    return data<RequestActionData>({ error: tooLong ? "request.errors.tooLong" : "request.errors.formError", text }, { status: 400 });
  }
  const t = translatorOf(context, "my-data");
  const conversationId = await requestDeletion(
    { ...participantActor(context, user), firstName: user.firstName, lastName: user.lastName },
    { subject: t("request.subject"), body: parsed.data.text || t("request.body"), submissionId: parsed.data.submissionId },
  );
  return redirect(`/beskeder/${conversationId}`);
}

export default function MyDataRequestRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <RequestPage submissionId={loaderData.submissionId} actionData={actionData} />;
}
