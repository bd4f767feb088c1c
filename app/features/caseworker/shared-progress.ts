import type { Factor } from "~/features/progress";
import type { Briefing } from "./queries.server";

/**
 * What the briefing shows of "Sådan går det" (issue 22), read by `getSharedProgress`
 * (shared-progress.server.ts) and rendered by ProgressBriefing.tsx. Client-safe.
 */

/** One shared month: the steps in words (`very_hard` … `good`, null if skipped) and her own words. */
export interface SharedProgressMonth {
  id: string;
  /** The month's first day, "YYYY-MM-DD". */
  month: string;
  levels: Record<Factor, string | null>;
  notes: Record<Factor, string | null>;
  whatHelps: string | null;
  somethingElse: string | null;
  updatedAt: Date | string;
  sharedAt: Date | string;
}

export interface SharedSigns {
  warningSigns: string[];
  strategies: string[];
  updatedAt: Date | string;
  sharedAt: Date | string;
}

export interface SharedProgress {
  /** Newest month first; empty when she shares none. */
  months: SharedProgressMonth[];
  /** Null unless she shares them. */
  signs: SharedSigns | null;
}

/** The briefing as its pages show it: the participant's briefing and what she shares of "Sådan går det". */
export type BriefingView = Briefing & { progress?: SharedProgress };

export function sharesProgress(progress: SharedProgress | undefined): progress is SharedProgress {
  return Boolean(progress && (progress.months.length > 0 || progress.signs));
}
