import type { programmeEnum } from "../../db/schema/people";

/** The kind of programme a participant is in (portal.programme). */
export type Programme = (typeof programmeEnum.enumValues)[number];

/**
 * What each kind of programme means after the employment reform (lov nr. 1750 of 29/12/2025,
 * issue 19). The kind is data on the participant (`portal.programme`); pages follow this table
 * rather than naming kinds themselves. Sources: docs/research/2026-12-05-reform-sources.md.
 */
export const programmeKinds: Record<Programme, { closedToNewPeople: boolean }> = {
  // Nobody new starts one since the reform; people already in one finish it, as a rule.
  ressourceforloeb: { closedToNewPeople: true },
  jobafklaringsforloeb: { closedToNewPeople: false },
  // The course of talks and offers with the municipality under the new rules.
  kontaktforloeb: { closedToNewPeople: false },
};

/** The plain-language page on what the reform means for each person. */
export const REFORM_PAGE = "/om/reformen";
