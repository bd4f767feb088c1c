import type { Route } from "./+types/messages";
import { requireParticipant } from "~/lib/auth.server";
import { MessagesPage } from "../MessagesPage";
import { messagesPage } from "../pages.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return messagesPage(user);
}

export default function MessagesRoute({ loaderData }: Route.ComponentProps) {
  const { conversations, caseworker, answerWorkdays } = loaderData;
  return <MessagesPage conversations={conversations} caseworker={caseworker} answerWorkdays={answerWorkdays} />;
}
