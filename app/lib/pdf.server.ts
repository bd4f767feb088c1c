import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { config } from "../../server/config.js";
import { localeFor } from "./dates";

/**
 * Fonts with the whole Latin range (and more), from Debian's fonts-liberation / fonts-dejavu
 * packages, or PDF_FONT_REGULAR / PDF_FONT_BOLD. Without them the PDF falls back to the built-in
 * Helvetica, which covers æ, ø, å and the rest of Windows-1252; other characters become "?".
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
  const { regular, bold } = config().pdfFonts;
  if (regular && bold && existsSync(regular) && existsSync(bold)) return { regular, bold };
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

// Emoji and what joins or colours them (skin tones, flags, keycaps, variation selectors).
const EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]|\u200D|\uFE0E|\uFE0F|\u20E3)+/gu;

/**
 * The document's fonts have no emoji: a person's 😊 would print as an empty box (or "?"). The
 * emoji are left out and the spaces around them tidied (issue 14, point 13).
 */
export function withoutEmoji(text: string): string {
  if (!EMOJI.test(text)) return text;
  EMOJI.lastIndex = 0;
  return text
    .replace(EMOJI, " ")
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ +([.,!?:;)])/g, "$1")
    .replace(/^ +| +$/gm, "");
}

const COLOURS = { text: "#1b1b1b", muted: "#4a4f55" };

export interface TaggedPdf {
  /** pdfkit's document, for anything the helpers below do not cover. */
  doc: PDFKit.PDFDocument;
  /** H1-H3; keeps a heading on the same page as a few lines of what follows it. */
  heading(level: 1 | 2 | 3, text: string, lang?: string): void;
  paragraph(text: string, options?: { lang?: string; muted?: boolean }): void;
  /** "Label: value", the value in its own language when it differs from the document's. */
  field(label: string, value: string, lang?: string): void;
  /** A bulleted list (L / LI). */
  list(items: string[]): void;
  gap(): void;
  /** Ends the document: page numbers as artifacts (screen readers skip them), then the bytes. */
  finish(pageLabel: (page: number, pages: number) => string): Promise<Buffer>;
}

/**
 * A tagged A4 PDF with real, selectable text in reading order (PDF/UA-style structure: Document,
 * H1-H3, P, L/LI), the document language set from the page's language, and page numbers.
 */
export function createTaggedPdf(options: { language: string; title: string; subject: string; author?: string }): TaggedPdf {
  const fonts = findFonts();
  const clean = fonts ? withoutEmoji : (text: string) => toWinAnsi(withoutEmoji(text));
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 62, right: 62 },
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: localeFor(options.language),
    displayTitle: true,
    info: { Title: options.title, Author: options.author ?? "Min Vej", Subject: options.subject, Creator: "Min Vej" },
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

  return {
    doc,
    heading(level, text, lang) {
      const size = level === 1 ? 20 : level === 2 ? 15 : 12;
      if (level === 2) doc.moveDown(0.6);
      if (doc.y + size * 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      root.add(
        doc.struct(`H${level}`, lang ? { lang } : {}, () => {
          doc.font("bold").fontSize(size).fillColor(COLOURS.text).text(clean(text), { paragraphGap: 4 });
        }),
      );
    },
    paragraph(text, { lang, muted = false } = {}) {
      root.add(
        doc.struct("P", lang ? { lang } : {}, () => {
          doc
            .font("body")
            .fontSize(muted ? 9.5 : 11)
            .fillColor(muted ? COLOURS.muted : COLOURS.text)
            .text(clean(text), { paragraphGap: 5, lineGap: 1.5 });
        }),
      );
    },
    field(label, value, lang) {
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
    },
    list(items) {
      const l = doc.struct("L");
      root.add(l);
      for (const item of items) {
        l.add(
          doc.struct("LI", {}, () => {
            doc.font("body").fontSize(11).fillColor(COLOURS.text).text(clean(`•  ${item}`), { paragraphGap: 2, lineGap: 1.5, indent: 6 });
          }),
        );
      }
      l.end();
      doc.moveDown(0.3);
    },
    gap() {
      doc.moveDown(0.4);
    },
    finish(pageLabel) {
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
          .text(clean(pageLabel(index + 1, range.count)), doc.page.margins.left, doc.page.height - 40, {
            width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
            align: "center",
            lineBreak: false,
          });
        doc.endMarkedContent();
        doc.page.margins.bottom = bottom;
      }
      doc.end();
      return finished;
    },
  };
}
