/**
 * PostgreSQL's COPY text format, for the bulk writes (messages: lib/db/copy.ts; insights:
 * lib/insights/accumulate*.ts): a field's escaping, and TSV lines gathered in chunks.
 *
 * @module
 */

// Backslash, tab, newline and carriage return are escaped; \N is NULL.
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_G = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const escape = (c: string) => ESCAPES[c];

/**
 * A text field in COPY text format (most values need no escaping: one regex test).
 *
 * @example
 * ```ts
 * copyField("a\tb"); // "a\\tb"
 * copyField(null); // "\\N"
 * ```
 */
export function copyField(value: string | null): string {
  if (value === null) return "\\N";
  return SPECIAL.test(value) ? value.replace(SPECIAL_G, escape) : value;
}

/** TSV lines gathered in chunks of 10,000, for `Readable.from` into a COPY. */
export class Lines {
  readonly chunks: string[] = [];
  #chunk: string[] = [];
  /** Characters held (an estimate of the memory, to decide when to write them out). */
  size = 0;
  push(line: string) {
    this.#chunk.push(line);
    this.size += line.length;
    if (this.#chunk.length === 10_000) this.flush();
  }
  flush() {
    if (this.#chunk.length > 0) this.chunks.push(this.#chunk.join(""));
    this.#chunk = [];
  }
  /** Hands out every line held so far and forgets them. */
  take(): string[] {
    this.flush();
    this.size = 0;
    return this.chunks.splice(0);
  }
}
