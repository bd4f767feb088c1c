import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { formatDate, formatTime } from "~/lib/dates";
import { formatDay, formatHours, formatMoment, formatMomentDay } from "./format";
import type { PlanView } from "./view";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Fonts with the whole Latin range (and more), from Debian's fonts-liberation / fonts-dejavu
 * packages. Without them the PDF falls back to the built-in Helvetica, which covers æ, ø, å and
 * the rest of Windows-1252; characters outside it are replaced with "?".
 */
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
  const fromEnv = process.env.PDF_FONT_REGULAR && process.env.PDF_FONT_BOLD;
  if (fromEnv && existsSync(process.env.PDF_FONT_REGULAR!) && existsSync(process.env.PDF_FONT_BOLD!)) {
    return { regular: process.env.PDF_FONT_REGULAR!, bold: process.env.PDF_FONT_BOLD! };
  }
  return FONT_CANDIDATES.find((fonts) => existsSync(fonts.regular) && existsSync(fonts.bold)) ?? null;
}

// Characters Windows-1252 has beyond Latin-1 (what the standard fonts can draw).
const WIN_ANSI_EXTRA = new Set("ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠš˜ŸŽž");
export function toWinAnsi(text: string): string {
  return Array.from(text)
    .map((char) => {
      const code = char.codePointAt(0)!;
      if (char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) {
        return char;
      }
      return "?";
    })
    .join("");
}

const COLOURS = { text: "#1b1b1b", muted: "#4a4f55", rule: "#b1b4b6" };

/** Renders the whole plan as a tagged A4 PDF with real text, in the page's language. */
export async function renderPlanPdf(view: PlanView, options: { name: string; language: string; t: Translate; now?: Date }) {
  const { name, language, t } = options;
  const now = options.now ?? new Date();
  const fonts = findFonts();
  const clean = fonts ? (text: string) => text : toWinAnsi;
  const title = t("pdf.title", { name });

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 62, right: 62 },
    bufferPages: true,
    autoFirstPage: true,
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

  if (fonts) {
    doc.registerFont("body", fonts.regular);
    doc.registerFont("bold", fonts.bold);
  } else {
    doc.registerFont("body", "Helvetica");
    doc.registerFont("bold", "Helvetica-Bold");
  }

  const root = doc.struct("Document");
  doc.addStructure(root);
  const danish = language === "da" ? undefined : "da-DK";

  const heading = (level: 1 | 2 | 3, text: string, lang?: string) => {
    const size = level === 1 ? 20 : level === 2 ? 15 : 12;
    if (level === 2) doc.moveDown(0.6);
    // Keep a heading with at least a few lines of what follows it.
    if (doc.y + size * 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    root.add(
      doc.struct(`H${level}`, lang ? { lang } : {}, () => {
        doc.font("bold").fontSize(size).fillColor(COLOURS.text).text(clean(text), { paragraphGap: 4 });
      }),
    );
  };
  const paragraph = (text: string, { lang, muted = false }: { lang?: string; muted?: boolean } = {}) => {
    root.add(
      doc.struct("P", lang ? { lang } : {}, () => {
        doc
          .font("body")
          .fontSize(muted ? 9.5 : 11)
          .fillColor(muted ? COLOURS.muted : COLOURS.text)
          .text(clean(text), { paragraphGap: 5, lineGap: 1.5 });
      }),
    );
  };
  /** "Label: value", the value in its own language when it differs from the document's. */
  const field = (label: string, value: string, lang?: string) => {
    const p = doc.struct("P");
    root.add(p);
    p.add(() => {
      doc.font("bold").fontSize(11).fillColor(COLOURS.text).text(clean(`${label}: `), { continued: true, lineGap: 1.5 });
    });
    p.add(
      doc.struct("Span", lang ? { lang } : {}, () => {
        doc.font("body").fontSize(11).fillColor(COLOURS.text).text(clean(value), { paragraphGap: 3, lineGap: 1.5 });
      }),
    );
    p.end();
  };
  const gap = () => doc.moveDown(0.4);

  heading(1, title);
  paragraph(
    `${t("meta.version", { version: view.version })} ${
      view.updatedByName
        ? t("meta.updatedBy", { when: formatMoment(view.updatedAt, language, t, now), name: view.updatedByName })
        : t("meta.updated", { when: formatMoment(view.updatedAt, language, t, now) })
    }`,
  );

  heading(2, t("goal.heading"));
  heading(3, t("goal.own.heading"));
  if (view.ownGoal.text) {
    // The participant's own words: in whatever language they wrote them.
    paragraph(view.ownGoal.text);
  } else {
    paragraph(t("goal.own.missing"));
  }
  heading(3, t("goal.employment.heading"));
  paragraph(view.employmentGoal, { lang: danish });
  paragraph(t("goal.employment.hint"), { muted: true });

  if (view.nextStep || view.nextConversation) {
    heading(2, t("nextStep.heading"));
    if (view.nextStep) paragraph(view.nextStep, { lang: danish });
    if (view.nextConversation) {
      const when = `${formatDate(view.nextConversation.startsAt, language)} ${t("common:dates.timeRange", {
        start: formatTime(view.nextConversation.startsAt, language),
        end: formatTime(view.nextConversation.endsAt, language),
      })}`;
      field(t("nextStep.conversation").replace(/:$/, ""), `${view.nextConversation.title}, ${when}`);
    }
  }

  heading(2, t("subGoals.heading"));
  if (view.subGoals.length === 0) paragraph(t("subGoals.none"));
  for (const goal of view.subGoals) {
    heading(3, goal.title, danish);
    if (goal.description) paragraph(goal.description, { lang: danish });
    field(t("subGoals.status"), t(`status.subGoal.${goal.status}`));
    if (goal.helperText) field(t("subGoals.helper"), goal.helperText, danish);
    if (goal.dueOn) field(t("subGoals.due"), t("subGoals.dueValue", { date: formatDay(goal.dueOn, language) }));
    if (goal.participantStatus) {
      const marked = goal.participantUpdatedAt
        ? ` ${t("subGoals.markedWhen", { when: formatMoment(goal.participantUpdatedAt, language, t, now) })}`
        : "";
      field(t("subGoals.yourMark"), `${t(`status.subGoal.${goal.participantStatus}`)}${marked}`);
      if (goal.participantComment) paragraph(`“${goal.participantComment}”`);
    }
    gap();
  }

  heading(2, t("activities.heading"));
  paragraph(t("activities.intro"));
  if (view.activities.length === 0) paragraph(t("activities.none"));
  for (const activity of view.activities) {
    const kind = t(`kinds.${activity.kind}.name`);
    heading(3, kind.toLowerCase() === activity.title.toLowerCase() ? activity.title : `${activity.title} (${kind})`);
    field(t("activities.purpose"), activity.purpose, danish);
    if (activity.responsibleName) field(t("activities.responsible"), activity.responsibleName, danish);
    if (activity.place) field(t("activities.place"), activity.place, danish);
    const start = activity.startsOn ? formatDay(activity.startsOn, language) : null;
    const end = activity.endsOn ? formatDay(activity.endsOn, language) : null;
    const period =
      start && end
        ? t("activities.periodValue", { start, end })
        : start
          ? t("activities.periodFrom", { start })
          : end
            ? t("activities.periodUntil", { end })
            : null;
    if (period) field(t("activities.period"), period);
    if (activity.hoursPerWeek) {
      field(t("activities.hours"), t("activities.hoursValue", { hours: formatHours(activity.hoursPerWeek, language) }));
    }
    field(t("activities.status"), t(`status.activity.${activity.status}`));
    paragraph(t(`kinds.${activity.kind}.text`), { muted: true });
    gap();
  }

  heading(2, t("agreements.heading"));
  if (view.agreements.length === 0) paragraph(t("agreements.none"));
  for (const agreement of view.agreements) {
    paragraph(agreement.text, { lang: danish });
    if (agreement.ownerText) field(t("agreements.who"), agreement.ownerText, danish);
    if (agreement.dueOn) field(t("agreements.when"), t("agreements.dueValue", { date: formatDay(agreement.dueOn, language) }));
    gap();
  }

  heading(2, t("contacts.heading"));
  for (const contact of view.contacts) {
    heading(3, contact.name);
    paragraph(t(`contacts.roles.${contact.role}`));
    field(t("contacts.organisation"), contact.organisation, danish);
    if (contact.phone) field(t("contacts.phone"), contact.phone);
    if (contact.email) field(t("contacts.email"), contact.email);
    if (contact.reachableText) field(t("contacts.reachable"), contact.reachableText, danish);
    gap();
  }

  doc.moveDown(1);
  paragraph(t("print.printedAt", { date: formatMomentDay(now, language) }), { muted: true });
  root.end();

  // Page numbers, marked as artifacts so screen readers skip them.
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
