import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { toWinAnsi } from "~/features/plan/pdf.server";
import { formatDate, formatTime } from "~/lib/dates";
import { fieldLabel, type Translate } from "./components";
import { partByKey } from "./parts";
import type { PreparationState } from "./queries.server";

/** The same fonts as the plan's PDF (Debian fonts-liberation / fonts-dejavu-core), else Helvetica. */
const FONT_CANDIDATES = [
  {
    regular: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    bold: "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
  },
  { regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" },
];

function findFonts(): { regular: string; bold: string } | null {
  const { PDF_FONT_REGULAR: regular, PDF_FONT_BOLD: bold } = process.env;
  if (regular && bold && existsSync(regular) && existsSync(bold)) return { regular, bold };
  return FONT_CANDIDATES.find((fonts) => existsSync(fonts.regular) && existsSync(fonts.bold)) ?? null;
}

const COLOURS = { text: "#1b1b1b", muted: "#4a4f55" };

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
  const fonts = findFonts();
  const clean = fonts ? (text: string) => text : toWinAnsi;
  const title = t("pdf.title", { name });

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 62, right: 62 },
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: language === "da" ? "da-DK" : "en-GB",
    displayTitle: true,
    info: { Title: title, Author: "Min Vej", Subject: t("pdf.subject"), Creator: "Min Vej" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("body", fonts?.regular ?? "Helvetica");
  doc.registerFont("bold", fonts?.bold ?? "Helvetica-Bold");

  const root = doc.struct("Document");
  doc.addStructure(root);
  const heading = (level: 1 | 2 | 3, text: string) => {
    const size = level === 1 ? 20 : level === 2 ? 15 : 11.5;
    if (level === 2) doc.moveDown(0.6);
    if (doc.y + size * 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    root.add(
      doc.struct(`H${level}`, {}, () => {
        doc.font("bold").fontSize(size).fillColor(COLOURS.text).text(clean(text), { paragraphGap: 3 });
      }),
    );
  };
  const paragraph = (text: string, muted = false) => {
    root.add(
      doc.struct("P", {}, () => {
        doc
          .font("body")
          .fontSize(muted ? 9.5 : 11)
          .fillColor(muted ? COLOURS.muted : COLOURS.text)
          .text(clean(text), { paragraphGap: 5, lineGap: 1.5 });
      }),
    );
  };

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
      if (!value) paragraph(t("print.empty"), true);
      else paragraph(fieldName === "hoursPerWeek" ? t("parts.wishes.hoursValue", { hours: value }) : value);
    }
    if (part.key === "wishes") {
      heading(3, t("parts.wishes.tasksLegend"));
      if (preparation.tasks.length === 0) paragraph(t("print.empty"), true);
      for (const task of preparation.tasks) paragraph(`• ${task}`);
    }
  }

  doc.moveDown(1);
  paragraph(t("print.printedAt", { date: formatDate(now, language) }), true);
  root.end();

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc
      .font("body")
      .fontSize(9)
      .fillColor(COLOURS.muted)
      .text(clean(t("pdf.page", { page: index + 1, pages: range.count })), doc.page.margins.left, doc.page.height - 40, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: "center",
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
