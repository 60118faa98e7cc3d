/**
 * The fonts of one PDF transcript and which one draws each part of a line: DejaVu Sans (regular
 * and bold, npm `dejavu-fonts-ttf`) first, then the Noto Emoji subsets (emoji_font.ts) the
 * document's text needs, embedded on first use; □ (in DejaVu) only when none has the glyph. An
 * emoji sequence goes to the emoji font whole, or as its base emoji (see `chooseEmoji`).
 *
 * @module
 */
import { createRequire } from "node:module";
import type { PDFDocument, PDFFont } from "pdf-lib";
import { chooseEmoji, emojiHas, loadEmojiFace } from "./emoji_font.ts";
import { BIDI_CONTROL, type Span } from "./pdf_bidi.ts";
import { EMOJI, emojiCandidates, printable } from "./pdf_text.ts";

let dejavu: Promise<[Uint8Array, Uint8Array]> | undefined;
/** DejaVu Sans and DejaVu Sans Bold, read once per process. */
function loadDejaVu() {
  const require = createRequire(import.meta.url);
  const read = (name: string) =>
    Deno.readFile(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)) as Promise<Uint8Array>;
  return dejavu ??= Promise.all([read("DejaVuSans.ttf"), read("DejaVuSans-Bold.ttf")]);
}

/** One unit of text: an emoji sequence or a single code point. */
const UNIT = new RegExp(`${EMOJI.source}|[^]`, "gu");
/** Text without these (no emoji, symbol, joiner or variation selector) is all in DejaVu. */
const BEYOND_TEXT = /[^\0-\u1FFF]/u;

/** The fonts of one document. */
export interface DocFonts {
  regular: PDFFont;
  bold: PDFFont;
  /**
   * `text` as it will be drawn (see `printable`), after embedding the emoji subsets it needs.
   * Every text goes through this before {@link DocFonts.spans} or a measure sees it.
   */
  prepare(text: string): Promise<string>;
  /** The font of each stretch of a prepared `text`; `base` is regular or bold. */
  spans(text: string, base: PDFFont): Span<PDFFont>[];
  /** A width function for prepared text in `base` at `size` (cached per unit). */
  measure(base: PDFFont, size: number): (text: string) => number;
}

/**
 * Embeds DejaVu Sans in `doc` and returns its {@link DocFonts}.
 *
 * @example
 * ```ts
 * const fonts = await embedFonts(doc);
 * const line = await fonts.prepare("ok 👍");
 * fonts.spans(line, fonts.regular); // [{ start: 0, end: 3, font: regular }, { start: 3, end: 5, font: <Noto Emoji> }]
 * ```
 */
export async function embedFonts(doc: PDFDocument): Promise<DocFonts> {
  const [regularBytes, boldBytes] = await loadDejaVu();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const charset = new Set(regular.getCharacterSet());
  /** Subset id → its font in this document. */
  const embedded = new Map<string, Promise<PDFFont>>();
  /** What the emoji font draws → its subset's font; the sequences as they were asked for → what is drawn. */
  const emojiFont = new Map<string, PDFFont>();
  const drawnAs = new Map<string, string | undefined>();

  const embed = (id: string) => {
    let font = embedded.get(id);
    if (!font) {
      font = loadEmojiFace(id).then((face) => doc.embedFont(face.bytes, { subset: true }));
      embedded.set(id, font);
    }
    return font;
  };
  const resolve = async (seq: string) => {
    if (drawnAs.has(seq)) return;
    const cp = seq.codePointAt(0)!;
    const single = seq === String.fromCodePoint(cp);
    const choice = !single || emojiHas(cp) ? await chooseEmoji(seq) : undefined;
    if (choice) emojiFont.set(choice.text, await embed(choice.id));
    drawnAs.set(seq, choice?.text);
  };
  const fontOf = (unit: string, base: PDFFont) => emojiFont.get(unit) ?? base;
  const units = (text: string): Iterable<string> =>
    emojiFont.size === 0 || !BEYOND_TEXT.test(text) ? text : text.match(UNIT) ?? [];

  return {
    regular,
    bold,
    async prepare(text) {
      const asked = emojiCandidates(text, charset);
      if (asked.size > 0) await Promise.all([...asked].map(resolve));
      return printable(text, charset, (seq) => drawnAs.get(seq));
    },
    spans(text, base) {
      if (emojiFont.size === 0 || !BEYOND_TEXT.test(text)) {
        return [{ start: 0, end: text.length, font: base }];
      }
      const spans: Span<PDFFont>[] = [];
      let at = 0;
      for (const unit of units(text)) {
        const font = fontOf(unit, base);
        const last = spans.at(-1);
        if (last?.font === font) last.end = at + unit.length;
        else spans.push({ start: at, end: at + unit.length, font });
        at += unit.length;
      }
      return spans;
    },
    measure(base, size) {
      const cache = new Map<string, number>();
      return (text) => {
        let w = 0;
        for (const unit of units(text)) {
          let uw = cache.get(unit);
          if (uw === undefined) {
            uw = BIDI_CONTROL.test(unit) ? 0 : fontOf(unit, base).widthOfTextAtSize(unit, size);
            cache.set(unit, uw);
          }
          w += uw;
        }
        return w;
      };
    },
  };
}
