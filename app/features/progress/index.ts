/**
 * The progress area's public face (client-safe): "Sådan går det" (issue 22). Other areas import
 * only this file or ./index.server.
 */
export { PROGRESS_PATH, PROGRESS_REMINDER_PATH, ProgressCard, type ProgressCardData } from "./components";
/** The factors asked about each month, in the form's order (the caseworker's briefing shows them in the same order). */
export { FACTORS, type Factor } from "./levels";
