import { requestIdOf, type RequestContext } from "./request.server";

/** Who does something to a participant's data, for the feature's command and the audit log. */
export interface Actor {
  personId: string;
  participantId: string;
  requestId?: string | null;
}

/** The signed-in participant acting on their own data in this request. */
export function participantActor(context: RequestContext, user: { personId: string; participant: { id: string } }): Actor {
  return { personId: user.personId, participantId: user.participant.id, requestId: requestIdOf(context) };
}
