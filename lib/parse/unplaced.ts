/**
 * The lines the parser could not place (kept as text of the message they follow): counted, with
 * the first samples in line order for the summary.
 *
 * @module
 */

const MAX_SAMPLES = 20;
const SAMPLE_CHARS = 200;

/**
 * Count and samples of unplaced lines.
 *
 * @example
 * ```ts
 * const unplaced = new Unplaced();
 * unplaced.add(7, "26/09/2022 09:00 dentist");
 * unplaced.count; // 1
 * ```
 */
export class Unplaced {
  count = 0;
  /** Number of the line counted last (a line seen twice is counted once by its caller). */
  last = 0;
  /** Up to 20 samples (1-based line numbers, texts cut at 200 characters), in line order. */
  samples: { line: number; text: string }[] = [];

  /** Counts line `line`; its sample goes in line order (a demoted header is counted late). */
  add(line: number, text: string): void {
    this.last = line;
    this.count++;
    const samples = this.samples;
    let i = samples.length;
    while (i > 0 && samples[i - 1].line > line) i--;
    if (i >= MAX_SAMPLES) return;
    samples.splice(i, 0, {
      line,
      text: text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text,
    });
    if (samples.length > MAX_SAMPLES) samples.pop();
  }
}
