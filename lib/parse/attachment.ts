/**
 * Attachments referenced by a message body, in any language: Android `NAME (file attached)`
 * (caption on the following lines), iOS `<attached: NAME>` (caption: the text outside the tag,
 * e.g. a document's `Title.pdf • 3 pages`), Turkish `<NAME eklendi>`, old iOS `NAME <attached>`.
 * A keyword in an unknown language is accepted when the file name has WhatsApp's shape
 * (`IMG-20240301-WA0001.jpg`, `00000012-PHOTO-….jpg`, `2015-08-04-PHOTO-00004762.jpg`), or, for
 * Android, when it is one word ending with a common media or document extension, or when the file
 * already used that keyword after a WhatsApp-shaped name (then any name with an extension, spaces
 * included): `3.14 (pi)`, `index.html (fixed)` or `google.com (the site)` stay text. An iOS export
 * never writes the Android form: there, only a listed keyword makes one (`report.pdf (final)`
 * typed in an iOS chat is text).
 *
 * @module
 */
import { ATTACH_KEYWORDS } from "./wordings.ts";

/**
 * A tag's file name (documents keep their original names): up to the tag's own `>`, the name's
 * `<…>` pairs included (`<attached: 00000012-Report <final>.pdf>`). A lone `<` ends it: one also
 * allowed would make every `<` of a long line scan on to its end.
 */
const NAME = String.raw`(?:[^<>\n]|<[^<>\n]*>)+?`;
const TAG_COLON = new RegExp(
  String.raw`<([^\s\d<>:\uFF1A][^<>:\uFF1A\n]{0,30}?) ?[:\uFF1A] ?(${NAME})>`,
  "y",
);
const TAG_AFTER = new RegExp(String.raw`<(${NAME}\.[^\s.<>]{1,6}) ([^\s\d<>]+)>`, "y");
const OLD_TAG = /^(.+?\.[^\s.<>]{1,6}) <([^\s\d<>:]+)>$/;
const IOS_NAME = /^\d{8}-/;
const OLD_IOS_NAME = /^\d{4}-\d{2}-\d{2}-[A-Z]+-/;
const ANDROID_NAME = /^(?:[A-Z]{3}-\d{8}-WA\d+|[0-9a-f]{32})\.\w+$/;
/** Extensions WhatsApp sends as media or documents: the gate for an unknown Android keyword. */
const FILE_EXTENSION =
  /\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?|mp4|3gp|mov|m4v|mkv|avi|webm|opus|ogg|oga|m4a|mp3|aac|amr|wav|flac|pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|txt|csv|vcf|zip|rar|7z|apk|pages|numbers|key|epub)$/i;
const ANDROID_EN = " (file attached)";
/** A file name's extension, for a learned keyword (documents keep their own names). */
const ANY_EXTENSION = /\S\.[^\s.()]{1,10}$/;
/** Keywords learned per file at most (a file has one; more means odd text, not exports). */
const MAX_LEARNED = 4;

/** An attachment found in a body. */
export interface Attachment {
  /** The file name as the export references it. */
  name: string;
  /** The body without the attachment reference. */
  caption: string;
  /** Language of the keyword, null when recognised by shape only. */
  lang: string | null;
}

/**
 * The text around a tag, the spaces next to it removed: `Title.pdf • 3 pages <attached: x.pdf>`
 * → `Title.pdf • 3 pages`. A line break after the tag is kept as the separator.
 */
function joinAround(before: string, after: string): string {
  const a = before.trimEnd();
  const newline = /^[ \t]*\n/.exec(after);
  const b = newline ? after.slice(newline[0].length) : after.trimStart();
  return a === "" ? b : b === "" ? a : a + (newline ? "\n" : " ") + b;
}

function keywordLang(keyword: string): string | null | undefined {
  return ATTACH_KEYWORDS.get(keyword.toLowerCase());
}

/**
 * Android `NAME (keyword)`: by the keyword in any known language; else by the file name's shape,
 * and then the keyword is `learned` for the rest of the file (so that `Отчёт за 2023.pdf (…)`
 * after an `IMG-…-WA0001.jpg (…)` with the same keyword is an attachment too).
 */
function androidAttachment(
  first: string,
  learned: Set<string>,
  ios: boolean,
): [string, string | null] | null {
  if (first.endsWith(ANDROID_EN)) return [first.slice(0, -ANDROID_EN.length), "en"];
  const open = first.lastIndexOf(" (");
  if (open <= 0) return null;
  const keyword = first.slice(open + 2, -1), name = first.slice(0, open);
  if (keyword.indexOf("(") >= 0 || keyword.indexOf(")") >= 0) return null;
  const lang = keywordLang(keyword);
  if (lang !== undefined) return [name, lang];
  if (ios || /\d/.test(keyword)) return null;
  const key = keyword.toLowerCase();
  if (ANDROID_NAME.test(name)) {
    if (learned.size < MAX_LEARNED) learned.add(key);
    return [name, null];
  }
  const named = learned.has(key)
    ? ANY_EXTENSION.test(name)
    : FILE_EXTENSION.test(name) && !/\s/.test(name);
  return named ? [name, null] : null;
}

/**
 * The attachment a body references, with the caption left once it is removed; else null.
 * `firstLineEnd` is the index of the first `\n` in `text`, or -1. `learned`: the file's Android
 * keywords of unknown languages seen so far (read and updated). `ios`: the export is an iOS one
 * (the Android form then needs a listed keyword).
 */
export function findAttachment(
  text: string,
  firstLineEnd: number,
  learned: Set<string> = new Set(),
  ios = false,
): Attachment | null {
  const first = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  const rest = () => (firstLineEnd < 0 ? "" : text.slice(firstLineEnd + 1));
  if (first.charCodeAt(first.length - 1) === 41) { // ")"
    const found = androidAttachment(first, learned, ios);
    if (found !== null) return { name: found[0], caption: rest(), lang: found[1] };
  }
  for (let lt = text.indexOf("<"); lt >= 0; lt = text.indexOf("<", lt + 1)) {
    TAG_COLON.lastIndex = lt;
    let m = TAG_COLON.exec(text);
    let name = "", keyword = "";
    if (m !== null) name = m[2], keyword = m[1];
    else {
      TAG_AFTER.lastIndex = lt;
      m = TAG_AFTER.exec(text);
      if (m !== null) name = m[1], keyword = m[2];
    }
    if (m === null) continue;
    const lang = keywordLang(keyword);
    if (lang === undefined && !IOS_NAME.test(name)) continue;
    const caption = joinAround(text.slice(0, lt), text.slice(lt + m[0].length));
    return { name, caption, lang: lang ?? null };
  }
  const m = first.charCodeAt(first.length - 1) === 62 ? OLD_TAG.exec(first) : null;
  if (m !== null) {
    const lang = keywordLang(m[2]);
    if (lang !== undefined || OLD_IOS_NAME.test(m[1])) {
      return { name: m[1], caption: rest(), lang: lang ?? null };
    }
  }
  return null;
}
