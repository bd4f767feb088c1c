import { data, redirect } from "react-router";
import type { Route } from "./+types/message-callback";
import { requireParticipant } from "~/lib/auth.server";
import { personContact } from "~/lib/contacts.server";
import { CallbackPage } from "../CallbackPage";
import { requestCallback } from "../actions.server";
import { callbackPage } from "../pages.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const own = await personContact(user.personId);
  return callbackPage(user, own?.phone ?? null);
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const outcome = await requestCallback(context, user, await request.formData());
  if (outcome.kind === "redirect") return redirect(outcome.to);
  return data(outcome.body, { status: outcome.status });
}

export default function CallbackRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <CallbackPage data={loaderData} actionData={actionData} />;
}
