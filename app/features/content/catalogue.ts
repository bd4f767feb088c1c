/**
 * The plain-language pages of "Om dit forløb": which exist, where they live, and which page
 * explains a programme word used elsewhere in the portal. No server code here: the plan and the
 * meetings pages import `explanationFor` to link an activity or a meeting type to its page.
 */

/** Pages under /om/<slug>, in the order the overview page lists them. */
export const aboutSlugs = [
  "reformen",
  "kontaktforloeb",
  "ressourceforloeb",
  "jobafklaringsforloeb",
  "samlet-beskrivelse",
  "sundhedskoordinator",
  "rehabiliteringsteam",
  "hvem-er-hvem",
  "virksomhedspraktik",
  "loentilskud",
  "mentor",
  "fleksjob",
  "dine-rettigheder",
  "naar-det-er-svaert",
  "transport-og-praktisk",
] as const;
export type AboutSlug = (typeof aboutSlugs)[number];

/** Markdown pages with an address of their own (/ordliste, /privatliv, /tilgaengelighed). */
export const standaloneSlugs = ["ordliste", "privatliv", "tilgaengelighed"] as const;
export type StandaloneSlug = (typeof standaloneSlugs)[number];

/** Every Markdown page under locales/<lng>/pages/. */
export const pageSlugs = [...aboutSlugs, ...standaloneSlugs] as const;
export type PageSlug = (typeof pageSlugs)[number];

export function isAboutSlug(value: unknown): value is AboutSlug {
  return typeof value === "string" && (aboutSlugs as readonly string[]).includes(value);
}

export function isStandaloneSlug(value: unknown): value is StandaloneSlug {
  return typeof value === "string" && (standaloneSlugs as readonly string[]).includes(value);
}

/** The address of a content page. "hjaelp" is the help page (not Markdown: it shows your caseworker). */
export function hrefFor(slug: PageSlug | "hjaelp" | "om"): string {
  if (slug === "hjaelp" || slug === "om" || isStandaloneSlug(slug)) return `/${slug}`;
  return `/om/${slug}`;
}

/** The glossary entry for a term, e.g. glossaryHref("rundbordssamtale") -> "/ordliste#rundbordssamtale". */
export function glossaryHref(id: string): string {
  return `/ordliste#${id}`;
}

type ActivityKind = "mentor" | "virksomhedspraktik" | "loentilskud" | "kursus" | "behandling" | "other";
type AppointmentKind =
  | "rehabiliteringsteam"
  | "samlet_beskrivelse"
  | "samtale"
  | "mentor"
  | "rundbordssamtale"
  | "kursus"
  | "praktikstart"
  | "other";
/** A participant's programme: a ressourceforløb started before the 2026 reform, a jobafklaringsforløb, or a kontaktforløb under the new rules. */
type Programme = "ressourceforloeb" | "jobafklaringsforloeb" | "kontaktforloeb";

const explanations: Record<string, string> = {
  // programmes
  "programme:ressourceforloeb": hrefFor("ressourceforloeb"),
  "programme:jobafklaringsforloeb": hrefFor("jobafklaringsforloeb"),
  "programme:kontaktforloeb": hrefFor("kontaktforloeb"),
  // activities in Min Plan (portal.activity_kind)
  "activity:mentor": hrefFor("mentor"),
  "activity:virksomhedspraktik": hrefFor("virksomhedspraktik"),
  "activity:loentilskud": hrefFor("loentilskud"),
  "activity:kursus": glossaryHref("kursus"),
  "activity:behandling": glossaryHref("behandling"),
  // meetings (portal.appointment_kind)
  "appointment:rehabiliteringsteam": hrefFor("rehabiliteringsteam"),
  "appointment:samlet_beskrivelse": hrefFor("samlet-beskrivelse"),
  "appointment:samtale": `${hrefFor("hvem-er-hvem")}#koordinerende-sagsbehandler`,
  "appointment:mentor": hrefFor("mentor"),
  "appointment:rundbordssamtale": glossaryHref("rundbordssamtale"),
  "appointment:kursus": glossaryHref("kursus"),
  "appointment:praktikstart": hrefFor("virksomhedspraktik"),
};

/**
 * The page that explains a programme, an activity type or a meeting type, or null when there is
 * none ("other"). Link the word at its first use, e.g. `<a href={explanationFor("activity", kind)}>`.
 */
export function explanationFor(kind: "programme", value: Programme): string;
export function explanationFor(kind: "activity", value: ActivityKind): string | null;
export function explanationFor(kind: "appointment", value: AppointmentKind): string | null;
export function explanationFor(kind: "programme" | "activity" | "appointment", value: string): string | null {
  return explanations[`${kind}:${value}`] ?? null;
}

/** Every address explanationFor can return (tests check that each one resolves). */
export const explanationHrefs = Object.values(explanations);
