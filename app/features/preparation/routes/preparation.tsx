import type { Route } from "./+types/preparation";
import { requireParticipant } from "~/lib/auth.server";
import { savedPartOf } from "../notices";
import { getTaskListFor } from "../setting.server";
import { TaskListPage } from "../TaskListPage";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const { parts, meeting } = await getTaskListFor(user.participant);
  return { parts, meeting, savedKey: savedPartOf(new URL(request.url)) };
}

export default function PreparationPage(props: Route.ComponentProps) {
  return <TaskListPage {...props} />;
}
