import type { Route } from "./+types/relatives-shared-messages";
import { notFound } from "~/lib/auth.server";
import { openSharedView } from "../access.server";
import { participantName } from "../queries.server";
import { mayWriteMessages, sharedMessagesPage } from "../shared-messages.server";
import { SharedMessagesPage } from "../SharedMessagesPage";

/**
 * The participant's conversations with her caseworker, for a relative with the "messages" scope:
 * subjects, where a request stands and when the last message came. Only the participant starts a
 * conversation; with the right to write, the relative answers inside one.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { grant, participantId, viewed } = await openSharedView(request, params.participantId, "messages", "messages", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const page = await sharedMessagesPage(participantId);
  await viewed();
  return { participantId, firstName: person.firstName, mayWrite: mayWriteMessages(grant), ...page };
}

export default function SharedMessagesRoute({ loaderData }: Route.ComponentProps) {
  return <SharedMessagesPage loaderData={loaderData} />;
}
