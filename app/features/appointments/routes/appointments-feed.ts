import type { Route } from "./+types/appointments-feed";
import { appointmentsT, calendarResponse, feedFile } from "../calendar.server";
import { publicOrigin } from "~/lib/env.server";
import { findFeedByToken, listFeedAppointments } from "../queries.server";
import { actAs } from "~/lib/auth.server";
import { limitResource } from "~/lib/rate-limit.server";

/**
 * At most RATE_LIMIT_CALENDAR_FEED requests per feed link (calendar apps ask every few minutes to
 * hours). Only well-formed links are counted: a guessed one is 404 either way.
 */
export const middleware = [limitResource("calendarFeed", ({ params }) => (/^[\w-]{43}$/.test(params.token ?? "") ? params.token! : null))];

/**
 * /kalender/:token/moeder.ics: the participant's subscribed calendar. Calendar apps cannot
 * sign in, so the secret token in the address is the only key; no session is read.
 * An unknown token is 404; a stopped one is 410 Gone, which tells apps to stop asking.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const feed = await findFeedByToken(params.token);
  if (feed.status === "unknown") throw new Response("Not Found", { status: 404 });
  if (feed.status === "revoked") throw new Response("Gone", { status: 410 });
  // The token speaks for its owner only: row-level security shows their meetings and nobody else's.
  await actAs(feed.personId);
  const rows = await listFeedAppointments(feed.participantId);
  const body = feedFile(rows, { t: appointmentsT(feed.language), origin: publicOrigin(request) });
  return calendarResponse(body, "min-vej-moeder.ics", "inline");
}
