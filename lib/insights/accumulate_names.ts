/**
 * How the insights accumulator (lib/insights/accumulate.ts) names what it counts in its TSV:
 * authors interned as small integers and written COPY-escaped, day and month numbers written
 * as ISO dates (each computed once).
 *
 * @module
 */
import { copyField } from "../db/copy_text.ts";

/** Seconds in a day: a wall-clock time (seconds since 1970) over it floored is its day number. */
export const DAY = 86_400;

/** Authors by index, days and months by number, and their names in the TSV. */
export class AccumulatorNames {
  readonly #authors = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #dayNames = new Map<number, string>();
  readonly #monthNames = new Map<number, string>();

  /** The index of an author (the next one at first sight). */
  author(name: string): number {
    let i = this.#authors.get(name);
    if (i === undefined) {
      i = this.#names.length;
      this.#authors.set(name, i);
      this.#names.push(name);
    }
    return i;
  }

  /** The name of an author index, as a COPY field. */
  name(author: number): string {
    return copyField(this.#names[author]);
  }

  /** A key `…\t<author index>\t…` with the author index at tab-separated `field` named. */
  withName(key: string, field: number): string {
    const parts = key.split("\t");
    parts[field] = this.name(Number(parts[field]));
    return parts.join("\t");
  }

  /** `YYYY-MM-01` of a month number (year × 12 + month − 1). */
  month(month: number): string {
    let name = this.#monthNames.get(month);
    if (name === undefined) {
      const y = String(Math.floor(month / 12)).padStart(4, "0");
      name = `${y}-${String((month % 12) + 1).padStart(2, "0")}-01`;
      this.#monthNames.set(month, name);
    }
    return name;
  }

  /** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
  day(day: number): string {
    let name = this.#dayNames.get(day);
    if (name === undefined) {
      name = new Date(day * DAY * 1000).toISOString().slice(0, 10);
      this.#dayNames.set(day, name);
    }
    return name;
  }
}
