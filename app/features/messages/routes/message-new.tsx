import { data, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/message-new";
import { requireParticipant } from "~/lib/auth.server";
import { NewMessagePage } from "../NewMessagePage";
import { sendNewMessage } from "../actions.server";
import { newMessagePage } from "../pages.server";
import type { I18nHandle } from "~/lib/i18n/namespaces";

/** The translations this page uses beside "common" (lib/i18n/namespaces.ts). */
export const handle = { i18n: ["messages", "preparation"] } satisfies I18nHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return newMessagePage(user, new URL(request.url).searchParams);
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const outcome = await sendNewMessage(context, user, await request.formData());
  if (outcome.kind === "redirect") return redirect(outcome.to);
  return data(outcome.body, { status: outcome.status });
}

export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;
}

export default function NewMessageRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <NewMessagePage data={loaderData} actionData={actionData} />;
}
