/** How a grant looks to people: "expired" is derived from the dates, never stored. */
export type GrantState = "invited" | "invitationExpired" | "awaitingConfirmation" | "active" | "expired" | "withdrawn" | "ended";

export function grantState(
  grant: {
    status: "invited" | "awaiting_confirmation" | "active" | "withdrawn" | "ended_by_relative";
    validUntil: string;
    invitationExpiresAt: Date | null;
  },
  today: string,
  now: Date,
): GrantState {
  if (grant.status === "withdrawn") return "withdrawn";
  if (grant.status === "ended_by_relative") return "ended";
  if (grant.validUntil < today) return "expired";
  if (grant.status === "active") return "active";
  // Someone accepted; nothing is granted until the participant confirms it is the right person.
  if (grant.status === "awaiting_confirmation") return "awaitingConfirmation";
  return grant.invitationExpiresAt && grant.invitationExpiresAt.getTime() > now.getTime() ? "invited" : "invitationExpired";
}

/** Can the participant still withdraw it (it is not over already)? */
export function isOpen(state: GrantState): boolean {
  return state === "invited" || state === "active" || state === "invitationExpired" || state === "awaitingConfirmation";
}

/** What a relative's page view is recorded as (the log shows pages, never details). */
export type ViewedPage =
  | "home"
  | "plan"
  | "appointments"
  | "appointment"
  | "preparation"
  | "cv"
  | "network"
  | "messages"
  | "conversation";

/** Why a relative's access to one participant is over, and on which day (Copenhagen, YYYY-MM-DD). */
export interface EndedAccess {
  firstName: string;
  /** withdrawn: the participant closed it; expired: its end date passed; endedByRelative: they stopped it themselves. */
  reason: "withdrawn" | "expired" | "endedByRelative";
  day: string;
}

/** What a page of a relative's whose access has ended throws: only her first name, why and when. */
export interface EndedAccessError {
  endedAccess: EndedAccess;
}

/** The status of the calm "your access has ended" page (the error boundary of the shared frame shows it). */
export const ENDED_ACCESS_STATUS = 403;

/** Why an invitation link gives no offer: the calm page's variant. */
export type Calm =
  | "unknown"
  | "used"
  | "expired"
  | "withdrawn"
  | "own"
  | "participant"
  | "caseworker"
  | "already"
  | "noBirthDate"
  | "tooYoung"
  | "otherPerson";
