import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { toWinAnsi } from "~/features/plan/pdf.server";
import { formatMomentDay } from "~/features/plan/format";
import type { CvDocument } from "./document";
import { hasWishes } from "./document";
import { formatPeriod } from "./partial-date";
import type { CvEntry } from "./queries.server";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The same fonts as the plan's PDF (Debian fonts-liberation / fonts-dejavu), else Helvetica. */
const FONT_CANDIDATES = [
  {
    regular: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    bold: "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
  },
  {
    regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
  },
];

function findFonts(): { regular: string; bold: string } | null {
  const regular = process.env.PDF_FONT_REGULAR;
  const bold = process.env.PDF_FONT_BOLD;
  if (regular && bold && existsSync(regular) && existsSync(bold)) return { regular, bold };
  return FONT_CANDIDATES.find((fonts) => existsSync(fonts.regular) && existsSync(fonts.bold)) ?? null;
}

const COLOURS = { text: "#1b1b1b", muted: "#4a4f55" };

/**
 * The CV as a tagged A4 PDF: real, selectable text in reading order (H1, H2, H3, P, L/LI),
 * the document language set, page numbers as artifacts.
 */
export async function renderCvPdf(doc: CvDocument, options: { language: string; t: Translate; now?: Date }): Promise<Buffer> {
  const { language, t } = options;
  const now = options.now ?? new Date();
  const fonts = findFonts();
  const clean = fonts ? (text: string) => text : toWinAnsi;
  const title = `${t("doc.title")}: ${doc.name}`;

  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 62, right: 62 },
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: language === "da" ? "da-DK" : "en-GB",
    displayTitle: true,
    info: { Title: title, Author: doc.name, Subject: t("doc.subject"), Creator: "Min Vej" },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.registerFont("body", fonts?.regular ?? "Helvetica");
  pdf.registerFont("bold", fonts?.bold ?? "Helvetica-Bold");

  const root = pdf.struct("Document");
  pdf.addStructure(root);

  const heading = (level: 1 | 2 | 3, text: string) => {
    const size = level === 1 ? 22 : level === 2 ? 15 : 12;
    if (level === 2) pdf.moveDown(0.6);
    if (pdf.y + size * 4 > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    root.add(
      pdf.struct(`H${level}`, {}, () => {
        pdf.font("bold").fontSize(size).fillColor(COLOURS.text).text(clean(text), { paragraphGap: 4 });
      }),
    );
  };
  const paragraph = (text: string, muted = false) => {
    root.add(
      pdf.struct("P", {}, () => {
        pdf
          .font("body")
          .fontSize(muted ? 10 : 11)
          .fillColor(muted ? COLOURS.muted : COLOURS.text)
          .text(clean(text), { paragraphGap: 5, lineGap: 1.5 });
      }),
    );
  };
  const list = (items: string[]) => {
    const l = pdf.struct("L");
    root.add(l);
    for (const item of items) {
      l.add(
        pdf.struct("LI", {}, () => {
          pdf.font("body").fontSize(11).fillColor(COLOURS.text).text(clean(`•  ${item}`), { paragraphGap: 2, lineGap: 1.5, indent: 6 });
        }),
      );
    }
    l.end();
    pdf.moveDown(0.3);
  };
  const field = (label: string, value: string) => {
    const p = pdf.struct("P");
    root.add(p);
    p.add(() => {
      pdf.font("bold").fontSize(11).fillColor(COLOURS.text).text(clean(`${label}: `), { continued: true, lineGap: 1.5 });
    });
    p.add(() => {
      pdf.font("body").fontSize(11).fillColor(COLOURS.text).text(clean(value), { paragraphGap: 3, lineGap: 1.5 });
    });
    p.end();
  };
  const dated = (entries: CvEntry[]) => {
    for (const entry of entries) {
      heading(3, entry.title);
      const period = formatPeriod(entry, language, t("now"));
      const meta = [entry.kind === "course" ? t("kinds.course") : null, entry.organisation, period || null].filter(Boolean);
      if (meta.length) paragraph(meta.join(" · "), true);
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
    if (w.hoursPerWeek !== null) field(t("doc.hours"), t("doc.hoursValue", { hours: w.hoursPerWeek }));
    if (w.maxCommuteMinutes !== null) field(t("doc.commute"), t(`wishes.commute.${w.maxCommuteMinutes}`));
    if (w.areas) field(t("doc.areas"), w.areas);
    if (w.accommodations) field(t("doc.accommodations"), w.accommodations);
    if (doc.tasks.length) {
      heading(3, t("parts.tasks"));
      list(doc.tasks);
    }
  }
  pdf.moveDown(1);
  paragraph(t("doc.printedAt", { date: formatMomentDay(now, language) }), true);
  root.end();

  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.markContent("Artifact", { type: "Pagination" });
    pdf
      .font("body")
      .fontSize(9)
      .fillColor(COLOURS.muted)
      .text(clean(t("doc.page", { page: index + 1, pages: range.count })), pdf.page.margins.left, pdf.page.height - 40, {
        width: pdf.page.width - pdf.page.margins.left - pdf.page.margins.right,
        align: "center",
        lineBreak: false,
      });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return finished;
}
