/**
 * Turning a raw author and body into a {@link Message}: invisible marks removed, the edited marker,
 * the attachment and its caption, and the kind.
 *
 * Signals, in order: no author → `system`; a whole-body wording (deleted, omitted media, contact
 * card, live location, Android's call rows; wordings.ts) → its kind; a one-line admin deletion
 * naming the admin (admin_deletion.ts) → `deleted`; an attachment (attachment.ts) → `media`, or
 * `contact` for a `.vcf`; `label: <maps URL>` → `location`; `POLL:` + option lines → `poll`; an
 * iOS body starting with U+200E that is none of these → `system` (the chat name or actor standing
 * where the author would be is dropped), or `media` for an unlisted `… omitted` placeholder; iOS
 * `Name: Name created this group` → `system`.
 *
 * @module
 */
import type { Message, MessageKind } from "./types.ts";
import {
  ADMIN_SHAPES,
  adminDeletion,
  edgeShape,
  SHORTEST_ADMIN_DELETION,
} from "./admin_deletion.ts";
import { type Attachment, findAttachment } from "./attachment.ts";
import { mayEndOmitted, omittedEnding, titledOmission } from "./omitted.ts";
import {
  ACTOR_EVENT,
  EDITED,
  EXACT,
  LOCATION_LABELS,
  NOTICE,
  SYSTEM_ANY,
  systemLanguage,
  type Wording,
} from "./wordings.ts";

/**
 * `String.prototype.charCodeAt`, called on its own: a string's method looked up at a site that
 * sees flat, sliced and joined strings goes megamorphic (a lookup stub per call, 8% of an iOS
 * parse), while a call of this constant compiles to the character load itself.
 */
const charCodeAt = String.prototype.charCodeAt;
/** `String.prototype.slice`, called on its own for the same reason. */
const slice = String.prototype.slice;

/** Invisible formatting characters removed from authors and texts (not the BOM: file start only). */
export const INVISIBLE = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Global twin of {@link INVISIBLE}: `lastIndex` based searches and replacement. */
export const INVISIBLE_G = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Removes the invisible formatting characters (LRM, RLM, U+202A–U+202E, U+2066–U+2069). */
export function stripInvisible(s: string): string {
  return INVISIBLE.test(s) ? s.replace(INVISIBLE_G, "") : s;
}

/** Per-file state the classifier reads and updates. */
export class BodyContext {
  /** iOS layouts: pseudo-authored system lines are possible. */
  ios = false;
  /** Messages built so far. */
  count = 0;
  /** System messages whose language was looked at (capped). */
  systemChecked = 0;
  /** Votes for the export's language (see {@link vote}: the latest run is added on reading). */
  langs = new Map<string, number>();
  // A run of votes for one language, counted without a map lookup each.
  #lastLang: string | null = null;
  #lastVotes = 0;
  /** Android attachment keywords of unknown languages this file has used (attachment.ts). */
  attachKeywords = new Set<string>();
  /** While set, the languages {@link vote}d for are also listed here (votes that may be undone). */
  journal: string[] | null = null;

  /** Counts one piece of evidence for a language. */
  vote(lang: string | null): void {
    if (lang === null) return;
    this.journal?.push(lang);
    if (lang === this.#lastLang) {
      this.#lastVotes++;
      return;
    }
    this.#flushVotes();
    this.#lastLang = lang;
    this.#lastVotes = 1;
  }

  #flushVotes(): void {
    const lang = this.#lastLang;
    if (lang !== null) this.langs.set(lang, (this.langs.get(lang) ?? 0) + this.#lastVotes);
    this.#lastLang = null;
    this.#lastVotes = 0;
  }

  /** Takes back votes (listed by {@link journal}) of a message rebuilt or put back as text. */
  unvote(langs: string[]): void {
    if (langs.length === 0) return;
    this.#flushVotes();
    for (const lang of langs) this.langs.set(lang, this.langs.get(lang)! - 1);
  }

  /** The language with most votes, or null. */
  language(): string | null {
    this.#flushVotes();
    let best: string | null = null, n = 0;
    for (const [lang, v] of this.langs) if (v > n) best = lang, n = v;
    return best;
  }
}

/**
 * True when the `"` at `i` is no quotation mark but a Hebrew acronym's gershayim typed as `"`,
 * between two Hebrew letters (`ד"ר`, `צה"ל`: names are full of them). Only there: a quote after a
 * digit or between letters of other scripts may open or close a group name (`"Klasa 2023"`).
 */
function inWord(s: string, i: number): boolean {
  return isHebrewLetter(charCodeAt.call(s, i - 1)) && isHebrewLetter(charCodeAt.call(s, i + 1));
}
const isHebrewLetter = (c: number) => c >= 0x5d0 && c <= 0x5ea;

/**
 * True when the text before the first `": "` of a line is not a name but part of a system text:
 * it opens a quote it does not close (`X changed the subject to “Book club: 2024”`; a straight
 * `"` inside a Hebrew acronym is no quote), or it is a long known notice/event phrase.
 */
export function isSystemAuthor(candidate: string): boolean {
  let straight = 0, curly = 0, guillemets = 0;
  for (let i = 0; i < candidate.length; i++) {
    const c = charCodeAt.call(candidate, i);
    if (c === 34) {
      if (!inWord(candidate, i)) straight++;
    } else if (c === 0x201c || c === 0x201d || c === 0x201e) curly++;
    else if (c === 0xab || c === 0xbb) guillemets++;
  }
  if (straight % 2 === 1 || curly % 2 === 1 || guillemets % 2 === 1) return true;
  return candidate.length >= 24 && (NOTICE.test(candidate) || SYSTEM_ANY.test(candidate));
}

/**
 * An English iOS placeholder no table lists (`‎View once photo omitted`): one line of at most 40
 * characters before ` omitted`, as all of them end — media, not an event (no event ends so).
 */
const UNLISTED_OMITTED = /^[^\n]{1,40} omitted$/;
/** `You turned on disappearing messages. …` (R: real Android exports, after `Name: `). */
const TURNED = /^You turned (?:on|off) disappearing messages\./;
/** `label: URL` on one line (see {@link locationLang}). */
const LOCATION = /^(\p{L}[^\n]{0,99}?) ?: (https?:\/\/\S+)$/u;
const MAPS =
  /^https?:\/\/(?:maps\.google\.|www\.google\.[a-z.]+\/maps|goo\.gl\/maps|maps\.app\.goo\.gl|maps\.apple\.com|foursquare\.com)/;
/** A poll's first line and option label: one word, capitalised where the script has case. */
const POLL_HEAD = /^(?:\p{Lu}+|\p{Lo}+) ?:$/u;
/** `OPTION: Pizza (3 votes)`; Hebrew writes one vote in words: `(הצבעה אחת)`. */
const POLL_OPTION = /^(\p{Lu}+|\p{Lo}+) ?: .*\(([^()\n]+)\)$/u;
/** `a: https://goo.gl/maps/b`: no line shorter can be a location (a cheap gate for most). */
const SHORTEST_LOCATION = 24;
/**
 * True when the last word of `src[start, end)` (a single line) is a URL after `: ` or ` : ` (as in
 * `location: https://…`), without allocating: a backward scan over the last word only.
 */
function labelled(src: string, start: number, end: number): boolean {
  if (end - start < SHORTEST_LOCATION) return false;
  let i = end - 1;
  while (i > start && charCodeAt.call(src, i) !== 32) i--;
  return i > start + 1 && charCodeAt.call(src, i - 1) === 58 &&
    charCodeAt.call(src, i + 1) === 104 && src.startsWith("http", i + 1);
}

/**
 * `POLL:` (any language: one capitalised word) alone on the first line, then the question (one
 * line or more), then at least two option lines with one same label, `OPTION: Pizza (3 votes)`,
 * ending the body (WhatsApp polls have 2 to 12 options): `FAQ:\nHow much?\nA: 5 € (10 with tax)`
 * stays text.
 */
function isPoll(first: string, rest: string): boolean {
  if (charCodeAt.call(first, first.length - 1) !== 58 || !POLL_HEAD.test(first)) return false;
  const lines = rest.split("\n");
  let end = lines.length;
  while (end > 0 && lines[end - 1] === "") end--;
  let label: string | null = null, options = 0, counted = false;
  for (let i = end - 1; i >= 1; i--) {
    const m = POLL_OPTION.exec(lines[i]);
    if (m === null) break;
    if (label === null) label = m[1];
    else if (m[1] !== label) return false;
    options++;
    counted ||= /\d/.test(m[2]);
  }
  // Some vote count is a number (`(0 הצבעות)` beside `(הצבעה אחת)`): `TEAM: Alpha (morning)`
  // lines are a list.
  return options >= 2 && counted;
}

/**
 * The language of a location's label (null: a label of no known language), or undefined when
 * `first` is no location. Only a maps URL makes one (`Meeting notes: https://docs…` is text), and
 * only after a known label (`Vị trí`), a single word, or a shared venue `Name (City, Country)`:
 * `We are at the cafe now: https://maps…` is a sentence with a link.
 */
function locationLang(first: string): string | null | undefined {
  const m = LOCATION.exec(first);
  if (m === null || !MAPS.test(m[2])) return undefined;
  const lang = LOCATION_LABELS.get(m[1].toLowerCase());
  if (lang !== undefined) return lang;
  return !m[1].includes(" ") || m[1].endsWith(")") ? null : undefined;
}

/**
 * Builds a message from its author (already normalised; null for system lines) and the raw body
 * `slice.call(src, start, end)` (continuation lines joined with `\n`). `marks` tells whether the body
 * contains invisible marks to remove; `lrmOnly` that the only one is a U+200E at `start` (then
 * skipped without a regex replace: most iOS media and system bodies); `firstLineEnd`, when known,
 * the index in `src` of the body's first line break (saves searching it). The `date` is left empty
 * for the caller to fill in.
 *
 * The body is examined in place (on the flat block it comes from) and sliced once: a plain message
 * is classified with a handful of character tests, because every `<…>` feature ends a line with
 * `>`, an Android attachment line ends with `)`, and a location URL follows a one-word label.
 *
 * @example
 * ```ts
 * const raw = "IMG-20240102-WA0001.jpg (file attached)\nLook";
 * const m = buildMessage(new BodyContext(), "Ann", raw, 0, raw.length, true, false);
 * // m.kind === "media", m.attachment === "IMG-20240102-WA0001.jpg", m.text === "Look"
 * ```
 */
export function buildMessage(
  ctx: BodyContext,
  author: string | null,
  src: string,
  start: number,
  end: number,
  multiline: boolean,
  marks: boolean,
  lrmOnly = false,
  firstLineEnd = -1,
): Message {
  ctx.count++;
  const given = src, givenEnd = end; // firstLineEnd indexes it (not a text rewritten below)
  const lrm = charCodeAt.call(src, start) === 0x200e;
  let text: string | null = null;
  if (marks && lrmOnly && lrm) start++;
  else if (marks) {
    text = slice.call(src, start, end).replace(INVISIBLE_G, "");
    src = text, start = 0, end = text.length;
  }
  let last = end > start ? charCodeAt.call(src, end - 1) : -1;
  let edited = false;
  if (last === 62) { // ">": maybe the edited marker
    text ??= slice.call(src, start, end);
    // `<` opens the marker, or `‹` (U+2039) as Hebrew writes it: `‹ההודעה נערכה>`.
    const lt = Math.max(text.lastIndexOf("<"), text.lastIndexOf("\u2039"));
    const shaped = lt >= 0 &&
      EDITED_SHAPES[((text.length - lt) * 31 + charCodeAt.call(text, lt + 1)) & 0x3ff] === 1;
    const lang = shaped ? EDITED.get(slice.call(text, lt + 1, -1)) : undefined;
    if (lang !== undefined) {
      edited = true;
      text = slice.call(text, 0, lt).trimEnd();
      src = text, start = 0, end = text.length;
      last = end > start ? charCodeAt.call(src, end - 1) : -1;
      ctx.vote(lang);
    }
  }
  let kind: MessageKind = "text", omitted: MessageKind | null;
  let attachment: string | null = null;
  if (author === null) kind = "system";
  else {
    let firstEnd = !multiline
      ? end
      : firstLineEnd >= 0 && src === given
      ? firstLineEnd
      : src.indexOf("\n", start);
    if (firstEnd < 0 || firstEnd > end) firstEnd = end;
    const lastOfFirst = firstEnd > start ? charCodeAt.call(src, firstEnd - 1) : -1;
    let exact: Wording | undefined;
    if (
      EXACT_SHAPES[
        exactShape(end - start, last, charCodeAt.call(src, start), charCodeAt.call(src, start + 1))
      ] === 1
    ) {
      text ??= slice.call(src, start, end);
      exact = EXACT.get(text);
    } else if (last === 10 && firstEnd < end) {
      // A wording followed by empty lines (`live location shared\n`): the lines stay in the text.
      exact = EXACT.get(slice.call(src, start, end).trimEnd());
    } else if (firstEnd < end && lastOfFirst === 62) {
      // Android `<Media omitted>` then the document's name on the next line: media, as exported.
      const head = EXACT.get(slice.call(src, start, firstEnd));
      if (head?.kind === "media") exact = head;
    }
    // iOS writes U+200E before a call row (a system line by that rule, below): without it, the
    // words are a participant's (`Llamada perdida` typed as a message).
    if (exact?.kind === "system" && ctx.ios && !lrm) exact = undefined;
    if (exact === undefined && firstEnd === end && end - start >= SHORTEST_ADMIN_DELETION) {
      // One line that may name an admin who deleted it: gated on its first and last characters.
      const edges = edgeShape(charCodeAt.call(src, start), last);
      if (ADMIN_SHAPES[edges] === 1) {
        exact = adminDeletion(text ??= slice.call(src, start, end), edges);
      }
    }
    let found: Attachment | null = null;
    if (exact === undefined && (lastOfFirst === 41 || lastOfFirst === 62 || last === 62)) {
      text ??= slice.call(src, start, end);
      const firstLine = firstEnd === end ? -1 : firstEnd - start;
      found = findAttachment(text, firstLine, ctx.attachKeywords, ctx.ios);
    }
    if (found !== null) {
      attachment = found.name;
      text = found.caption;
      kind = /\.vcf$/i.test(found.name) ? "contact" : "media";
      ctx.vote(found.lang);
    } else if (exact !== undefined) {
      kind = exact.kind;
      ctx.vote(exact.lang);
    } else {
      const loc = labelled(src, start, firstEnd)
        ? locationLang(slice.call(src, start, firstEnd))
        : undefined;
      if (loc !== undefined) {
        kind = "location";
        ctx.vote(loc);
      } else if (
        lastOfFirst === 58 && firstEnd < end &&
        isPoll(slice.call(src, start, firstEnd), slice.call(src, firstEnd + 1, end))
      ) {
        kind = "poll";
      } else if (
        charCodeAt.call(src, start) === 89 && TURNED.test(text ??= slice.call(src, start, end))
      ) {
        kind = "system"; // Android writes who turned them on where the author stands
      } else if (lrm && ctx.ios && !edited) {
        // (No event is edited: `\u200e<This message was edited>` alone is a user's emptied text.)
        text ??= slice.call(src, start, end);
        kind = omittedEnding(text) ?? (UNLISTED_OMITTED.test(text) ? "media" : "system");
      } else if (
        ctx.ios && end - start > 8 && mayEndOmitted(src, end) &&
        (omitted = titledOmission(text ??= slice.call(src, start, end), given, givenEnd)) !== null
      ) {
        kind = omitted;
      } else if (
        ctx.ios && charCodeAt.call(src, start) === charCodeAt.call(author, 0) &&
        charCodeAt.call(src, start + author.length) === 32 && src.startsWith(author, start)
      ) {
        if (ACTOR_EVENT.test(slice.call(src, start + author.length + 1, end))) kind = "system";
      } else if (ctx.ios && ctx.count <= 100 && NOTICE.test(text ??= slice.call(src, start, end))) {
        kind = "system";
      }
    }
    if (kind === "system") author = null;
  }
  text ??= slice.call(src, start, end);
  if (kind === "system" && ctx.systemChecked < 200) {
    ctx.systemChecked++;
    ctx.vote(systemLanguage(text));
  }
  return { date: "", author, text, kind, attachment, edited };
}

/** Bitmap of (length, first code unit) hashes of the {@link EDITED} markers (with `<` `>`). */
const EDITED_SHAPES = new Uint8Array(1024);
for (const k of EDITED.keys()) EDITED_SHAPES[((k.length + 2) * 31 + k.charCodeAt(0)) & 0x3ff] = 1;

/** A hash of a body's length and first, second and last code units (second: 0 when too short). */
function exactShape(length: number, last: number, first: number, second: number): number {
  return ((length * 31 + last) * 127 + first * 7 + (length > 1 ? second : 0)) & 0xffff;
}
/** Bitmap of {@link exactShape} hashes of the {@link EXACT} keys: a gate before hashing. */
const EXACT_SHAPES = new Uint8Array(1 << 16);
for (const k of EXACT.keys()) {
  EXACT_SHAPES[exactShape(k.length, k.charCodeAt(k.length - 1), k.charCodeAt(0), k.charCodeAt(1))] =
    1;
}
