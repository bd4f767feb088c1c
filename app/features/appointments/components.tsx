import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { copenhagenDay, formatDate, formatTime, isoDateTime } from "~/lib/dates";
import type { AppointmentListItem, Contact } from "./queries.server";
import { relativeDay } from "./time";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { Tag } from "~/components/ui/Tag";

/** Formats a moment as "torsdag den 5. marts kl. 14.02" / "Thursday 5 March at 14:02". */
export function useFormatWhen() {
  const { t, i18n } = useTranslation("appointments");
  return (value: Date) =>
    t("dateTime", { date: formatDate(value, i18n.language), time: formatTime(value, i18n.language) });
}

/**
 * The jobcentre's case system writes meetings in Danish (titles, purposes, directions). On an
 * English page those parts carry lang="da", so a screen reader reads them with Danish sounds.
 */
export const JOBCENTRE_LANGUAGE = "da";

type When = Pick<AppointmentListItem, "startsAt" | "endsAt">;

/**
 * "I dag, torsdag den 5. marts, kl. 10.00-11.00" in Copenhagen time, machine-readable too.
 * `now` comes from the loader, so server and browser render the same text. With `relative`,
 * today and tomorrow are named; the year is added when it is not this year.
 */
export function AppointmentTime({ appointment, now, relative = false }: { appointment: When; now: Date; relative?: boolean }) {
  const { t, i18n } = useTranslation("appointments");
  const language = i18n.language;
  const near = relative ? relativeDay(appointment.startsAt, now) : null;
  const year = copenhagenDay(new Date(appointment.startsAt)).slice(0, 4);
  const otherYear = year !== copenhagenDay(new Date(now)).slice(0, 4);
  return (
    <time dateTime={isoDateTime(appointment.startsAt)}>
      {near ? <strong>{t(`item.${near}`)}, </strong> : null}
      {/* The comma sits inside the span: an inline-block would otherwise push it onto a line of its own. */}
      <span className={near ? undefined : "capitalize-first"}>
        {formatDate(appointment.startsAt, language)}
        {otherYear ? ` ${year}` : null},
      </span>{" "}
      {t("common:dates.timeRange", {
        start: formatTime(appointment.startsAt, language),
        end: formatTime(appointment.endsAt, language),
      })}
    </time>
  );
}

/** "Torsdag den 5. marts, kl. 10.00-11.00": a meeting's day and times, plainly (no "i dag", no year). */
export function DayAndTimes({ appointment }: { appointment: When }) {
  const { t, i18n } = useTranslation("appointments");
  const language = i18n.language;
  return (
    <time dateTime={isoDateTime(appointment.startsAt)}>
      {/* The comma sits inside the inline-block so that it never wraps onto a line of its own. */}
      <span className="capitalize-first">{formatDate(appointment.startsAt, language)},</span>{" "}
      {t("common:dates.timeRange", {
        start: formatTime(appointment.startsAt, language),
        end: formatTime(appointment.endsAt, language),
      })}
    </time>
  );
}

/** A meeting page's heading: the title (the jobcentre's words, in Danish) and, under it, when. */
export function AppointmentHeading({ appointment, now, isPast }: { appointment: When & { title: string }; now: Date; isPast: boolean }) {
  return (
    <>
      <h1 tabIndex={-1} className="appointment-heading" lang={JOBCENTRE_LANGUAGE}>
        {appointment.title}
      </h1>
      <p className="lead">
        <AppointmentTime appointment={appointment} now={now} relative={!isPast} />
      </p>
    </>
  );
}

/** Small status labels: cancelled, new time, "you have told us you cannot come". */
export function StatusTags({
  appointment,
  showAbsence = true,
}: {
  appointment: Pick<AppointmentListItem, "status" | "absenceSentAt">;
  /** Off where the page says it at length already. */
  showAbsence?: boolean;
}) {
  const { t } = useTranslation("appointments");
  const tags: { key: string; text: string; warning?: boolean }[] = [];
  if (appointment.status === "cancelled") tags.push({ key: "cancelled", text: t("status.cancelled"), warning: true });
  if (appointment.status === "moved") tags.push({ key: "moved", text: t("status.moved") });
  if (showAbsence && appointment.absenceSentAt && appointment.status !== "cancelled") {
    tags.push({ key: "absence", text: t("status.absenceSent") });
  }
  if (tags.length === 0) return null;
  return (
    <p className="tags">
      {tags.map((tag) => (
        <Tag key={tag.key} tone={tag.warning ? "red" : "plain"}>
          {tag.text}
        </Tag>
      ))}
    </p>
  );
}

/** Where a meeting is, in one short line: the place, or "Telefonmøde" / "Videomøde". */
export function AppointmentPlace({ appointment }: { appointment: Pick<AppointmentListItem, "mode" | "placeName" | "address"> }) {
  const { t } = useTranslation("appointments");
  if (appointment.mode === "phone") return <>{t("mode.phone")}</>;
  if (appointment.mode === "video") return <>{t("mode.video")}</>;
  return (
    <>
      {appointment.placeName}
      {appointment.placeName && appointment.address ? ", " : null}
      {appointment.address}
    </>
  );
}

/** A list of meetings as cards; each title links to the meeting's page. */
export function AppointmentList({
  items,
  headingLevel,
  now,
  past = false,
}: {
  items: AppointmentListItem[];
  headingLevel: 2 | 3;
  now: Date;
  past?: boolean;
}) {
  const { t } = useTranslation("appointments");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="appointment-list">
      {items.map((item) => (
        <li key={item.id} className={item.status === "cancelled" ? "card appointment-card appointment-card--cancelled" : "card appointment-card"}>
          <Heading className="appointment-card__title">
            <Link to={`/moeder/${item.id}`} lang={JOBCENTRE_LANGUAGE}>
              {item.title}
            </Link>
          </Heading>
          {t(`kinds.${item.kind}.name`) !== item.title ? (
            <p className="appointment-card__kind">{t(`kinds.${item.kind}.name`)}</p>
          ) : null}
          <StatusTags appointment={item} />
          <SummaryList>
            <SummaryRow label={t("item.when")}>
              <AppointmentTime appointment={item} now={now} relative={!past} />
            </SummaryRow>
            <SummaryRow label={t("item.where")}>
              <AppointmentPlace appointment={item} />
            </SummaryRow>
          </SummaryList>
        </li>
      ))}
    </ul>
  );
}

/** "Hvis det haster, så ring til Sara Nielsen …" with a phone link that works on a phone. */
export function UrgentContact({ contact }: { contact: Contact | null }) {
  const { t } = useTranslation("appointments");
  if (!contact?.phone) return <p>{t("contact.urgentNoContact")}</p>;
  return (
    <>
      <p>
        {t("contact.urgent", { name: contact.name })}{" "}
        <a href={`tel:${contact.phone.replace(/\s+/g, "")}`} className="emphasis">
          {contact.phone}
        </a>
      </p>
      {contact.reachableText ? (
        <p>
          {t("contact.reachable")} <span lang={JOBCENTRE_LANGUAGE}>{contact.reachableText}</span>
        </p>
      ) : null}
    </>
  );
}
