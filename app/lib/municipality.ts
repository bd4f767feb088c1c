import { useRouteLoaderData } from "react-router";

/**
 * The participant's municipality as a page needs it, in the page's language (root loader data;
 * see app/lib/municipality.server.ts and server/municipalities.js). Signed out, or not a
 * participant: the portal's first configured municipality.
 */
export interface PageMunicipality {
  id: string;
  name: string;
  /** The municipality's own name for its unit ("Jobcenter Solbjerg"), or null: texts say "kommunen". */
  unitName: string | null;
  logo: string | null;
  colours: { brand: string; brandDark: string; button: string; buttonDark: string } | null;
  contact: { phone: string; email: string | null; address: string; openingHours: string; web: string | null };
  messageAnswerWorkdays: number;
  crisisLines: { name: string; phone: string; hours: string }[];
  /** Does it still hold rehabiliteringsteam meetings? Since 2026 the law does not require one. */
  rehabiliteringsteam: boolean;
  texts: { help: string | null; preparation: string | null };
}

/**
 * The words every text may use for the municipality's unit (i18next default variables):
 * `{{unit}}` mid-sentence ("Send besked til kommunen" / "… til Jobcenter Solbjerg"), `{{Unit}}`
 * at the start of a sentence, `{{unitGenitive}}` ("kommunens" / "Jobcenter Solbjergs") and
 * `{{municipality}}` ("Solbjerg Kommune").
 */
export function unitWords(municipality: Pick<PageMunicipality, "name" | "unitName">, language: string): Record<string, string> {
  const english = language === "en";
  const unit = municipality.unitName ?? (english ? "the municipality" : "kommunen");
  return {
    unit,
    Unit: unit.charAt(0).toUpperCase() + unit.slice(1),
    unitGenitive: municipality.unitName ? genitive(municipality.unitName, english) : english ? "the municipality's" : "kommunens",
    municipality: municipality.name,
  };
}

function genitive(name: string, english: boolean): string {
  if (english) return `${name}'s`;
  // Danish: a name ending in s, x or z takes an apostrophe ("Jobcenter Aars'").
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}

/** The signed-in participant's municipality, or the portal's first (root loader data). */
export function useMunicipality(): PageMunicipality | null {
  const data = useRouteLoaderData("root") as { municipality?: PageMunicipality } | undefined;
  return data?.municipality ?? null;
}

/** The CSS custom properties a municipality's colours set (checked for contrast at start). */
export function municipalityStyle(municipality: PageMunicipality | null): string | null {
  const colours = municipality?.colours;
  if (!colours) return null;
  return `:root{--color-brand:${colours.brand};--color-brand-dark:${colours.brandDark};--color-button:${colours.button};--color-button-dark:${colours.buttonDark}}`;
}
