/**
 * The detection phase: blocks are buffered until enough header-like lines were seen to vote the
 * file's format (500 of them, or 2,000 lines / 1 MiB with at least one), then replayed through
 * the parser. Input without any header-like line is refused once 50,000 lines / 8 MiB were read,
 * without buffering the rest. The limits count lines, never blocks, so that where a stream's
 * chunks are cut cannot change the vote; 500 votes outweigh a block of pasted messages of another
 * format near the start (WhatsApp's "copy" writes `[date, time] Name: text` lines), and the
 * file's first line, when it is a header, weighs as half of them (a paste never comes first).
 *
 * @module
 */
import { stripInvisible } from "./body.ts";
import { isForeignDigit } from "./clock.ts";
import { type Candidate, candidateOf, voteFormat } from "./header.ts";
import { isMark } from "./head.ts";
import type { Block } from "./lines.ts";
import { ParseError } from "./types.ts";

const VOTES = 500;
/** What the file's first line, when it is a header, weighs in the vote. */
const FIRST_LINE_WEIGHT = 250;
const LINES = 2_000;
const CHARS = 1 << 20;
const GIVE_UP_LINES = 50_000;
const GIVE_UP_CHARS = 8 << 20;

/** True for a first code unit that can start a header: digit, `[`, a mark, a foreign digit. */
export function isHeadStart(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 91 || (c >= 0x600 && (isMark(c) || isForeignDigit(c)));
}

function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? s.slice(0, 80) + "…" : s);
}

/**
 * Buffers the first blocks of a file and votes its header format.
 *
 * @example
 * ```ts
 * const d = new Detection();
 * d.add({ text: "01/02/2020, 10:00 - Ann: hi\n", start: 0, end: 28 }); // false: wants more
 * d.choose().format.layout; // "android"
 * ```
 */
export class Detection {
  /** The blocks seen so far (emptied by {@link release}). */
  #blocks: Block[] = [];
  #chars = 0;
  #lines = 0;
  #candidates: Candidate[] = [];
  #firstText: string | null = null;

  /** Buffers a block; true when the format can be chosen now. Throws when no header is in sight. */
  add(block: Block): boolean {
    this.#blocks.push(block);
    const { text, start, end } = block;
    // Line by line, each limit checked after each line: the vote ends at the same line whatever
    // the blocks (the rest of the block is replayed all the same).
    for (let pos = start; pos < end;) {
      const nl = text.indexOf("\n", pos);
      const eol = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.#lines++;
      this.#chars += nl + 1 - pos;
      let first = false;
      if (this.#firstText === null && /\S/.test(stripInvisible(text.slice(pos, eol)))) {
        this.#firstText = text.slice(pos, eol);
        first = true;
      }
      if (isHeadStart(text.charCodeAt(pos))) {
        const c = candidateOf(text.slice(pos, eol));
        if (c !== null) {
          // The export's first line is WhatsApp's own header (a paste never comes first).
          if (first) c.weight = FIRST_LINE_WEIGHT;
          this.#candidates.push(c);
        }
      }
      pos = nl + 1;
      const n = this.#candidates.length;
      if (n >= VOTES || (n > 0 && (this.#lines >= LINES || this.#chars >= CHARS))) return true;
      if (n === 0 && (this.#lines >= GIVE_UP_LINES || this.#chars >= GIVE_UP_CHARS)) {
        throw this.error();
      }
    }
    return false;
  }

  /** The voted format; throws the no-message error when no line looked like a header. */
  choose(): Candidate {
    const chosen = voteFormat(this.#candidates);
    if (chosen === null) throw this.error();
    return chosen;
  }

  /** Hands the buffered blocks over (once). */
  release(): Block[] {
    const blocks = this.#blocks;
    this.#blocks = [];
    return blocks;
  }

  /** The error for input without any (valid) message: says what was expected and found. */
  error(): ParseError {
    if (this.#firstText === null) {
      return new ParseError("Empty chat export: expected WhatsApp chat text, got only blank lines");
    }
    const seen = this.#candidates.length > 0
      ? `${this.#candidates.length} line(s) looked like headers but none had a valid date and time`
      : `no line starts with one; the first line is ${quote(this.#firstText)}`;
    return new ParseError(
      "No WhatsApp messages found: expected lines starting with a date and time such as " +
        '"31/12/2023, 23:59 - Name: text" (Android) or "[31/12/2023, 23:59:59] Name: text" (iOS); ' +
        seen,
    );
  }
}
