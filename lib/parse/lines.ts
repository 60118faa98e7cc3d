/**
 * Streaming line splitting. Decoded text arrives in arbitrary chunks; {@link LineBlocks} turns
 * them into blocks of COMPLETE lines ending with `\n` (CRLF, LF and a lone CR each count as one
 * break, even mixed in one file). A chunk with a lone CR is rewritten to `\n` breaks; CRLF is kept
 * as is (rewriting it would copy every iOS export) and the parser ends such a line before the CR.
 * A block always ends with `\n`, so the parser's hot loop finds every line end with one
 * `indexOf("\n")` and never sees a partial line.
 *
 * To keep the hot loop on flat strings, a block is the decoded chunk itself with a start and end
 * offset; only the line cut by a chunk boundary is joined into a small string of its own.
 *
 * @module
 */

import { ParseError } from "./types.ts";

const CR_G = /\r\n?/g;
/**
 * The longest line accepted, in characters: a WhatsApp message holds at most 65,536, so a longer
 * line is no export (a binary or one-line file); refusing it keeps memory bounded (~32 MB).
 */
export const MAX_LINE = 1 << 24;

/** True when `s` has a CR not followed by LF (an indexOf loop: ~35% cheaper than a regex). */
function hasLoneCR(s: string): boolean {
  for (let p = s.indexOf("\r"); p >= 0; p = s.indexOf("\r", p + 2)) {
    if (s.charCodeAt(p + 1) !== 10) return true;
  }
  return false;
}

/** A run of complete lines: `text.slice(start, end)`, ending with `\n`. */
export interface Block {
  text: string;
  start: number;
  end: number;
}

/**
 * Accumulates text chunks and releases blocks of complete, `\n`-terminated lines.
 *
 * @example
 * ```ts
 * const lines = new LineBlocks();
 * lines.push("a\r\nb"); // [{ text: "a\nb", start: 0, end: 2 }]
 * lines.end(); // { text: "b\n", start: 0, end: 2 } (the missing final terminator is supplied)
 * ```
 */
export class LineBlocks {
  #pending: string[] = [];
  /** Characters in #pending. */
  #held = 0;
  #cr = false;

  /** Adds a chunk; returns the blocks of complete lines now available (possibly none). */
  push(chunk: string): Block[] {
    if (this.#cr) {
      chunk = "\r" + chunk;
      this.#cr = false;
    }
    if (chunk.charCodeAt(chunk.length - 1) === 13) {
      // A CR at the end may be the first half of a CRLF: decide with the next chunk.
      chunk = chunk.slice(0, -1);
      this.#cr = true;
    }
    // CRLF stays (the parser ends such lines before the CR); a lone CR is rewritten.
    if (hasLoneCR(chunk)) chunk = chunk.replace(CR_G, "\n");
    const first = chunk.indexOf("\n");
    if (first < 0) {
      if (chunk.length > 0) this.#hold(chunk);
      return [];
    }
    const blocks: Block[] = [];
    let start = 0;
    if (this.#pending.length > 0) {
      const line = this.#pending.join("") + chunk.slice(0, first + 1);
      this.#pending.length = 0;
      this.#held = 0;
      blocks.push({ text: line, start: 0, end: line.length });
      start = first + 1;
    }
    const last = chunk.lastIndexOf("\n");
    if (last >= start) blocks.push({ text: chunk, start, end: last + 1 });
    if (last + 1 < chunk.length) this.#hold(chunk.slice(last + 1));
    return blocks;
  }

  /** Keeps the start of a line not ended yet; refuses one longer than {@link MAX_LINE}. */
  #hold(part: string): void {
    this.#pending.push(part);
    this.#held += part.length;
    if (this.#held > MAX_LINE) {
      throw new ParseError(
        `Not a chat export: a line of more than ${MAX_LINE.toLocaleString("en")} characters ` +
          "(a WhatsApp message holds at most 65,536)",
      );
    }
  }

  /**
   * Ends the input: returns the last line with a `\n` supplied when the text did not end with a
   * line break, or null when nothing is left (the final terminator is never an extra empty line).
   */
  end(): Block | null {
    const rest = this.#pending.join("") + (this.#pending.length > 0 || this.#cr ? "\n" : "");
    this.#pending.length = 0;
    this.#held = 0;
    this.#cr = false;
    return rest.length > 0 ? { text: rest, start: 0, end: rest.length } : null;
  }
}
