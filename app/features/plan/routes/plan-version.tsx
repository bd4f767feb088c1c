import type { Route } from "./+types/plan-version";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { openPlanVersion } from "../page.server";
import { PlanVersionPage } from "../PlanVersionPage";
import { versionParamSchema } from "../schema";
import type { I18nHandle } from "~/lib/i18n/namespaces";

/** The translations this page uses beside "common" (lib/i18n/namespaces.ts). */
export const handle = { i18n: ["plan"] } satisfies I18nHandle;

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
