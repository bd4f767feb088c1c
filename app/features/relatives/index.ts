/**
 * The relatives area's public face (client-safe): what other areas show of it (the overview's
 * "Du hjælper" card). Code outside app/features/relatives imports only this file or ./index.server.
 */
export { HelpingCard, HelpingChooser } from "./components";
export { ALL_SCOPES, type Scope } from "./scopes";
export { accessLogWhat, accessLogWho } from "./access-log-text";
