import { useTranslation } from "~/lib/i18n/react";
import { useMunicipality, type PageMunicipality } from "~/lib/municipality";

/**
 * What "Forbered dit møde" prepares for follows the participant's municipality (issue 19). Since
 * lov nr. 1750 of 29/12/2025 the law no longer requires a rehabiliteringsteam: the municipality
 * makes a *samlet beskrivelse* instead. Some municipalities keep a team.
 *
 * The copy uses i18next context: a base key holds the wording without a team (the law's default,
 * and what any page that does not pass a context shows), `<key>_team` the wording for a
 * municipality that keeps one. Only keys that differ have a `_team` twin.
 */
export const TEAM_CONTEXT = "team";

/** The i18next context of the preparation's texts: "team", or none (the base keys). */
export type PreparationContext = typeof TEAM_CONTEXT | undefined;

/** The meeting the preparation is for, as an appointment kind. */
export type PreparationMeetingKind = "rehabiliteringsteam" | "samlet_beskrivelse";

type WithTeam = Pick<PageMunicipality, "rehabiliteringsteam"> | null | undefined;

export function preparationContext(municipality: WithTeam): PreparationContext {
  return municipality?.rehabiliteringsteam ? TEAM_CONTEXT : undefined;
}

/** With a team: the next rehabiliteringsteam meeting; without: the next talk about the samlet beskrivelse. */
export function preparationMeetingKind(municipality: WithTeam): PreparationMeetingKind {
  return municipality?.rehabiliteringsteam ? "rehabiliteringsteam" : "samlet_beskrivelse";
}

/** A translate function, as the preparation's helpers take it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `t` with the setting's context on every call (a call's own `context` wins). */
export function withContext(t: Translate, context: PreparationContext): Translate {
  if (!context) return t;
  return (key, options) => t(key, { context, ...options });
}

/** A list of texts from the preparation's locale (`returnObjects`): paragraphs or items; none when the key holds no list. */
export function textList(t: Translate, key: string): string[] {
  const value = t(key, { returnObjects: true }) as unknown;
  return Array.isArray(value) ? (value as string[]) : [];
}

/**
 * The preparation's texts for the signed-in participant's own pages: `t` in the "preparation"
 * namespace with the context of their municipality (the root's data), and that municipality.
 * Components other areas show (a relative's view) take the context as a prop instead.
 */
export function usePreparationText() {
  const { t, i18n } = useTranslation("preparation");
  const municipality = useMunicipality();
  const context = preparationContext(municipality);
  const bound = withContext(t as Translate, context);
  return { t: bound, i18n, context, municipality };
}
