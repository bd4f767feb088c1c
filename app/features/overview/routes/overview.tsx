import type { Route } from "./+types/overview";
import { pendingInvitationRedirect } from "~/features/relatives/index.server";
import { requireUser } from "~/lib/auth.server";
import { OverviewPage } from "../OverviewPage";
import { openOverview } from "../queries.server";

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
