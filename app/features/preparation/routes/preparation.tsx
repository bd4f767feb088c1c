import type { Route } from "./+types/preparation";
import { requireParticipant } from "~/lib/auth.server";
import { savedPartOf } from "../notices";
import { getPreparation } from "../queries.server";
import { getMeetingFor } from "../setting.server";
import { TaskListPage } from "../TaskListPage";
import { noJavaScript } from "~/features/content";
import type { I18nHandle } from "~/lib/i18n/namespaces";

/**
 * A page to read and follow links from: sent without React (issue 21), as it works without
 * JavaScript; the translations it uses beside "common" (lib/i18n/namespaces.ts).
 */
export const handle = { ...noJavaScript, i18n: ["appointments", "preparation"] } satisfies I18nHandle;

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
