import type { TFunction } from "i18next";
import { createCookie } from "react-router";
import { env } from "~/lib/env.server";
import { isLanguage, fallbackLanguage, type Language } from "~/lib/i18n/config";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { copenhagenDay } from "~/lib/dates";
import { buildCalendar, type CalendarEvent } from "./ical";
import type { Appointment, listFeedAppointments } from "./queries.server";

/** The appointments translations in one language, for files made outside a page. */
export function appointmentsT(language: string): TFunction {
  const lng: Language = isLanguage(language) ? language : fallbackLanguage;
  return createI18n(lng, resources[lng]).getFixedT(lng, "appointments");
}

/** The public address of this site: PUBLIC_ORIGIN behind a proxy, else the request's own. */
function uid(appointmentId: string) {
  return `appointment-${appointmentId}@min-vej`;
}

type Where = Pick<Appointment, "mode" | "placeName" | "address">;

function location(appointment: Where, t: TFunction): string | null {
  if (appointment.mode === "phone") return t("mode.phone");
  if (appointment.mode === "video") return t("mode.video");
  return [appointment.placeName, appointment.address].filter(Boolean).join(", ") || null;
}

/** One meeting as a downloadable file: the participant's own copy, with the practical details. */
export function appointmentFile(
  appointment: Appointment,
  { t, origin, now = new Date() }: { t: TFunction; origin: string; now?: Date },
): { body: string; filename: string } {
  const link = `${origin}/moeder/${appointment.id}`;
  const practical = appointment.mode === "phone" ? appointment.phoneNote : appointment.mode === "video" ? appointment.videoNote : appointment.directions;
  const description = [
    appointment.purpose,
    practical,
    appointment.bringItems.length > 0 ? [t("ics.bring"), ...appointment.bringItems.map((item) => `- ${item}`)].join("\n") : null,
    `${t("ics.more")} ${link}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const cancelled = appointment.status === "cancelled";
  const event: CalendarEvent = {
    uid: uid(appointment.id),
    start: appointment.startsAt,
    end: appointment.endsAt,
    summary: `${cancelled ? t("ics.cancelledPrefix") : ""}${appointment.title}`,
    location: location(appointment, t),
    description,
    url: link,
    cancelled,
    sequence: appointment.sequence,
    lastModified: appointment.updatedAt,
  };
  return {
    body: buildCalendar({ events: [event], now }),
    filename: `moede-${copenhagenDay(appointment.startsAt)}.ics`,
  };
}

/**
 * The subscribed feed: time, place and kind only. No titles (they hold names), no purposes,
 * no notes, no attendees. The link leads to the meeting page, which needs a sign-in.
 */
export function feedFile(
  rows: Awaited<ReturnType<typeof listFeedAppointments>>,
  { t, origin, now = new Date() }: { t: TFunction; origin: string; now?: Date },
): string {
  return buildCalendar({
    now,
    name: t("ics.calendarName"),
    refreshInterval: "PT1H",
    events: rows.map((row) => {
      const cancelled = row.status === "cancelled";
      return {
        uid: uid(row.id),
        start: row.startsAt,
        end: row.endsAt,
        summary: `${cancelled ? t("ics.cancelledPrefix") : ""}${t(`kinds.${row.kind}.name`)}`,
        location: location(row, t),
        url: `${origin}/moeder/${row.id}`,
        cancelled,
        sequence: row.sequence,
        lastModified: row.updatedAt,
      };
    }),
  });
}

export function calendarResponse(body: string, filename: string, disposition: "attachment" | "inline") {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `${disposition}; filename="${filename}"`,
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}

/**
 * Carries a just-made feed token from the POST to the page after the redirect, so it can be
 * shown once. Signed, HttpOnly, only sent to /moeder pages, and gone after 10 minutes.
 */
export const newFeedTokenCookie = createCookie("minvej_new_feed", {
  path: "/moeder",
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  secrets: env.sessionSecrets,
  maxAge: 600,
});
