/**
 * The proposals area's public face (client-safe): what the caseworker's briefing shows of her
 * proposals. Code outside app/features/proposals imports only this file or ./index.server.
 */
export { BriefingProposals } from "./BriefingProposals";
export type { CaseworkerProposal } from "./view";
