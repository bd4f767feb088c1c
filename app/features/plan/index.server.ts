/**
 * The plan area's server face: reads other areas (relatives, overview) may use. Code outside
 * app/features/plan imports only this file or ./index.
 */
export { getPlanView } from "./page.server";
export {
  findOwnSubGoalTitle,
  getContacts,
  getPlanGoal,
  getPlanNews,
  planSummaryPiece,
  type Contact,
  type PlanGoal,
} from "./queries.server";
export { exportPlanFor, type PlanExport } from "./my-data.server";
// What a meeting summary may link to (issue 22, app/features/summaries).
export { listPlanItems, type PlanItem } from "./items.server";
// The municipality's case system writes the jobcentre's part of the plan (the API, issue 20).
export {
  addCoordinatingCaseworker,
  addPlanItem,
  type AddPlanItemResult,
  type PlanItemToAdd,
  readJobcentrePlan,
  writeJobcentrePlan,
  type CaseSystemWriter,
  type JobcentreContact,
  type JobcentrePlan,
  type JobcentrePlanInput,
  type WritePlanResult,
} from "./case-system.server";
