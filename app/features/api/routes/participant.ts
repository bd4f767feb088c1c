import { apiLoader, methodNotAllowed } from "../handler.server";
import { participantOf } from "../present.server";
import { Participant } from "../schema";
import { participantFor } from "../participant.server";

/** GET /api/v1/participants/:participantId: programme, status, dates, coordinating caseworker. */
export const loader = apiLoader("participants:read", Participant, async ({ params, caller }) => {
  const row = await participantFor(caller, params.participantId);
  return { body: participantOf(row, caller), read: { what: "participant", participantIds: [row.participantId] } };
});

export const action = methodNotAllowed;
