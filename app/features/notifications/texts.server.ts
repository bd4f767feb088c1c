import { config } from "../../../server/config.js";
import { daysBetween, formatDate, formatTime } from "~/lib/dates";
import { escapeMarkup } from "~/lib/escape";
import { isLanguage, type Language } from "~/lib/i18n/config";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";

/**
 * The words of every notification (issue 18, point 5): they never carry what a message or a
 * meeting is about. No subject, no title, place or purpose, no caseworker's words, and in a
 * relative's copy not even whose meeting it is: only that there is something, when, and where to
 * sign in to see it. "Du har en ny besked i Min Vej. Log ind for at læse den: …/beskeder". The
 * monthly "Sådan går det" reminder (issue 22) says only that it is time, and that answering is her
 * choice: never a month's answers, a factor or a word she wrote.
 * tests/integration/notifications/notification-texts.test.ts holds them to it.
 */
export type NotificationKind = "meeting_reminder" | "meeting_reminder_copy" | "agreement_reminder" | "message_notice" | "progress_checkin";

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  "meeting_reminder",
  "meeting_reminder_copy",
  "agreement_reminder",
  "message_notice",
  "progress_checkin",
];

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

export type Channel = "email" | "sms";

export interface NoticeContext {
  kind: NotificationKind;
  language: string;
  /** The meeting's start or the agreement's deadline (end of its day); unused for messages. */
  eventAt?: Date | null;
  /** When it is read: "i morgen" is counted from here. */
  now: Date;
  /** A message notice for a relative leads to her own pages, not the participant's. */
  forParticipant?: boolean;
}

/** Where links in notifications point: PUBLIC_ORIGIN, or this process's own address (development, tests). */
export function notificationOrigin(): string {
  const settings = config();
  return settings.publicOrigin ?? `http://localhost:${settings.port}`;
}

function translator(language: string) {
  const lng: Language = isLanguage(language) ? language : "da";
  const t = createI18n(lng, resources[lng]).getFixedT(lng, "notifications");
  return { lng, t: (key: string, options: Record<string, unknown> = {}) => t(key, options) as string };
}

/** Where the notice sends the person: the page that has what it is about. */
function pathFor(context: NoticeContext): string {
  switch (context.kind) {
    case "meeting_reminder":
      return "/moeder";
    case "meeting_reminder_copy":
      return "/hjaelper";
    case "agreement_reminder":
      return "/min-plan";
    case "message_notice":
      return context.forParticipant === false ? "/hjaelper" : "/beskeder";
    case "progress_checkin":
      return "/saadan-gaar-det";
  }
}

/** One sentence or two, the same for e-mail and SMS. */
function words(context: NoticeContext): { subject: string; text: string } {
  const { lng, t } = translator(context.language);
  const url = `${notificationOrigin()}${pathFor(context)}`;
  const at = context.eventAt ?? context.now;
  const days = daysBetween(context.now, at);
  const time = formatTime(at, lng);
  const when = days === 0 ? t("notice.today", { time }) : days === 1 ? t("notice.tomorrow", { time }) : t("notice.onDay", { date: formatDate(at, lng), time });
  switch (context.kind) {
    case "meeting_reminder":
      return { subject: t("notice.meetingSubject", { when }), text: t("notice.meetingText", { when, url }) };
    case "meeting_reminder_copy":
      return { subject: t("notice.meetingCopySubject", { when }), text: t("notice.meetingCopyText", { when, url }) };
    case "agreement_reminder": {
      const day = days <= 0 ? t("notice.dayToday") : days === 1 ? t("notice.dayTomorrow") : formatDate(at, lng);
      return { subject: t("notice.agreementSubject"), text: t("notice.agreementText", { day, url }) };
    }
    case "message_notice":
      return { subject: t("notice.messageSubject"), text: t("notice.messageText", { url }) };
    case "progress_checkin":
      return { subject: t("notice.checkinSubject"), text: t("notice.checkinText", { url }) };
  }
}

export interface EmailNotice {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmsNotice {
  to: string;
  text: string;
}

/** The e-mail: the words, then why it came and where to change that. */
export function emailNotice(to: string, context: NoticeContext): EmailNotice {
  const { t } = translator(context.language);
  const { subject, text } = words(context);
  // The check-in reminder comes from the day she chose under "Sådan går det": she changes it there.
  const footer =
    context.kind === "progress_checkin"
      ? t("notice.checkinFooter", { url: `${notificationOrigin()}/saadan-gaar-det/paamindelse` })
      : t("notice.footer", { url: `${notificationOrigin()}/indstillinger` });
  const noReply = t("notice.noReply");
  const paragraphs = [text, footer, noReply];
  return {
    to,
    subject,
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((paragraph) => `<p>${linkify(escapeMarkup(paragraph))}</p>`).join("\n"),
  };
}

/** The SMS: the words only (one SMS, about 120 characters). */
export function smsNotice(to: string, context: NoticeContext): SmsNotice {
  return { to, text: words(context).text };
}

export function notice(channel: Channel, to: string, context: NoticeContext): EmailNotice | SmsNotice {
  return channel === "email" ? emailNotice(to, context) : smsNotice(to, context);
}

/** The portal's own addresses in an escaped paragraph become links. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+[^\s<.,:;]/g, (url) => `<a href="${url}">${url}</a>`);
}
