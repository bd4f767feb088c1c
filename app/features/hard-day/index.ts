/**
 * The hard-day area's public face (client-safe): the calm page and the rule for which pages a
 * hard day changes. Its server face (index.server.ts) gives the root its state.
 */
export { HardDayPage } from "./HardDayPage";
export { hardDayApplies, hardDayMode, showAllHref, type HardDayMode } from "./scope";
export type { HardDayToday } from "./queries.server";
