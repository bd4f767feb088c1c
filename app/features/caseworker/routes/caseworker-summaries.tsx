import type { Route } from "./+types/caseworker-summaries";
import { requireCaseworkerStrict } from "../access.server";
import stylesheet from "../caseworker.css?url";
import { pastMeetingsOf } from "../summaries.server";
import { notFound } from "~/lib/auth.server";
import { CaseworkerSummaryListPage } from "~/features/summaries";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** `/sagsbehandler/:participantId/referater`: her participant's past meetings and their summaries (404 for anyone else). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireCaseworkerStrict(context);
  const page = await pastMeetingsOf(user.personId, params.participantId);
  if (!page) throw notFound();
  return page;
}

export default function CaseworkerSummariesRoute({ loaderData }: Route.ComponentProps) {
  return <CaseworkerSummaryListPage data={loaderData} />;
}
