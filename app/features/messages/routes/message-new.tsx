import { data, redirect } from "react-router";
import type { Route } from "./+types/message-new";
import { requireParticipant } from "~/lib/auth.server";
import { NewMessagePage } from "../NewMessagePage";
import { sendNewMessage } from "../actions.server";
import { newMessagePage } from "../pages.server";

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

export default function NewMessageRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <NewMessagePage data={loaderData} actionData={actionData} />;
}
