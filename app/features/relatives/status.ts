/** How a grant looks to people: "expired" is derived from the dates, never stored. */
export type GrantState = "invited" | "invitationExpired" | "active" | "expired" | "withdrawn" | "ended";

export function grantState(
  grant: { status: "invited" | "active" | "withdrawn" | "ended_by_relative"; validUntil: string; invitationExpiresAt: Date | null },
  today: string,
  now: Date,
): GrantState {
  if (grant.status === "withdrawn") return "withdrawn";
  if (grant.status === "ended_by_relative") return "ended";
  if (grant.validUntil < today) return "expired";
  if (grant.status === "active") return "active";
  return grant.invitationExpiresAt && grant.invitationExpiresAt.getTime() > now.getTime() ? "invited" : "invitationExpired";
}

/** Can the participant still withdraw it (it is not over already)? */
export function isOpen(state: GrantState): boolean {
  return state === "invited" || state === "active" || state === "invitationExpired";
}

/** What a relative's page view is recorded as (the log shows pages, never details). */
export type ViewedPage = "home" | "plan" | "appointments" | "appointment" | "preparation" | "cv" | "network";
