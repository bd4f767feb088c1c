/**
 * The preparation area's server face: what other areas (the overview, relatives) may read.
 * Code outside app/features/preparation imports only this file or ./index.
 */
export { getPreparation } from "./queries.server";
