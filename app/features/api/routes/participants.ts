import { apiLoader, ApiProblem, byMethod, queryOf } from "../handler.server";
import { postParticipant } from "../writes.server";
import { participantCursors } from "../cursor";
import { participantOf } from "../present.server";
import { listParticipants } from "../queries.server";
import { ParticipantListQuery, ParticipantPage } from "../schema";

/**
 * GET /api/v1/participants: the client's municipality's participants, a page at a time. Each
 * participant on the page is one line in their own log ("Kommunens sagssystem").
 */
export const loader = apiLoader("participants:read", ParticipantPage, async ({ request, caller }) => {
  const query = queryOf(request, ParticipantListQuery);
  const after = query.cursor === undefined ? null : participantCursors.decode(query.cursor);
  if (query.cursor !== undefined && after === null) throw new ApiProblem("invalid-request", "cursor: give the nextCursor of the page before.");
  const rows = await listParticipants(caller, after, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    body: {
      items: page.map((row) => participantOf(row, caller)),
      nextCursor: rows.length > query.limit && last ? participantCursors.encode(last.participantId) : null,
    },
    read: { what: "list", participantIds: page.map((row) => row.participantId) },
  };
});

/** POST /api/v1/participants: registers a participant (scope participants:write). */
export const action = byMethod({ POST: postParticipant }, "GET, HEAD, POST");
