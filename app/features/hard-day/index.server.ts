import type { CurrentUser } from "~/lib/auth.server";
import { isHardDay } from "./cookie.server";
import { getHardDayToday, type HardDayToday } from "./queries.server";

export { type HardDayToday } from "./queries.server";

/** A participant's hard-day state for the root's data; `null` for anyone else (relatives, caseworkers, signed out). */
export type HardDayState = { on: false } | { on: true; today: HardDayToday };

/**
 * Asked by the root loader on every page. Off (no cookie): no database at all. On: the calm
 * page's few facts, whatever page this is, so a client-side move to another page has them too.
 */
export async function hardDayOf(user: CurrentUser | null, request: Request): Promise<HardDayState | null> {
  if (!user?.participant) return null;
  if (!(await isHardDay(request))) return { on: false };
  return { on: true, today: await getHardDayToday(user.participant.id) };
}
