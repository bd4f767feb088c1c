import type { Route } from "./+types/plan-versions";
import { requireParticipant } from "~/lib/auth.server";
import { listPlanVersions } from "../page.server";
import { PlanVersionsPage } from "../PlanVersionsPage";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  // Reads only: the current version comes from the plan itself when nobody has frozen it yet.
  return listPlanVersions(user.participant.id);
}

export default function PlanVersionsRoute({ loaderData }: Route.ComponentProps) {
  return <PlanVersionsPage currentVersion={loaderData.currentVersion} versions={loaderData.versions} />;
}
