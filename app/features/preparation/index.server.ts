/**
 * The preparation area's server face: reads and changes other areas may use. Callers check
 * access; the participant is always the session's. Code outside app/features/preparation
 * imports only this file or ./index.
 */
export {
  findPartForMessage,
  getPart,
  getPreparation,
  getSharedPreparation,
  listShares,
  preparationProgressPiece,
  type PartState,
  type PreparationState,
  type SharedPart,
  type ShareState,
} from "./queries.server";
export { markAboutMeetingRead, savePart, shareParts, withdrawPart } from "./commands.server";
export { addRemark, deleteRemark, listOwnRemarks, listRemarks, type RelativeActor } from "./remarks.server";
export { countPreparationDrafts, deletePreparationDrafts, exportPreparationFor, exportRemarksWrittenBy, type PreparationExport } from "./my-data.server";
