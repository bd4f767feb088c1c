import { apiLoader, methodNotAllowed } from "../handler.server";
import { participantFor } from "../participant.server";
import { sharedPreparationBody } from "../present.server";
import { sharedPreparationOf } from "../queries.server";
import { SharedPreparation } from "../schema";

/** GET /api/v1/participants/:participantId/preparation: the parts of »Forbered dit møde« the participant shares now, at their shared version, with the relatives' remarks they included. */
export const loader = apiLoader("participants:read", SharedPreparation, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  return { body: sharedPreparationBody(participantId, await sharedPreparationOf(participantId)), read: { what: "preparation", participantIds: [participantId] } };
});

export const action = methodNotAllowed;
