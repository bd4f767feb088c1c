import { municipalityById, pageMunicipality } from "~/lib/municipality.server";
import { unitWords } from "~/lib/municipality";
import { getPreparationMeeting, getTaskList } from "./queries.server";
import { preparationContext, preparationMeetingKind, withContext, type Translate } from "./setting";

/** The signed-in participant's municipality as the preparation needs it (server side; setting.ts). */
export function preparationSettingOf(participant: { municipalityKey: string | null }) {
  const municipality = municipalityById(participant.municipalityKey);
  return {
    municipality,
    context: preparationContext(municipality),
    meetingKind: preparationMeetingKind(municipality),
  };
}

/** The next meeting the participant prepares for: the team's, or the talk about the samlet beskrivelse. */
export function getMeetingFor(participant: { id: string; municipalityKey: string | null }, now = new Date()) {
  return getPreparationMeeting(participant.id, preparationSettingOf(participant).meetingKind, now);
}

/** /forberedelse's task list, for the meeting the participant prepares for. */
export function getTaskListFor(participant: { id: string; municipalityKey: string | null }, now = new Date()) {
  return getTaskList(participant.id, preparationSettingOf(participant).meetingKind, now);
}

/**
 * The preparation's texts outside React (the PDF): `createI18n`'s `t` in the "preparation"
 * namespace with the municipality's {{unit}} words and its setting's context.
 */
export function preparationTranslate(
  participant: { municipalityKey: string | null },
  language: string,
  fixedT: (words: Record<string, string>) => Translate,
): Translate {
  const { municipality, context } = preparationSettingOf(participant);
  return withContext(fixedT(unitWords(pageMunicipality(municipality, language), language)), context);
}
