import { data, redirect } from "react-router";
import type { Route } from "./+types/progress-reminder";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { saveReminderDay } from "../commands.server";
import { paths } from "../components";
import { getReminderDay } from "../queries.server";
import { ReminderPage } from "../ReminderPage";
import stylesheet from "../progress.css?url";
import { reminderSchema } from "../schema";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return { reminderDay: await getReminderDay(user.participant.id) };
}

/** The day of the month for her reminder (1-28), or none. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: reminderSchema });
  if (submission.status !== "success") return data({ refused: true }, { status: 400 });
  const { reminderDay } = submission.value;
  await saveReminderDay(participantActor(context, user), reminderDay);
  return redirect(`${paths.home}?gemt=${reminderDay === null ? "ingen-dag" : "dag"}`);
}

export default function ProgressReminderRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <ReminderPage reminderDay={loaderData.reminderDay} refused={Boolean(actionData?.refused)} />;
}
