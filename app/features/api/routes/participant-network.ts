import { apiLoader, methodNotAllowed } from "../handler.server";
import { participantFor } from "../participant.server";
import { sharedNetworkBody } from "../present.server";
import { sharedNetworkOf } from "../queries.server";
import { SharedNetwork } from "../schema";

/** GET /api/v1/participants/:participantId/network: the network map while the participant shares it. */
export const loader = apiLoader("participants:read", SharedNetwork, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  return { body: sharedNetworkBody(participantId, await sharedNetworkOf(participantId)), read: { what: "network", participantIds: [participantId] } };
});

export const action = methodNotAllowed;
