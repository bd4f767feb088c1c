import { useTranslation } from "~/lib/i18n/react";
import { formatDate, formatDay, formatMomentDay, formatTime, isoDateTime } from "~/lib/dates";
import type { Briefing } from "./queries.server";

/** "tirsdag den 1. december kl. 10.00" in Copenhagen time, as a <time> element. */
export function MeetingTime({ startsAt }: { startsAt: Date | string }) {
  const { t, i18n } = useTranslation("caseworker");
  return (
    <time dateTime={isoDateTime(startsAt)}>
      {t("when", { date: formatDate(startsAt, i18n.language), time: formatTime(startsAt, i18n.language) })}
    </time>
  );
}

/**
 * A date with its year ("1. december 2026"), for programme dates and share times: a calendar day
 * ("2026-12-01") as it is, a moment as its day in Copenhagen.
 */
export function formatLongDate(value: Date | string, language: string): string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, language) : formatMomentDay(value, language);
}

/** Text the participant wrote: kept as written, line breaks included. */
export function OwnWords({ text, lang }: { text: string; lang?: string }) {
  return (
    <p className="pre-wrap-text cw-own-words" lang={lang}>
      {text}
    </p>
  );
}

const ABILITY_FIELD = /^(sitting|concentration|others|transport|energy)(How|Helps)$/;

/** The question the participant answered, in the preparation's own words (its locale). */
export function useAnswerLabel() {
  const { t } = useTranslation(["preparation", "caseworker"]);
  return (part: string, field: string): string => {
    if (field === "hoursPerWeek") return t("caseworker:briefing.hoursPerWeek");
    const ability = ABILITY_FIELD.exec(field);
    if (part === "abilities" && ability) {
      const [, area, which] = ability;
      return `${t(`preparation:parts.abilities.areas.${area}.legend`)}: ${t(
        which === "How" ? "preparation:parts.abilities.how" : "preparation:parts.abilities.helps",
      )}`;
    }
    return t(`preparation:parts.${part}.fields.${field}.label`, { defaultValue: field });
  };
}

/** Where the meeting is held: the place's name and address on one line ("" when neither is known). */
export function meetingPlace(meeting: { placeName: string | null; address: string | null }): string {
  return [meeting.placeName, meeting.address].filter(Boolean).join(", ");
}

/** The people in the shared network whom the participant wants at the meeting. */
export function wantedAtMeeting(briefing: Briefing) {
  return briefing.network?.people.filter((person) => person.wantedAtMeeting) ?? [];
}

/** "Version 3 fra 1. december 2026. Læst af …": the plan's version and whether it was read. */
export function PlanVersionText({ plan }: { plan: NonNullable<Briefing["plan"]> }) {
  const { t, i18n } = useTranslation("caseworker");
  return (
    <>
      {t("briefing.planVersion", { version: plan.version, date: formatLongDate(plan.updatedAt, i18n.language) })}.{" "}
      {plan.lastReadVersion === plan.version ? t("briefing.planRead", { version: plan.version }) : t("briefing.planNotRead")}.
    </>
  );
}

/** When the CV was shared, and whether it changed since. */
export function CvSharedText({ cv }: { cv: NonNullable<Briefing["cv"]> }) {
  const { t, i18n } = useTranslation("caseworker");
  return (
    <>
      {t("briefing.cvShared", { date: formatLongDate(cv.sharedAt, i18n.language) })}
      {cv.changedSinceShared ? `. ${t("briefing.cvChanged")}` : null}
    </>
  );
}
