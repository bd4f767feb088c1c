import type { Route } from "./+types/cv";
import { completeness } from "~/features/cv/completeness";
import { OverviewPage } from "~/features/cv/OverviewPage";
import { hasWorkGap } from "~/features/cv/gap";
import { getCv } from "~/features/cv/queries.server";
import { changedSinceShared } from "~/features/cv/snapshot.server";
import { RECOMMENDED_TASK_COUNT } from "~/features/cv/task-suggestions.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const cv = await getCv(user.participant.id);
  const url = new URL(request.url);
  return {
    shared: url.searchParams.has("delt"),
    sharedAt: cv.sharedAt,
    changedSinceShared: changedSinceShared(cv),
    gap: hasWorkGap(cv.entries),
    completeness: completeness(cv, RECOMMENDED_TASK_COUNT),
  };
}

export default function CvPage({ loaderData }: Route.ComponentProps) {
  return <OverviewPage loaderData={loaderData} />;
}
