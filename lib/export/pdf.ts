/**
 * The printable PDF transcript (pdf-lib + fontkit 2, see fontkit.ts): A4 pages, a cover page (title,
 * participants, date range, message count, the original uploads), then every message numbered
 * by its ref, and on EVERY page a footer with "page N of M" and the SHA-256 of the original
 * upload(s).
 *
 * - Text is set in DejaVu Sans (npm `dejavu-fonts-ttf`, embedded as a subset): Latin, Greek,
 *   Cyrillic, Arabic (shaped by fontkit) and Hebrew print. Emoji are drawn in monochrome Noto
 *   Emoji (only the subsets a document uses are embedded: pdf_fonts.ts, emoji_font.ts); scripts
 *   neither font has (CJK…) print as □ (pdf_text.ts).
 * - Each wrapped line is laid out by the Unicode bidi algorithm (pdf_bidi.ts): a message
 *   paragraph takes the direction of its first strong character (right-aligned when RTL), the
 *   heading line is always left to right.
 * - The footer is pure ASCII in Helvetica (a standard font: nothing to embed).
 * - pdf-lib builds the document in memory with synchronous CPU work (~0.9 ms a message on our
 *   2-core machine, mostly fontkit shaping), so the route bounds a PDF to
 *   {@link PDF_MAX_MESSAGES} messages (larger chats are exported by range), the build yields
 *   to the event loop every {@link YIELD_EVERY} messages so other requests keep being served,
 *   and a process builds one PDF at a time (others wait their turn).
 *
 * @module
 */
import { type Color, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { pdfFontkit } from "./fontkit.ts";
import {
  type Direction,
  layoutLine,
  type Levels,
  paragraphDirection,
  paragraphLevels,
} from "./pdf_bidi.ts";
import { type DocFonts, embedFonts } from "./pdf_fonts.ts";
import { wrap } from "./pdf_text.ts";
import type { ExportMessage, SourceFile } from "./source.ts";

/**
 * The most messages one PDF holds (≈ 500 pages; 10,000 messages mixing Latin, Hebrew, Arabic and
 * emoji built in 5.7 s with ~350 MB RSS on session 7's machine, bidi and emoji fonts ~⅓ of it).
 */
export const PDF_MAX_MESSAGES = 10_000;
const YIELD_EVERY = 100;

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const SIZE = 10;
const LINE = 13.5;
const HEAD_SIZE = 8.5;
const FOOT_SIZE = 7;
const FOOT_LINE = 9;
/** Footer lines of hashes before "…and N more (listed on page 1)". */
const FOOT_HASHES = 6;
const GREY = rgb(0.4, 0.4, 0.4);

/** What the cover page and the footers say. */
export interface PdfInfo {
  title: string;
  participants: string[];
  sources: SourceFile[];
  /** Shown on the cover, e.g. "refs 10–200" or "2024-01-01 to 2024-01-31"; omit for all. */
  range?: string;
  exportedAt?: Date;
}

/** A wrapped line, the direction of the paragraph it belongs to, and its levels there. */
export interface Line {
  text: string;
  direction: Direction;
  levels?: Levels | null;
}

/**
 * Prepared text wrapped to `maxWidth`, each line with its paragraph's direction and its slice of
 * the paragraph's embedding levels (a line is the paragraph's text from where the previous one
 * ended, after the spaces wrapping trimmed).
 */
export function wrapParagraphs(
  text: string,
  maxWidth: number,
  width: (s: string) => number,
): Line[] {
  return text.split("\n").flatMap((paragraph) => {
    const direction = paragraphDirection(paragraph);
    const all = paragraphLevels(paragraph, direction);
    let at = 0;
    return wrap(paragraph, maxWidth, width).map((line): Line => {
      if (all === null) return { text: line, direction, levels: null };
      at = paragraph.indexOf(line, at);
      const levels = { levels: all.levels.slice(at, at + line.length), level: all.level };
      at += line.length;
      return { text: line, direction, levels };
    });
  });
}

/** Draws one laid-out line, each run in its own font. */
function drawLine(page: PDFPage, line: Line, o: {
  fonts: DocFonts;
  base: PDFFont;
  size: number;
  y: number;
  maxWidth: number;
  color?: Color;
}) {
  const runs = layoutLine(line.text, o.fonts.spans(line.text, o.base), {
    direction: line.direction,
    levels: line.levels,
    maxWidth: o.maxWidth,
    width: (t, font) => font.widthOfTextAtSize(t, o.size),
  });
  for (const run of runs) {
    if (run.text.trim() === "") continue;
    page.drawText(run.text, {
      x: MARGIN + run.x,
      y: o.y,
      size: o.size,
      font: run.font,
      color: o.color,
    });
  }
}

/** The footer lines of a page (ASCII only: Helvetica draws them). */
export function footerLines(pageNo: number, pages: number, sources: SourceFile[]): string[] {
  const hashes = sources.length === 0
    ? ["SHA-256 of the original upload: unknown"]
    : sources.length === 1
    ? [`SHA-256 of the original upload: ${sources[0].sha256}`]
    : sources.slice(0, FOOT_HASHES).map((s, i) =>
      `SHA-256 of original upload ${i + 1} of ${sources.length}: ${s.sha256}`
    );
  if (sources.length > FOOT_HASHES) {
    hashes.push(`...and ${sources.length - FOOT_HASHES} more (listed on page 1)`);
  }
  return [`Page ${pageNo} of ${pages}`, ...hashes];
}

function drawFooter(page: PDFPage, lines: string[], font: PDFFont) {
  lines.forEach((text, i) => {
    page.drawText(text, {
      x: MARGIN,
      y: MARGIN - 14 + (lines.length - 1 - i) * FOOT_LINE,
      size: FOOT_SIZE,
      font,
      color: GREY,
    });
  });
}

const KIND_LABEL: Record<string, string> = {
  system: "system message",
  deleted: "deleted",
  poll: "poll",
  location: "location",
  contact: "contact",
  media: "media",
};

/**
 * Renders the transcript of the messages `pages` yields. Resolves to the PDF bytes.
 *
 * @example
 * ```ts
 * const bytes = await renderPdf({ title: "Book club", participants: ["Ann"], sources: [] },
 *   exportPages(sql, id, range));
 * ```
 */
export function renderPdf(
  info: PdfInfo,
  pages: AsyncIterable<ExportMessage[]>,
): Promise<Uint8Array> {
  const run = turn.then(() => buildPdf(info, pages));
  turn = run.then(() => {}, () => {});
  return run;
}
let turn: Promise<void> = Promise.resolve();

async function buildPdf(
  info: PdfInfo,
  pages: AsyncIterable<ExportMessage[]>,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(pdfFontkit as never);
  const fonts = await embedFonts(doc);
  const { regular, bold } = fonts;
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const widthOf = fonts.measure(regular, SIZE);
  const boldWidth = fonts.measure(bold, HEAD_SIZE);
  const footHeight = (Math.min(info.sources.length, FOOT_HASHES + 1) + 1) * FOOT_LINE;
  const top = A4[1] - MARGIN, bottom = MARGIN + footHeight;
  const maxWidth = A4[0] - 2 * MARGIN;

  const cover = doc.addPage(A4);
  let page = cover, y = bottom;
  let count = 0, first = "", last = "", firstRef = 0, lastRef = 0;
  const newPage = () => {
    page = doc.addPage(A4);
    y = top;
  };
  const line = (l: Line, base: PDFFont, size: number, color: Color) => {
    if (y - LINE < bottom) newPage();
    y -= LINE;
    drawLine(page, l, { fonts, base, size, y, maxWidth, color });
  };

  for await (const batch of pages) {
    for (const m of batch) {
      if (count === 0) [first, firstRef] = [m.date, m.ref];
      [last, lastRef] = [m.date, m.ref];
      if (++count % YIELD_EVERY === 0) await new Promise((r) => setTimeout(r, 0));
      const label = [
        `#${m.ref}`,
        m.date.replace("T", " "),
        m.author ?? "",
        KIND_LABEL[m.kind] ?? "",
        m.edited ? "edited" : "",
      ].filter((s) => s !== "").join("  ·  ");
      const body = [
        ...(m.attachment ? [`[attachment: ${m.attachment}]`] : []),
        ...(m.text !== "" ? [m.text] : []),
      ].join("\n");
      // The heading is metadata read left to right even when the author's name is RTL.
      const head = wrap(await fonts.prepare(label), maxWidth, boldWidth)
        .map((text): Line => ({ text, direction: "ltr" }));
      const lines = wrapParagraphs(await fonts.prepare(body), maxWidth, widthOf);
      // A message starts on a new page rather than being split, unless it is longer than one.
      const height = (head.length + lines.length) * LINE + 6;
      if (y - height < bottom && height <= top - bottom) newPage();
      for (const h of head) line(h, bold, HEAD_SIZE, GREY);
      const color = m.kind === "text" || m.kind === "media" ? rgb(0, 0, 0) : GREY;
      for (const l of lines) line(l, regular, SIZE, color);
      y -= 6;
    }
  }

  await drawCover(cover, {
    info,
    count,
    dates: count ? `${first.replace("T", " ")} to ${last.replace("T", " ")}` : "no messages",
    refs: count ? `#${firstRef} to #${lastRef}` : "",
    fonts,
    maxWidth,
  });
  const all = doc.getPages();
  all.forEach((p, i) => drawFooter(p, footerLines(i + 1, all.length, info.sources), helvetica));
  doc.setTitle(info.title);
  doc.setCreator("WhatsApp Reader");
  doc.setCreationDate(info.exportedAt ?? new Date());
  return await doc.save();
}

async function drawCover(page: PDFPage, o: {
  info: PdfInfo;
  count: number;
  dates: string;
  refs: string;
  fonts: DocFonts;
  maxWidth: number;
}) {
  const { info, fonts } = o;
  let y = A4[1] - MARGIN - 20;
  const put = async (s: string, base = fonts.regular, size = SIZE) => {
    const text = await fonts.prepare(s);
    for (const line of wrapParagraphs(text, o.maxWidth, fonts.measure(base, size))) {
      drawLine(page, line, { fonts, base, size, y, maxWidth: o.maxWidth });
      y -= size * 1.4;
    }
  };
  await put(info.title, fonts.bold, 20);
  y -= 10;
  await put("WhatsApp conversation transcript", fonts.regular, 12);
  y -= 10;
  await put(`Participants (${info.participants.length}): ${info.participants.join(", ")}`);
  await put(`Messages: ${o.count.toLocaleString("en")}${o.refs ? ` (${o.refs})` : ""}`);
  await put(`Dates: ${o.dates}`);
  if (info.range) await put(`Range exported: ${info.range}`);
  await put(
    `Exported: ${
      (info.exportedAt ?? new Date()).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC")
    }`,
  );
  y -= 10;
  await put("Original upload(s) and their SHA-256:", fonts.bold, SIZE);
  if (info.sources.length === 0) await put("unknown (the conversation has no stored upload)");
  for (const s of info.sources) await put(`${s.filename}  ${s.sha256}`);
}
