/**
 * Where a request ("Jeg kan ikke komme", "Jeg er ikke enig", "Ring mig op") stands, as the
 * participant sees it: modtaget → læst → besvaret, or "ny tid foreslået" while a proposed new time
 * waits for her answer. Derived from the messages and proposals, never stored.
 */
export type RequestStatus = "received" | "read" | "answered" | "handled" | "new_time_proposed";

/** `summary`: "Jeg husker det anderledes" about a point of a meeting's summary (issue 22). */
export const REQUEST_TOPICS = ["absence", "disagreement", "callback", "summary"] as const;
export type Topic = "general" | "appointment" | "plan" | "preparation" | (typeof REQUEST_TOPICS)[number];

export function isRequestTopic(topic: Topic): topic is (typeof REQUEST_TOPICS)[number] {
  return (REQUEST_TOPICS as readonly string[]).includes(topic);
}

export type Side = "participant" | "caseworker";
export type AuthorRole = "participant" | "relative" | "caseworker";

export function sideOf(role: AuthorRole): Side {
  return role === "caseworker" ? "caseworker" : "participant";
}

interface StatusInput {
  messages: { authorRole: AuthorRole; readAt: Date | null; createdAt?: Date }[];
  proposals: { status: "proposed" | "accepted" | "declined" | "withdrawn" }[];
  handledAt: Date | null;
}

/**
 * "Handled" without a written answer (a call made, say) ends the request: the participant is not
 * told to wait for an answer that will not come. A newer message from her side opens it again.
 */
export function requestStatus({ messages, proposals, handledAt }: StatusInput): RequestStatus {
  if (proposals.some((proposal) => proposal.status === "proposed")) return "new_time_proposed";
  if (messages.some((message) => message.authorRole === "caseworker")) return "answered";
  const fromParticipantSide = messages.filter((message) => sideOf(message.authorRole) === "participant");
  const stillHandled = handledAt && !fromParticipantSide.some((message) => message.createdAt && message.createdAt > handledAt);
  if (stillHandled) return "handled";
  if (fromParticipantSide.some((message) => message.readAt)) return "read";
  return "received";
}

/**
 * Waiting for the caseworker: the participant's side wrote (or answered a proposed time) after the
 * caseworker last wrote, and the caseworker has not marked the conversation handled since.
 */
export function awaitsCaseworker(input: { lastParticipantActivityAt: Date | null; lastCaseworkerMessageAt: Date | null; handledAt: Date | null }) {
  const { lastParticipantActivityAt, lastCaseworkerMessageAt, handledAt } = input;
  if (!lastParticipantActivityAt) return false;
  if (lastCaseworkerMessageAt && lastCaseworkerMessageAt >= lastParticipantActivityAt) return false;
  return !(handledAt && handledAt >= lastParticipantActivityAt);
}
