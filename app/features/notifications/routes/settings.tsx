import { data, redirect } from "react-router";
import type { Route } from "./+types/settings";
import { parseSubmission } from "~/components/form/submission.server";
import { saveSettings } from "~/features/notifications/commands.server";
import { getSettingsPage } from "~/features/notifications/queries.server";
import { settingsSchema } from "~/features/notifications/schema";
import { SettingsPage } from "~/features/notifications/SettingsPage";
import { requireUser } from "~/lib/auth.server";
import { requestIdOf } from "~/lib/request.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(context);
  return { ...(await getSettingsPage(user)), saved: new URL(request.url).searchParams.has("gemt") };
}

export async function action({ request, context }: Route.ActionArgs) {
  // Whose settings: the signed-in person's, always; nothing in the form names a person.
  const user = await requireUser(context);
  const submission = parseSubmission(await request.formData(), { schema: settingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const { version, ...input } = submission.value;
  const result = await saveSettings({ personId: user.personId, participantId: user.participant?.id ?? null, requestId: requestIdOf(context) }, input, version);
  if (result.status === "conflict") {
    // Nothing is overwritten: the saved choices are shown, and what the person chose stays in the form.
    return data({ result: submission.reply(), conflict: { saved: result.saved, savedVersion: result.savedVersion } }, { status: 409 });
  }
  return redirect("/indstillinger?gemt=1#notifications-status");
}

export default function SettingsRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <SettingsPage loaderData={loaderData} actionData={actionData} />;
}
