/**
 * The preparation area's public face (client-safe): what other areas (relatives, caseworker,
 * overview) may use of "Forbered dit møde". Code outside app/features/preparation imports only
 * this file or ./index.server.
 */
export { PartAnswers, PartSection, ShareTag, StatusTag, fieldLabel, questionNames, type ShareKind } from "./components";
export {
  CHECK_SLUG,
  PARTS,
  STEP_COUNT,
  isWritable,
  partByKey,
  partBySlug,
  type Answers,
  type PartDefinition,
  type PartKey,
  type PartStatus,
  type WritablePartKey,
} from "./parts";
export { preparationContext } from "./setting";
export { REMARK_MAX, REMARKS_PER_PART_MAX, remarkSchema, type RemarkView } from "./remarks";
