/**
 * The streaming parser state machine: blocks of complete lines in, messages out.
 *
 * 1. **Detection** (detect.ts): the first blocks are buffered until the format is voted, then
 *    replayed here.
 * 2. **Hot loop** ({@link ChatParser.feed}): one `indexOf("\n")` per line; a line is a header
 *    candidate only if its first code unit is a digit, `[`, a mark or a foreign digit; then a fused
 *    scanner (scan.ts) reads it, else one sticky regex `test()` and a scan of the numbers. A body is
 *    examined in place on the block and sliced once (a multi-line body within a block is one slice;
 *    across blocks, parts are joined once). Invisible marks are located with one range-regex pass
 *    per block.
 * 3. **Dates** (dates.ts): messages are held back while the date order is unknown.
 *
 * @module
 */
import { Authors } from "./authors.ts";
import { BodyContext, buildMessage, INVISIBLE, stripInvisible } from "./body.ts";
import { findMarker, isForeignDigit, type Meridiem, to24h } from "./clock.ts";
import { defaultOrder, STRIDE } from "./date_order.ts";
import { DateBook, HELD, type Raw, REJECTED } from "./dates.ts";
import { Detection, isHeadStart } from "./detect.ts";
import { candidateOf, type CompiledFormat, compileFormat } from "./header.ts";
import { isMark, mapBack, needsNormalizing, normalizeHead, readNumbers } from "./head.ts";
import type { Block } from "./lines.ts";
import { compileScanner, type HeaderScanner } from "./scan.ts";
import { demote } from "./demote.ts";
import { Unplaced } from "./unplaced.ts";
import type { Message, ParseOptions, ParseSummary } from "./types.ts";

/** A line that starts like a date (for counting header-like lines that do not fit the format). */
const DATE_START = /[\[\u200E\u200F\uFEFF\u061C]*\d{1,4}(?:[/.-]|\. )\d{1,4}/y;
/**
 * A superset of the invisible marks as two ranges, which irregexp scans ~2x faster than the exact
 * class. It leaves out U+202F (before AM/PM in every 12-hour header: a false hit per line); its
 * false hits (dashes, quotes, bullets U+2010–U+2029) are rejected by {@link isTextMark}.
 */
const MARK_RANGE_G = /[\u200E-\u202E\u2066-\u2069]/g;

/** The marks removed from authors and texts: U+200E, U+200F, U+202A–U+202E, U+2066–U+2069. */
function isTextMark(c: number): boolean {
  return c <= 0x200f || (c >= 0x202a && c <= 0x202e) || c >= 0x2066;
}

/**
 * Parses an export incrementally: {@link feed} blocks of complete lines, {@link take} the
 * messages ready so far, {@link end} once, then read {@link summary}. Throws ParseError for input
 * without any message.
 */
export class ChatParser {
  #detection: Detection | null = new Detection();
  #noMessage: Detection | null = null;
  #fmt: CompiledFormat | null = null;
  #headerLang: string | null = null;
  #dates: DateBook;
  #authors = new Authors();
  #ctx = new BodyContext();
  #out: Message[] = [];
  #line = 0;
  #unplaced = new Unplaced();
  #preamble: string[] = [];
  // The open message: its author, cache slot, numbers, and body run(s).
  #started = false;
  #open = false;
  #author: string | null = null;
  #slot = -1;
  #nums = new Int32Array(STRIDE);
  #multiline = false;
  /** A line of the open message ended with CRLF (its multi-line body then contains CRs). */
  #crlf = false;
  #parts: string[] = [];
  #runStart = -1;
  #runEnd = 0;
  /** End of the open message's first line in #text (its body's first line break). */
  #firstEnd = 0;
  /** The block being run (bodies are sliced from it). */
  #text = "";
  /** Next position of an invisible mark in #text at or after #markBase. */
  #nextMark = 0;
  /** Where the search that found #nextMark started (a query before it searches again). */
  #markBase = 0;
  #n = new Int32Array(12);
  #scanner: HeaderScanner | null = null;
  /** The open message's header is held (dates.ts): its head (line up to the body), else null. */
  #heldHead: string | null = null;
  #heldLine = 0;

  /** Options: `dateOrder` forces the date order. */
  constructor(options: ParseOptions = {}) {
    const authors = this.#authors;
    this.#dates = new DateBook(options.dateOrder ?? null, {
      demote: (base, baseMsg, held) => demote(this.#ctx, this.#unplaced, base, baseMsg, held),
      counted: (msg, slot) => {
        if (msg.author !== null) authors.count(msg.author, slot);
      },
    });
  }

  /** Feeds a block of complete lines, each ending with `\n` (see LineBlocks). */
  feed(block: Block): void {
    const detection = this.#detection;
    if (detection === null) return this.#run(block.text, block.start, block.end);
    if (detection.add(block)) this.#startParsing();
  }

  /** Ends the input: closes the last message and settles the date order. */
  end(): void {
    if (this.#detection !== null) this.#startParsing();
    if (this.#open) this.#close();
    if (!this.#started) throw this.#noMessage!.error();
    this.#dates.finish(this.#out);
  }

  /** Takes the messages ready so far (in file order). */
  take(): Message[] {
    const out = this.#out;
    if (out.length > 0) this.#out = [];
    return out;
  }

  /** What was detected and counted so far (complete after {@link end}). */
  summary(): ParseSummary {
    const f = this.#fmt?.format;
    return {
      messages: this.#ctx.count,
      participants: this.#authors.participants(),
      layout: f === undefined ? "android" : f.bare ? "ios-old" : f.layout,
      dateOrder: this.#dates.dateOrder,
      dateOrderCertainty: this.#dates.certainty,
      clock: f?.clock ?? "24h",
      language: this.#ctx.language() ?? this.#headerLang,
      unplacedLines: this.#unplaced.count,
      unplacedSamples: this.#unplaced.samples.slice(),
    };
  }

  #startParsing(): void {
    const detection = this.#detection!;
    const chosen = detection.choose();
    this.#detection = null;
    this.#noMessage = detection;
    this.#fmt = compileFormat(chosen.format);
    this.#scanner = compileScanner(chosen.format);
    this.#headerLang = chosen.lang;
    this.#ctx.ios = chosen.format.layout !== "android";
    const f = chosen.format;
    // CJK (AM/PM word first) and the Korean 24-hour `23. 11. 3.`: a 2-digit year comes first.
    this.#dates.yearFirst = f.markerBefore || f.yearFirstShort;
    for (const b of detection.release()) this.#run(b.text, b.start, b.end);
  }

  #run(text: string, start: number, end: number): void {
    this.#text = text;
    this.#nextMark = -1;
    this.#runStart = -1;
    let pos = start;
    while (pos < end) {
      const nl = text.indexOf("\n", pos);
      // CRLF is left in the text (rewriting it costs a full copy): the line ends before the CR.
      const cr = nl > pos && text.charCodeAt(nl - 1) === 13;
      const eol = cr ? nl - 1 : nl;
      this.#line++;
      if (isHeadStart(text.charCodeAt(pos)) && this.#header(text, pos, eol)) {
        this.#crlf = cr;
        pos = nl + 1;
        continue;
      }
      if (this.#open) {
        if (this.#runStart < 0) this.#runStart = pos;
        this.#runEnd = eol;
        this.#multiline = true;
        if (cr) this.#crlf = true;
      } else this.#addPreamble(text.slice(pos, eol));
      pos = nl + 1;
    }
    if (this.#open && this.#runStart >= 0) {
      this.#parts.push(text.slice(this.#runStart, this.#runEnd));
      this.#runStart = -1;
    }
  }

  /** Opens a message if the line `text[pos, nl)` is a valid header of the file's format. */
  #header(text: string, pos: number, nl: number): boolean {
    const n = this.#n, format = this.#fmt!.format, scanner = this.#scanner;
    let hEnd = scanner === null ? -1 : scanner(text, pos, n);
    let meridiem = n[11] as Meridiem;
    if (hEnd < 0) {
      const { sticky, anchored } = this.#fmt!;
      let src = text, from = pos, to: number;
      sticky.lastIndex = pos;
      if (sticky.test(text)) {
        to = hEnd = sticky.lastIndex;
      } else if (needsNormalizing(text, pos, nl)) {
        src = normalizeHead(text, pos, nl);
        const m = anchored.exec(src);
        if (m === null) return this.#reject(text, pos, nl);
        from = 0;
        to = m[0].length;
        hEnd = mapBack(text, pos, to);
      } else return this.#reject(text, pos, nl);
      readNumbers(src, from, to, n, format.timeFirst);
      if (format.clock === "12h") {
        meridiem = format.markerBefore ? findMarker(src, n[8], n[9]) : findMarker(src, n[10], to);
      }
    }
    let h = n[3];
    if (format.clock === "12h") {
      h = to24h(h, meridiem);
      if (h < 0) return this.#reject(text, pos, nl);
    } else if (h > 23) return this.#reject(text, pos, nl);
    if (n[4] > 59 || n[5] > 59) return this.#reject(text, pos, nl);
    const dates = this.#dates;
    const verdict = dates.check(n[0], n[1], n[2], n[6], n[7]);
    if (verdict === REJECTED) return this.#reject(text, pos, nl);
    if (this.#open) this.#close(verdict === HELD);
    const o = this.#nums;
    o[0] = n[0], o[1] = n[1], o[2] = n[2], o[3] = n[6], o[4] = n[7], o[5] = h, o[6] = n[4];
    o[7] = n[5];
    if (!this.#started) {
      this.#started = true;
      if (dates.order === 0) {
        // The header's language is its AM/PM word's on a 12-hour clock (defaultOrder's input).
        dates.fallback = defaultOrder(format.clock === "12h", format.sep, n[7], this.#headerLang);
      }
      this.#emitPreamble();
    }
    dates.settleIfSingle(this.#out);
    this.#openAt(text, hEnd, nl);
    if (verdict === HELD) {
      this.#heldHead = text.slice(pos, this.#runStart);
      this.#heldLine = this.#line;
    }
    return true;
  }

  /** Splits the first line into author and body (`Name: text`; none for system lines). */
  #openAt(text: string, hEnd: number, nl: number): void {
    let author: string | null = null;
    let bodyStart = hEnd;
    let end = text.indexOf(": ", hEnd);
    if (end < 0 || end >= nl) end = nl > hEnd + 1 && text.charCodeAt(nl - 1) === 58 ? nl - 1 : -1;
    if (
      end >= 0 && this.#ctx.ios && text.charCodeAt(end + 2) !== 0x200e &&
      this.#markFrom(text, end) < nl
    ) {
      // iOS system line whose pseudo-author (a chat name) contains ": ": the body is what follows
      // the ": " + U+200E. Not when a tag follows (`Ann: The plan: \u200e<This message was
      // edited>`, an attachment): that is a user's line whose text ends with a colon.
      const signal = text.indexOf(": \u200e", end + 2);
      if (signal >= 0 && signal < nl && text.charCodeAt(signal + 3) !== 60) end = signal;
    }
    this.#slot = -1;
    if (end >= 0) {
      const authors = this.#authors;
      author = authors.find(text, hEnd, end) ?? authors.add(text.slice(hEnd, end));
      this.#slot = authors.slot;
      if (author !== null) bodyStart = end === nl - 1 ? nl : end + 2;
    }
    this.#author = author;
    this.#runStart = bodyStart;
    this.#runEnd = nl;
    this.#firstEnd = nl;
    this.#multiline = false;
    this.#open = true;
  }

  /**
   * Builds the open message and emits it. `beforeHeld`: the next header is held (dates.ts), so
   * this message's raw parts are kept (as are a held message's own).
   */
  #close(beforeHeld = false): void {
    const parts = this.#parts;
    const keep = beforeHeld || this.#heldHead !== null;
    const ctx = this.#ctx;
    let count = 0, checked = 0, learned = 0;
    if (keep) {
      count = ctx.count, checked = ctx.systemChecked, learned = ctx.attachKeywords.size;
      ctx.journal = [];
    }
    let raw = "";
    let msg: Message;
    if (parts.length === 0) {
      const text = this.#text, start = this.#runStart, end = this.#runEnd;
      const mark = this.#markFrom(text, start);
      const marks = mark < end;
      if (this.#multiline && this.#crlf) {
        const body = text.slice(start, end).replaceAll("\r\n", "\n");
        raw = body;
        msg = buildMessage(this.#ctx, this.#author, body, 0, body.length, true, marks);
      } else {
        if (keep) raw = text.slice(start, end);
        // A body whose only mark is a leading U+200E (iOS media and system lines) skips it.
        const lrmOnly = marks && mark === start && text.charCodeAt(start) === 0x200e &&
          this.#markFrom(text, start + 1) >= end;
        msg = buildMessage(
          this.#ctx,
          this.#author,
          text,
          start,
          end,
          this.#multiline,
          marks,
          lrmOnly,
          this.#firstEnd,
        );
      }
    } else {
      if (this.#runStart >= 0) parts.push(this.#text.slice(this.#runStart, this.#runEnd));
      let body = parts.join("\n");
      if (this.#crlf) body = body.replaceAll("\r\n", "\n");
      raw = body;
      this.#parts = [];
      msg = buildMessage(this.#ctx, this.#author, body, 0, body.length, true, INVISIBLE.test(body));
    }
    this.#runStart = -1;
    this.#open = false;
    const dates = this.#dates;
    if (!keep) {
      // A message held back is counted once it stays one (DateBook's sink).
      if (dates.order !== 0 && msg.author !== null) this.#authors.count(msg.author, this.#slot);
      return dates.emit(msg, this.#nums, this.#out, this.#slot);
    }
    const held: Raw = {
      author: this.#author,
      slot: this.#slot,
      body: raw,
      head: this.#heldHead ?? "",
      line: this.#heldHead === null ? 0 : this.#heldLine,
      votes: ctx.journal!,
      checked: ctx.systemChecked - checked,
      count,
      learned,
    };
    ctx.journal = null;
    this.#heldHead = null;
    dates.emit(msg, this.#nums, this.#out, this.#slot, held, beforeHeld);
  }

  /**
   * Position of the next invisible mark in `text` at or after `pos` (text length if none). Queries
   * mostly move forward (the cached answer serves until passed); one that goes back (an iOS
   * first line looked at from its `": "`, then its body from the header end) searches again.
   */
  #markFrom(text: string, pos: number): number {
    if (this.#nextMark < pos || pos < this.#markBase) {
      this.#markBase = pos;
      MARK_RANGE_G.lastIndex = pos;
      let at = text.length;
      while (MARK_RANGE_G.test(text)) {
        const i = MARK_RANGE_G.lastIndex - 1;
        if (isTextMark(text.charCodeAt(i))) {
          at = i;
          break;
        }
      }
      this.#nextMark = at;
    }
    return this.#nextMark;
  }

  /** Lines before the first message: kept for a leading system message, counted as unplaced. */
  #addPreamble(line: string): void {
    const blank = !/\S/.test(stripInvisible(line));
    if (blank && this.#preamble.length === 0) return;
    this.#preamble.push(line);
    if (!blank && this.#unplaced.last !== this.#line) this.#unplaced.add(this.#line, line);
  }

  #emitPreamble(): void {
    const lines = this.#preamble;
    while (lines.length > 0 && !/\S/.test(stripInvisible(lines[lines.length - 1]))) lines.pop();
    if (lines.length === 0) return;
    this.#preamble = [];
    const text = lines.join("\n");
    const marks = INVISIBLE.test(text);
    const msg = buildMessage(this.#ctx, null, text, 0, text.length, lines.length > 1, marks);
    this.#dates.emit(msg, this.#nums, this.#out);
  }

  /** A header candidate that does not fit: a continuation line, counted if it looks like a header. */
  #reject(text: string, pos: number, nl: number): false {
    DATE_START.lastIndex = pos;
    const c = text.charCodeAt(pos);
    const c2 = c === 91 ? text.charCodeAt(pos + 1) : 0; // `[` then Arabic-Indic digits or a mark
    // A time-first file's lines start with the time (`14:05 31/2/24 - `), not a date.
    const timeFirst = this.#fmt!.format.timeFirst;
    if (
      DATE_START.test(text) || isForeignDigit(c) || isMark(c) || isForeignDigit(c2) ||
      isMark(c2) || (timeFirst && ((c >= 48 && c <= 57) || c === 91))
    ) {
      const line = text.slice(pos, nl);
      const found = candidateOf(line, true);
      // In a date-first file, `14.05 15.1.24 - notes` is a note, not a header of the file's kind.
      if (found !== null && (timeFirst || !found.format.timeFirst)) {
        this.#unplaced.add(this.#line, line);
      }
    }
    return false;
  }
}
