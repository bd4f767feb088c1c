import type { Route } from "./+types/plan-version";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { openPlanVersion } from "../page.server";
import { PlanVersionPage } from "../PlanVersionPage";
import { versionParamSchema } from "../schema";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const version = versionParamSchema.safeParse(params.version);
  if (!version.success) throw notFound();
  const page = await openPlanVersion(user.participant.id, version.data);
  if (!page) throw notFound();
  return page;
}

export default function PlanVersionRoute({ loaderData }: Route.ComponentProps) {
  return <PlanVersionPage version={loaderData.version} isCurrent={loaderData.isCurrent} />;
}
