import { apiLoader, methodNotAllowed } from "../handler.server";
import { participantFor } from "../participant.server";
import { sharedCvBody } from "../present.server";
import { sharedCvOf } from "../queries.server";
import { SharedCv } from "../schema";

/** GET /api/v1/participants/:participantId/cv: the CV and work wishes as the participant last shared them. */
export const loader = apiLoader("participants:read", SharedCv, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  return { body: sharedCvBody(participantId, await sharedCvOf(participantId)), read: { what: "cv", participantIds: [participantId] } };
});

export const action = methodNotAllowed;
