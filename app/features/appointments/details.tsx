import { useTranslation } from "~/lib/i18n/react";
import { explanationFor } from "~/features/content";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import type { AppointmentKind, AppointmentMode } from "./queries.server";
import { DayAndTimes, JOBCENTRE_LANGUAGE } from "./components";
import { durationParts } from "./time";

function useList(key: string): string[] {
  const { t } = useTranslation("appointments");
  const value = t(key, { returnObjects: true }) as unknown;
  return Array.isArray(value) ? (value as string[]) : [];
}

/** "Hvad er det for et møde?": the plain-language text for the kind, then the jobcentre's own words. */
export function KindExplanation({ kind, purpose }: { kind: AppointmentKind; purpose: string }) {
  const { t } = useTranslation("appointments");
  const what = useList(`kinds.${kind}.what`);
  const explanation = explanationFor("appointment", kind);
  return (
    <section aria-labelledby="what-heading">
      <h2 id="what-heading">{t("detail.whatHeading")}</h2>
      <p className="card__label">{t(`kinds.${kind}.name`)}</p>
      {what.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {explanation ? (
        <p>
          {/* A plain link: the plain-language pages ship no JavaScript and load as whole documents. */}
          <a href={explanation}>{t(`kinds.${kind}.readMore`)}</a>
        </p>
      ) : null}
      <h3>{t("detail.purposeHeading")}</h3>
      <p lang={JOBCENTRE_LANGUAGE}>{purpose}</p>
    </section>
  );
}

/** The meetings that get a "before, during and after" guide, and where its words are. */
const guides = { rehabiliteringsteam: "rehab", samlet_beskrivelse: "description" } as const;

export function hasMeetingGuide(kind: string): kind is keyof typeof guides {
  return kind in guides;
}

/**
 * Before, during and after the rehabiliteringsteam meeting, or the talk about the samlet
 * beskrivelse in a municipality without a team: predictability calms.
 * `preparationHref`: where the participant prepares for the meeting (not shown to relatives).
 */
export function RehabGuide({ kind = "rehabiliteringsteam", preparationHref }: { kind?: keyof typeof guides; preparationHref?: string } = {}) {
  const { t } = useTranslation("appointments");
  const words = guides[kind];
  const parts = [
    { id: "before", heading: t(`${words}.beforeHeading`), items: useList(`${words}.before`) },
    { id: "during", heading: t(`${words}.duringHeading`), items: useList(`${words}.during`) },
    { id: "after", heading: t(`${words}.afterHeading`), items: useList(`${words}.after`) },
  ];
  return (
    <section aria-labelledby="rehab-heading" className="rehab-guide">
      <h2 id="rehab-heading">{t(`${words}.heading`)}</h2>
      <ol className="rehab-guide__steps">
        {parts.map((part) => (
          <li key={part.id} className="rehab-guide__step">
            <h3 id={`rehab-${part.id}`}>{part.heading}</h3>
            <ul>
              {part.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            {part.id === "before" && preparationHref ? (
              <p>
                <a href={preparationHref}>{t("rehab.prepareLink")}</a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

interface DetailsAppointment {
  startsAt: Date;
  endsAt: Date;
  mode: AppointmentMode;
  placeName: string | null;
  address: string | null;
  directions: string | null;
  phoneNote: string | null;
  videoNote: string | null;
  bringItems: string[];
  supportPersonAllowed: boolean;
}

/** The words that change when someone other than the participant reads the meeting (a relative). */
export interface OtherReaderWords {
  participantName: string;
  directions: string;
  bring: string;
  bringNone: string;
  supportHeading: string;
  supportYes: string;
  supportNo: string;
}

/** When, how long, where (and how to get there), who comes, what to bring, and the bisidder question. */
export function AppointmentDetails({
  appointment,
  attendees,
  otherReader,
}: {
  appointment: DetailsAppointment;
  attendees: { name: string; roleText: string }[];
  /** Set when a relative reads it: no "when" row (their page says it above), and words about the participant. */
  otherReader?: OtherReaderWords;
}) {
  const { t } = useTranslation("appointments");
  const { hours, minutes } = durationParts(appointment.startsAt, appointment.endsAt);
  const hoursText = t("detail.durationHours", { count: hours });
  const minutesText = t("detail.durationMinutes", { count: minutes });
  const duration =
    hours > 0 && minutes > 0
      ? t("detail.durationBoth", { hours: hoursText, minutes: minutesText })
      : hours > 0
        ? hoursText
        : minutesText;
  const practicalNote =
    appointment.mode === "phone" ? appointment.phoneNote : appointment.mode === "video" ? appointment.videoNote : null;

  return (
    <SummaryList className="appointment-details">
      {otherReader ? null : (
        <SummaryRow label={t("detail.when")}>
          <DayAndTimes appointment={appointment} />
        </SummaryRow>
      )}
      <SummaryRow label={t("detail.duration")}>{duration}</SummaryRow>
      {appointment.mode === "in_person" ? (
        <>
          <SummaryRow label={t("detail.where")}>
            {appointment.placeName}
            {appointment.address ? (
              <>
                {appointment.placeName ? <br /> : null}
                {appointment.address}
              </>
            ) : null}
          </SummaryRow>
          {appointment.directions ? (
            <SummaryRow label={otherReader?.directions ?? t("detail.directions")} lang={JOBCENTRE_LANGUAGE}>
              {appointment.directions}
            </SummaryRow>
          ) : null}
        </>
      ) : (
        <SummaryRow label={t("detail.howItWorks")}>
          <p>{appointment.mode === "phone" ? t("detail.phoneWhere") : t("detail.videoWhere")}</p>
          {practicalNote ? <p lang={JOBCENTRE_LANGUAGE}>{practicalNote}</p> : null}
        </SummaryRow>
      )}
      <SummaryRow label={t("detail.who")}>
        <ul className="plain-list attendee-list">
          <li>{otherReader?.participantName ?? t("detail.you")}</li>
          {attendees.map((person) => (
            <li key={person.name + person.roleText}>
              <span className="emphasis">{person.name}</span>
              <br />
              <span lang={JOBCENTRE_LANGUAGE}>{person.roleText}</span>
            </li>
          ))}
        </ul>
      </SummaryRow>
      <SummaryRow label={otherReader?.bring ?? t("detail.bringHeading")}>
        {appointment.bringItems.length > 0 ? (
          <ul className="bring-list" lang={JOBCENTRE_LANGUAGE}>
            {appointment.bringItems.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : (
          (otherReader?.bringNone ?? t("detail.bringNone"))
        )}
      </SummaryRow>
      <SummaryRow label={otherReader?.supportHeading ?? t("detail.supportHeading")}>
        {appointment.supportPersonAllowed
          ? (otherReader?.supportYes ?? t("detail.supportYes"))
          : (otherReader?.supportNo ?? t("detail.supportNo"))}
      </SummaryRow>
    </SummaryList>
  );
}
