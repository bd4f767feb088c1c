/**
 * The cv area's public face (client-safe): what other areas may use of the CV and work wishes.
 * Code outside app/features/cv imports only this file or ./index.server.
 */
export { editableHours, formatHours, HOURS_MAX, parseHours, type HoursRange } from "./hours";
export { formatPartialDate, formatPeriod } from "./partial-date";
export { CvDocumentView } from "./CvDocumentView";
export { hasWishes, toDocument, type CvDocument } from "./document";
