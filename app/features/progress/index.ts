/**
 * The progress area's public face (client-safe): "Sådan går det" (issue 22). Other areas import
 * only this file or ./index.server.
 */
export { PROGRESS_PATH, ProgressCard, type ProgressCardData } from "./components";
