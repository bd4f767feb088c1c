import { createTaggedPdf } from "~/lib/pdf.server";
import { formatDate, formatTime } from "~/lib/dates";
import { fieldLabel, type Translate } from "./components";
import { partByKey } from "./parts";
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
    const when = t("when", { date: formatDate(options.meetingAt, language), time: formatTime(options.meetingAt, language) });
    paragraph(t("print.meeting", { when }));
  }

  for (const part of preparation.parts) {
    if (part.key === "about_meeting") continue;
    heading(2, t(`parts.${part.key}.title`));
    const definition = partByKey(part.key);
    const names = definition.fields.map((field) => field.name);
    if (part.key === "wishes") names.splice(1, 0, "hoursPerWeek");
    for (const fieldName of names) {
      heading(3, fieldLabel(t, part.key, fieldName));
      const value = part.answers[fieldName]?.trim() ?? "";
      if (!value) paragraph(t("print.empty"), { muted: true });
      else paragraph(fieldName === "hoursPerWeek" ? t("parts.wishes.hoursValue", { hours: value }) : value);
    }
    if (part.key === "wishes") {
      heading(3, t("parts.wishes.tasksLegend"));
      if (preparation.tasks.length === 0) paragraph(t("print.empty"), { muted: true });
      for (const task of preparation.tasks) paragraph(`• ${task}`);
    }
  }

  gap();
  paragraph(t("print.printedAt", { date: formatDate(now, language) }), { muted: true });
  return finish((page, pages) => t("pdf.page", { page, pages }));
}
