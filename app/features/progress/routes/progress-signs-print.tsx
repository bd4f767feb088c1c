import type { Route } from "./+types/progress-signs-print";
import { requireParticipant } from "~/lib/auth.server";
import stylesheet from "../progress.css?url";
import { getSigns } from "../queries.server";
import { SignsPrintPage } from "../SignsPrintPage";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** Her signs and strategies on paper, to bring to a meeting. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return { signs: await getSigns(user.participant.id), name: `${user.firstName} ${user.lastName}`, printedAt: new Date() };
}

export default function ProgressSignsPrintRoute({ loaderData }: Route.ComponentProps) {
  return <SignsPrintPage signs={loaderData.signs} name={loaderData.name} printedAt={loaderData.printedAt} />;
}
