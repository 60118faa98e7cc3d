/**
 * iOS's omitted-media placeholders at the END of a body: after a U+200E alone
 * (`‎image omitted`), or after a document's title or a caption (`Title.pdf • 3 pages document
 * omitted`). The phrases (OMITTED_ENDINGS, wordings.ts) are found by a hash of their last four
 * characters, so that an ordinary message pays one table lookup.
 *
 * @module
 */
import type { MessageKind } from "./types.ts";
import { OMITTED_ENDINGS, type Wording } from "./wordings.ts";

/** `String.prototype.charCodeAt` and `slice`, called on their own (see body.ts). */
const charCodeAt = String.prototype.charCodeAt;
const slice = String.prototype.slice;

/** True when `src` before `end` may end with an omitted-media phrase (a cheap gate). */
export function mayEndOmitted(src: string, end: number): boolean {
  return OMITTED_BY_TAIL[tail4(src, end)] !== undefined;
}

/**
 * The omitted-media phrase (OMITTED_ENDINGS) that ends `text` after a space or line break, with
 * its wording, or undefined. Only the phrases whose last four characters hash alike are tried.
 */
function omission(text: string): [string, Wording] | undefined {
  for (const entry of OMITTED_BY_TAIL[tail4(text, text.length)] ?? []) {
    const at = text.length - entry[0].length - 1;
    if (at < 0 || !text.endsWith(entry[0])) continue;
    const c = charCodeAt.call(text, at);
    if (c === 32 || c === 10 || c === 0xa0) return entry;
  }
  return undefined;
}

/** The kind of a body that ends with an omitted-media phrase (`‎image omitted`), or null. */
export function omittedEnding(text: string): MessageKind | null {
  return text.length > 4 ? omission(text)?.[1].kind ?? null : null;
}

/**
 * iOS: a title or caption, then a placeholder — `Title.pdf • 3 pages document omitted` (a page
 * count), `main.py document omitted` (a file name), `Nice one. ‎afbeelding weggelaten` (U+200E
 * before the placeholder, in `raw`, the body as exported, ending at `rawEnd`). Not a sentence that
 * merely ends with the words: `Ich habe das Video weggelassen`.
 */
export function titledOmission(text: string, raw: string, rawEnd: number): MessageKind | null {
  const found = omission(text);
  if (found === undefined) return null;
  const at = text.length - found[0].length - 1;
  if (at < 1) return null;
  if (charCodeAt.call(raw, rawEnd - found[0].length - 1) === 0x200e) return found[1].kind;
  const title = slice.call(text, 0, at);
  return title.includes("\u2022") || FILE_NAME_END.test(title) ? found[1].kind : null;
}
/** The end of a file name: a dot and an extension (`main.py`, `Plan 2024.xlsx`). */
const FILE_NAME_END = /\.[\p{L}\p{N}]{1,8}$/u;

/** A hash of the last four code units before `end`. */
function tail4(s: string, end: number): number {
  return (charCodeAt.call(s, end - 1) * 7 + charCodeAt.call(s, end - 2) * 31 +
    charCodeAt.call(s, end - 3) * 131 +
    charCodeAt.call(s, end - 4) * 523) & 0x3fff;
}

/** The {@link OMITTED_ENDINGS} phrases by the {@link tail4} hash of their end. */
const OMITTED_BY_TAIL: ([string, Wording][] | undefined)[] = new Array(16384).fill(undefined);
for (const entry of OMITTED_ENDINGS) {
  (OMITTED_BY_TAIL[tail4(entry[0], entry[0].length)] ??= []).push(entry);
}
