import type { ApiCaller } from "./auth.server";
import { ApiProblem } from "./handler.server";
import { findParticipant, type ParticipantRow } from "./queries.server";

/**
 * The participant of the address, when it belongs to the client's municipality. Otherwise 404, the
 * same answer for an id that does not exist, is malformed, or is another municipality's: a client
 * cannot learn that a participant exists elsewhere.
 */
export async function participantFor(caller: ApiCaller, participantId: string | undefined): Promise<ParticipantRow> {
  const row = participantId ? await findParticipant(caller, participantId) : null;
  if (!row) throw new ApiProblem("not-found", "No participant with this id in your municipality.");
  return row;
}
