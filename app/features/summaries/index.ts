/**
 * The summaries area's client-safe face ("Referat efter samtalen", issue 22): the pages other
 * areas' routes render. Server code is in ./index.server.ts.
 */
export { RememberPage, type RememberAnswer, type RememberData } from "./RememberPage";
export { BriefingSummariesLink, MeetingSummary, type SummaryView } from "./MeetingSummary";
export { CaseworkerSummaryListPage, CaseworkerSummaryPage, type CaseworkerSummaryAnswer, type CaseworkerSummaryData } from "./CaseworkerSummaryPage";
