import type { Route } from "./+types/messages";
import { requireParticipant } from "~/lib/auth.server";
import { MessagesPage } from "../MessagesPage";
import { messagesPage } from "../pages.server";
import type { I18nHandle } from "~/lib/i18n/namespaces";

/** The translations this page uses beside "common" (lib/i18n/namespaces.ts). */
export const handle = { i18n: ["messages"] } satisfies I18nHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return messagesPage(user);
}

export default function MessagesRoute({ loaderData }: Route.ComponentProps) {
  return <MessagesPage {...loaderData} />;
}
