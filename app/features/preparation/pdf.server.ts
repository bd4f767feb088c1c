import { createTaggedPdf } from "~/lib/pdf.server";
import { formatDocumentDate, formatTime } from "~/lib/dates";
import { fieldLabel, questionNames, type Translate } from "./components";
import { hoursInWords } from "./parts";
import type { PreparationState } from "./queries.server";

/**
 * The participant's preparation as a tagged A4 PDF with real text (H1/H2/P, page numbers as
 * artifacts), `Lang` set to the page's language. The answers are the person's own words, in
 * whatever language and script they wrote them.
 */
export async function renderPreparationPdf(
  preparation: PreparationState,
  options: { name: string; language: string; t: Translate; meetingAt: Date | null; now?: Date },
) {
  const { name, language, t } = options;
  const now = options.now ?? new Date();
  const { heading, paragraph, gap, finish } = createTaggedPdf({ language, title: t("pdf.title", { name }), subject: t("pdf.subject") });

  heading(1, t("print.heading"));
  paragraph(t("print.forName", { name }));
  if (options.meetingAt) {
    const when = t("when", { date: formatDocumentDate(options.meetingAt, language), time: formatTime(options.meetingAt, language) });
    paragraph(t("print.meeting", { when }));
  }

  for (const part of preparation.parts) {
    if (part.key === "about_meeting") continue;
    heading(2, t(`parts.${part.key}.title`));
    // Answered questions only; the unanswered ones are listed once at the end of the part.
    const unanswered: string[] = [];
    for (const fieldName of questionNames(part.key)) {
      const value = part.answers[fieldName]?.trim() ?? "";
      if (!value) {
        unanswered.push(fieldLabel(t, part.key, fieldName));
        continue;
      }
      heading(3, fieldLabel(t, part.key, fieldName));
      paragraph(fieldName === "hoursPerWeek" ? t("parts.wishes.hoursValue", { hours: hoursInWords(value, language) }) : value);
    }
    if (part.key === "wishes") {
      if (preparation.tasks.length === 0) unanswered.push(t("parts.wishes.tasksLegend"));
      else {
        heading(3, t("parts.wishes.tasksLegend"));
        for (const task of preparation.tasks) paragraph(`• ${task}`);
      }
    }
    const everythingEmpty = unanswered.length === questionNames(part.key).length + (part.key === "wishes" ? 1 : 0);
    if (everythingEmpty) paragraph(t("print.partEmpty"), { muted: true });
    else if (unanswered.length > 0) {
      paragraph(t("print.emptyList"), { muted: true });
      for (const label of unanswered) paragraph(`• ${label}`, { muted: true });
    }
  }

  gap();
  paragraph(t("print.printedAt", { date: formatDocumentDate(now, language) }), { muted: true });
  return finish((page, pages) => t("pdf.page", { page, pages }));
}
