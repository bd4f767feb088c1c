export const supportedLanguages = ["da", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "da";

/** Text direction per language; ready for an RTL language. */
export function directionOf(language: string): "ltr" | "rtl" {
  return ["ar", "fa", "he", "ur"].includes(language) ? "rtl" : "ltr";
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}
