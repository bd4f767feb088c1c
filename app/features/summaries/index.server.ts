/**
 * The summaries area's server face ("Referat efter samtalen", issue 22): a meeting's summary
 * ("Det aftalte vi"), its drafts, published versions and corrections, and "Jeg husker det
 * anderledes". Code outside app/features/summaries imports only this file (and ./index).
 */
export { publishSummary, rememberDifferently, saveSummaryDraft, type PublishResult, type SummaryWriter } from "./commands.server";
export { getPublishedSummary, getSummaryForCaseworker, listSummaryVersions, summaryStates, type PublishedSummary, type SummaryState, type SummaryVersionInfo } from "./queries.server";
export { parseSummaryForm, type SummaryPointInput } from "./schema";
export { rememberPage, type RememberPageData } from "./pages.server";
export { parseRecollection } from "./schema";
export { exportSummariesFor, type SummariesExport } from "./my-data.server";
