import type { Route } from "./+types/overview";
import { pendingInvitationRedirect } from "~/features/relatives/index.server";
import { requireUser } from "~/lib/auth.server";
import { OverviewPage } from "../OverviewPage";
import { openOverview } from "../queries.server";
import { noJavaScript } from "~/features/content";
import type { I18nHandle } from "~/lib/i18n/namespaces";

/**
 * A page to read and follow links from: sent without React (issue 21), as it works without
 * JavaScript; the translations it uses beside "common" (lib/i18n/namespaces.ts).
 */
export const handle = { ...noJavaScript, i18n: ["appointments", "caseworker", "my-data", "notifications", "overview", "plan", "preparation", "progress", "relatives"] } satisfies I18nHandle;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(context);
  // Back to the invitation the person opened before signing in (relatives).
  const pendingInvitation = await pendingInvitationRedirect(request);
  if (pendingInvitation) throw pendingInvitation;
  return openOverview(user);
}

export default function OverviewRoute({ loaderData }: Route.ComponentProps) {
  return <OverviewPage page={loaderData} />;
}
