/**
 * Limits the browser also states ("Du kan skrive op til 2000 tegn"). Kept apart from the table
 * definitions, so a page's code can import them without pulling drizzle's tables into its bundle.
 */

/** Longest message, in characters (the messages table checks it too, migration 0018). */
export const MESSAGE_MAX_LENGTH = 2000;
