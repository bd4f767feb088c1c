import type { Route } from "./+types/preparation";
import { requireParticipant } from "~/lib/auth.server";
import { savedPartOf } from "../notices";
import { getPreparation } from "../queries.server";
import { getMeetingFor } from "../setting.server";
import { TaskListPage } from "../TaskListPage";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const [preparation, meeting] = await Promise.all([
    getPreparation(user.participant.id),
    getMeetingFor(user.participant),
  ]);
  return {
    parts: preparation.parts.map((part) => ({ key: part.key, slug: part.slug, status: part.status, share: part.share.kind })),
    meeting: meeting ? { id: meeting.id, startsAt: meeting.startsAt } : null,
    savedKey: savedPartOf(new URL(request.url)),
  };
}

export default function PreparationPage(props: Route.ComponentProps) {
  return <TaskListPage {...props} />;
}
