/**
 * What the participant's log says a case system read (client-safe: the relatives area's log page
 * shows these, through this area's public face, index.ts).
 */

/** The audit action of every read through the API. It ends in ".viewed": never an event. */
export const CASE_SYSTEM_READ = "case_system.viewed";

/** What was read, one word per endpoint (`details.what` of the audit row). */
export const CASE_SYSTEM_READS = ["list", "participant", "preparation", "cv", "network", "appointments", "absence_requests", "disagreements", "events", "plan", "appointment", "proposals", "progress", "summary"] as const;

export type CaseSystemRead = (typeof CASE_SYSTEM_READS)[number];
