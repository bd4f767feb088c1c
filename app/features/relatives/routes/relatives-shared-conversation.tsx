import { data, redirect } from "react-router";
import type { Route } from "./+types/relatives-shared-conversation";
import { notFound } from "~/lib/auth.server";
import { openSharedView } from "../access.server";
import { participantName } from "../queries.server";
import { mayWriteMessages, replyAsRelative, sharedConversationPage } from "../shared-messages.server";
import { SharedConversationPage } from "../SharedConversationPage";

/**
 * One of the participant's conversations, for a relative with the "messages" scope: read-only, or
 * with the right to write a reply form (text only, with drafts). Opening it is in her access log,
 * and gives no receipt: whether she has read her caseworker's answer stays hers.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, grant, participantId, viewed } = await openSharedView(request, params.participantId, "messages", "conversation", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const page = await sharedConversationPage(user.personId, grant, participantId, params.id);
  if (!page) throw notFound();
  await viewed();
  return { participantId, firstName: person.firstName, ...page };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  // Access again, on this request: an active grant with the messages scope AND the right to write.
  const { user, grant, participantId } = await openSharedView(request, params.participantId, "messages", "conversation", context);
  if (!mayWriteMessages(grant)) throw notFound();
  const outcome = await replyAsRelative(context, user, participantId, params.id, await request.formData());
  if (outcome.kind === "redirect") return redirect(outcome.to);
  return data(outcome.body, { status: outcome.status });
}

export default function SharedConversationRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <SharedConversationPage loaderData={loaderData} actionData={actionData} />;
}
