/**
 * The progress area's server face: what the overview shows of "Sådan går det" (this month, the
 * next reminder). The participant is always the session's; callers check access. The diary, the
 * answers and the signs are read by no other area: the caseworker reads shared sets and signs
 * through `caseworker.progress_answers` / `caseworker.progress_signs` (migration 0028).
 */
export { checkInPieces, checkInState, checkInStateOf, type CheckInState } from "./pages.server";
export { countPrivateProgress, deleteDiary, deleteSigns, deleteUnsharedAnswers, exportProgressFor, type ProgressExport } from "./my-data.server";
