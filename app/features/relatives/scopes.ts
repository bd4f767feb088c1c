/** The parts of a participant's data a relative can be given: one word per part. */
export type Scope = "plan" | "appointments" | "preparation" | "cv" | "messages" | "network";

/**
 * What a participant can share, in the order the form and the lists show them. `messages`: all her
 * conversations with her caseworker, read-only unless the grant also has `mayWriteMessages`.
 */
export const SHAREABLE_SCOPES = ["plan", "appointments", "preparation", "cv", "messages"] as const;
/** The network map holds judgements about other people: shared only when added on purpose. */
export const NETWORK_SCOPE = "network" as const;
export const ALL_SCOPES: readonly Scope[] = [...SHAREABLE_SCOPES, NETWORK_SCOPE];

export function isScope(value: string): value is Scope {
  return (ALL_SCOPES as readonly string[]).includes(value);
}

/**
 * The relative's read-only views, one per scope, under `/hjaelper/:participantId/<path>`.
 * A scope without a view here is still shown as shared ("kommer snart" is never said: the
 * relative simply has no page for it yet). To add a view: add its route in ./urls.ts, then a
 * line here; the route's loader calls `openSharedView(request, params, "<scope>", "<page>")`.
 */
export const SHARED_VIEWS: { scope: Scope; path: string }[] = [
  { scope: "plan", path: "min-plan" },
  { scope: "appointments", path: "moeder" },
  { scope: "preparation", path: "forberedelse" },
  { scope: "cv", path: "cv" },
  { scope: "messages", path: "beskeder" },
  { scope: "network", path: "netvaerk" },
];

export function sharedViewPath(participantId: string, scope: Scope): string | null {
  const view = SHARED_VIEWS.find((entry) => entry.scope === scope);
  return view ? `/hjaelper/${participantId}/${view.path}` : null;
}

/** Grant lengths: 3 months unless the participant chooses otherwise, never more than 12. */
export const DEFAULT_MONTHS = 3;
export const MAX_MONTHS = 12;
/** An invitation link works for 7 days, once. */
export const INVITATION_DAYS = 7;

/** Only persons aged 15 or over may hold a grant (as Digital Fuldmagt). */
export const MIN_AGE = 15;

/**
 * Has someone born on `birthDate` turned MIN_AGE on `today` (both "YYYY-MM-DD", Copenhagen)? The
 * birthday compared as text, so someone born on 29 February turns 15 on 1 March in other years.
 */
export function isOldEnough(birthDate: string, today: string): boolean {
  return `${Number(birthDate.slice(0, 4)) + MIN_AGE}${birthDate.slice(4)}` <= today;
}

/** "YYYY-MM-DD" plus whole months, kept inside the month (31 January + 1 month = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "2027-02-23" as the DateInput's three fields. */
export function dayParts(day: string): { day: string; month: string; year: string } {
  const [year, month, date] = day.split("-");
  return { day: String(Number(date)), month: String(Number(month)), year: year ?? "" };
}
