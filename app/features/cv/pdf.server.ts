import { createTaggedPdf } from "~/lib/pdf.server";
import { formatMomentDay } from "~/lib/dates";
import type { CvDocument } from "./document";
import { hasWishes } from "./document";
import { formatHours } from "./hours";
import { formatPeriod } from "./partial-date";
import type { CvEntry } from "./queries.server";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The CV as a tagged A4 PDF: real, selectable text in reading order (H1, H2, H3, P, L/LI),
 * the document language set, page numbers as artifacts.
 */
export async function renderCvPdf(doc: CvDocument, options: { language: string; t: Translate; now?: Date }): Promise<Buffer> {
  const { language, t } = options;
  const now = options.now ?? new Date();
  const { heading, paragraph, field, list, gap, finish } = createTaggedPdf({
    language,
    title: `${t("doc.title")}: ${doc.name}`,
    subject: t("doc.subject"),
    author: doc.name,
  });
  const dated = (entries: CvEntry[]) => {
    for (const entry of entries) {
      heading(3, entry.title);
      const period = formatPeriod(entry, language, t("now"));
      const meta = [entry.kind === "course" ? t("kinds.course") : null, entry.organisation, period || null].filter(Boolean);
      if (meta.length) paragraph(meta.join(" · "), { muted: true });
      if (entry.details) paragraph(entry.details);
    }
  };
  const withLevel = (entries: CvEntry[], key?: "languages" | "it") =>
    entries.map((entry) => (key && entry.level ? `${entry.title}: ${t(`levels.${key}.${entry.level}`)}` : entry.title));

  heading(1, doc.name);
  if (doc.contact.email) field(t("doc.email"), doc.contact.email);
  if (doc.contact.phone) field(t("doc.phone"), doc.contact.phone);
  if (doc.contact.address) field(t("doc.address"), doc.contact.address);

  if (doc.summary) {
    heading(2, t("parts.about"));
    paragraph(doc.summary);
  }
  if (doc.work.length) {
    heading(2, t("parts.work"));
    dated(doc.work);
  }
  if (doc.education.length) {
    heading(2, t("parts.education"));
    dated(doc.education);
  }
  if (doc.volunteering.length) {
    heading(2, t("parts.volunteering"));
    dated(doc.volunteering);
  }
  if (doc.professionalSkills.length || doc.personalSkills.length) {
    heading(2, t("parts.skills"));
    if (doc.professionalSkills.length) {
      heading(3, t("doc.professional"));
      list(withLevel(doc.professionalSkills));
    }
    if (doc.personalSkills.length) {
      heading(3, t("doc.personal"));
      list(withLevel(doc.personalSkills));
    }
  }
  if (doc.languages.length) {
    heading(2, t("parts.languages"));
    list(withLevel(doc.languages, "languages"));
  }
  if (doc.it.length) {
    heading(2, t("parts.it"));
    list(withLevel(doc.it, "it"));
  }
  if (doc.licences.length) {
    heading(2, t("parts.licences"));
    list(withLevel(doc.licences));
  }
  if (hasWishes(doc)) {
    const w = doc.wishes;
    heading(2, t("parts.wishes"));
    if (w.fields.length) field(t("doc.fields"), w.fields.join(", "));
    const hours = formatHours(w.hoursPerWeek, w.hoursPerWeekMax, t);
    if (hours) field(t("doc.hours"), hours);
    if (w.maxCommuteMinutes !== null) field(t("doc.commute"), t(`wishes.commute.${w.maxCommuteMinutes}`));
    if (w.areas) field(t("doc.areas"), w.areas);
    if (w.accommodations) field(t("doc.accommodations"), w.accommodations);
    if (doc.tasks.length) {
      heading(3, t("parts.tasks"));
      list(doc.tasks);
    }
  }
  gap();
  paragraph(t("doc.printedAt", { date: formatMomentDay(now, language) }), { muted: true });
  return finish((page, pages) => t("doc.page", { page, pages }));
}
