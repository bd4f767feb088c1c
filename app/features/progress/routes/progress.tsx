import type { Route } from "./+types/progress";
import { requireParticipant } from "~/lib/auth.server";
import { ProgressPage } from "../ProgressPage";
import { progressPage } from "../pages.server";
import stylesheet from "../progress.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** Sådan går det: this month, the next reminder, her answers over time. Hers alone (404 for anyone else). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return progressPage(user.participant.id, new URL(request.url));
}

export default function ProgressRoute({ loaderData }: Route.ComponentProps) {
  return <ProgressPage page={loaderData} />;
}
