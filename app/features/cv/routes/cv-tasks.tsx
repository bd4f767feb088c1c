import { data, redirect } from "react-router";
import type { Route } from "./+types/cv-tasks";
import { parseSubmission } from "~/components/form/submission.server";
import { tasksSchema } from "~/features/cv/schema";
import { TasksPage } from "~/features/cv/TasksPage";
import { changeTasks, tasksPage } from "~/features/cv/tasks.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return tasksPage(user.participant.id, new URL(request.url));
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: tasksSchema });
  // Every field is optional and read leniently: the parse cannot fail, and nothing is saved unread.
  if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
  const outcome = await changeTasks(participantActor(context, user), submission.value);
  if (outcome.status === "redirect") return redirect(outcome.to);
  return data(outcome.body, { status: outcome.status });
}

export default function CvTasksRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <TasksPage loaderData={loaderData} actionData={actionData} />;
}
