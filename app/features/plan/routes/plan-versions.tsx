import type { Route } from "./+types/plan-versions";
import { requireParticipant } from "~/lib/auth.server";
import { listPlanVersions } from "../page.server";
import { PlanVersionsPage } from "../PlanVersionsPage";
import type { I18nHandle } from "~/lib/i18n/namespaces";

/** The translations this page uses beside "common" (lib/i18n/namespaces.ts). */
export const handle = { i18n: ["plan"] } satisfies I18nHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  // Reads only: the current version comes from the plan itself when nobody has frozen it yet.
  return listPlanVersions(user.participant.id);
}

export default function PlanVersionsRoute({ loaderData }: Route.ComponentProps) {
  return <PlanVersionsPage currentVersion={loaderData.currentVersion} versions={loaderData.versions} />;
}
