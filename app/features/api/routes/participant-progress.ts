import { apiLoader, methodNotAllowed } from "../handler.server";
import { participantFor } from "../participant.server";
import { sharedProgressBody } from "../present.server";
import { sharedProgressOf } from "../queries.server";
import { SharedProgress } from "../schema";

/** GET /api/v1/participants/:participantId/progress: "Sådan går det" as she shared it (issue 22). */
export const loader = apiLoader("participants:read", SharedProgress, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  return { body: sharedProgressBody(participantId, await sharedProgressOf(participantId)), read: { what: "progress", participantIds: [participantId] } };
});

export const action = methodNotAllowed;
