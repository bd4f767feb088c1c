import { data, redirect } from "react-router";
import type { Route } from "./+types/conversation";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { isUuid } from "~/lib/ids";
import { ConversationPage } from "../ConversationPage";
import { replyInConversation } from "../actions.server";
import { markConversationRead } from "../commands.server";
import { conversationPage } from "../pages.server";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  if (!isUuid(params.id)) throw notFound();
  const page = await conversationPage(user, params.id);
  if (!page) throw notFound();
  // The receipt: she has now seen her caseworker's messages ("Læst af Jonas").
  await markConversationRead({ side: "participant" }, user.participant.id, params.id);
  return page;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  if (!isUuid(params.id)) throw notFound();
  const outcome = await replyInConversation(context, user, params.id, await request.formData());
  if (outcome.kind === "redirect") return redirect(outcome.to);
  return data(outcome.body, { status: outcome.status });
}

export default function ConversationRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <ConversationPage data={loaderData} actionData={actionData} />;
}
