/**
 * The proposals area's server face ("Forslag til min plan", issue 22). Other areas import only this
 * file or ./index:
 *
 * - the caseworker pages: `proposalsForCaseworker` (the briefing; the list counts waiting proposals in
 *   caseworker_portal.caseload_page, migration 0051);
 * - the API: `proposalsForCaseSystem`, `proposalForCaseSystem`, `decideProposal`;
 * - Mine data: `exportProposalsFor`.
 */
export { decideProposal, type DecideResult, type Decider, type Decision, type ProposalRow } from "./commands.server";
export { proposalForCaseSystem, proposalsForCaseSystem, proposalsForCaseworker } from "./queries.server";
export { exportProposalsFor, type ProposalsExport } from "./my-data.server";
