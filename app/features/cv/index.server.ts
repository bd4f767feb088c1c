/**
 * The cv area's server face: reads and changes other areas (preparation, relatives, caseworker)
 * may use. Code outside app/features/cv imports only this file or ./index.
 */
export { workWishesOf, type WorkWishes } from "./document";
export { getCv, listExperienceSummary, type CvData, type CvEntry } from "./queries.server";
export {
  listTaskSuggestions,
  RECOMMENDED_TASK_COUNT,
  saveTaskSuggestions,
  TASK_TEXT_MAX,
  type TaskSuggestion,
} from "./task-suggestions.server";
export { countCv, deleteCv, exportCvFor, type CvExport } from "./my-data.server";
