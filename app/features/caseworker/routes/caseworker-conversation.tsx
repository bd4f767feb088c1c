import { data, redirect } from "react-router";
import type { Route } from "./+types/caseworker-conversation";
import { requireCaseworkerStrict } from "../access.server";
import { recordConversationViewed } from "../commands.server";
import { ConversationPage, type ConversationNotice } from "../ConversationPage";
import { caseworkerAuthor, findMyConversation, openConversation } from "../messages.server";
import { handledSchema, proposalSchema, replySchema } from "../messages-schema";
import caseworkerStylesheet from "../caseworker.css?url";
import stylesheet from "../messages.css?url";
import { parseSubmission } from "~/components/form/submission.server";
import { markHandled, proposeNewTime, writeMessage } from "~/features/messages/index.server";
import { notFound } from "~/lib/auth.server";
import { requestIdOf } from "~/lib/request.server";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: caseworkerStylesheet },
  { rel: "stylesheet", href: stylesheet },
];

const NOTICES: Record<string, ConversationNotice> = { svar: "sent", haandteret: "handled", "ny-tid": "proposed" };

/**
 * One of her participants' conversations (404 for everyone else). Opening it is the receipt for
 * the participant's side's messages, and one read in the participant's log.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireCaseworkerStrict(context);
  const now = new Date();
  const page = await openConversation(user.personId, params.conversationId, now);
  if (!page) throw notFound();
  // Recorded only once the page is found: a refused address is not "seen".
  await recordConversationViewed({
    caseworkerPersonId: user.personId,
    participantId: page.participant.id,
    conversationId: page.conversation.id,
    requestId: requestIdOf(context),
  });
  const done = new URL(request.url).searchParams.get("sendt");
  return { ...page, now, notice: (done && NOTICES[done]) || null };
}

/** Reply, "Markér som håndteret" and "Foreslå en ny tid": each checks access itself. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireCaseworkerStrict(context);
  const mine = await findMyConversation(user.personId, params.conversationId);
  if (!mine) throw notFound();
  const conversationId = params.conversationId;
  const author = caseworkerAuthor(context, user, mine.participantId);
  const here = `/sagsbehandler/beskeder/${conversationId}`;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "reply") {
    const submission = parseSubmission(formData, { schema: replySchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const written = await writeMessage(author, conversationId, submission.value);
    if (written.status === "not_found") throw notFound();
    return redirect(`${here}?sendt=svar`);
  }
  if (intent === "handled") {
    const submission = parseSubmission(formData, { schema: handledSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const handled = await markHandled(author, conversationId);
    if (handled.status === "not_found") throw notFound();
    return redirect(`${here}?sendt=haandteret`);
  }
  if (intent === "propose") {
    const submission = parseSubmission(formData, { schema: proposalSchema() });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const proposed = await proposeNewTime(author, conversationId, submission.value);
    if (proposed.status === "not_found") throw notFound();
    if (proposed.status === "no_meeting") {
      return data({ intent, result: submission.reply({ formErrors: ["conversation.errors.noMeeting"] }) }, { status: 400 });
    }
    return redirect(`${here}?sendt=ny-tid`);
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function CaseworkerConversationRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <ConversationPage page={loaderData} action={actionData} />;
}
