import type { Route } from "./+types/relatives-log";
import { requireParticipant } from "~/lib/auth.server";
import { AccessLogPage } from "../AccessLogPage";
import { accessLog } from "../queries.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  // Only what the page shows: never a caseworker's name or id, never what anyone wrote.
  const entries = await accessLog(user.participant.id, user.personId);
  return { entries };
}

export default function AccessLogRoute({ loaderData }: Route.ComponentProps) {
  return <AccessLogPage entries={loaderData.entries} />;
}
