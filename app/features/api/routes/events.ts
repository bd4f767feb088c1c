import { apiLoader, ApiProblem, methodNotAllowed, queryOf } from "../handler.server";
import { eventCursors } from "../cursor";
import { eventOf } from "../present.server";
import { eventsAfter } from "../queries.server";
import { EventPage, EventsQuery } from "../schema";

/**
 * GET /api/v1/events?after=<cursor>&limit=: the change feed (caseworker.events) of the client's
 * municipality's participants, settled events only, in the order they committed, so a client that
 * keeps `nextCursor` misses nothing and reads nothing twice. What an event says (that she shared a
 * part, that she cannot come) is about her, so each participant on a page is one line in her log.
 */
export const loader = apiLoader("events:read", EventPage, async ({ request, caller }) => {
  const query = queryOf(request, EventsQuery);
  const after = query.after === undefined ? eventCursors.start : eventCursors.decode(query.after);
  if (!after) throw new ApiProblem("invalid-request", "after: give the nextCursor of the page before.");
  const rows = await eventsAfter(caller, after, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    body: {
      events: page.map(eventOf),
      nextCursor: eventCursors.encode(last ? { position: last.transactionPosition, id: last.id } : after),
      hasMore: rows.length > query.limit,
    },
    read: { what: "events", participantIds: page.map((row) => row.participantId) },
  };
});

export const action = methodNotAllowed;
