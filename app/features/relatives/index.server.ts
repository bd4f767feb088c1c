/**
 * The relatives area's server face: what other areas (the overview) may ask of it. Code outside
 * app/features/relatives imports only this file or ./index.
 */
export { pendingInvitationRedirect } from "./invite.server";
export { listHelped } from "./queries.server";
