/**
 * The vocabulary of the insights accumulator (lib/insights/accumulate.ts): each author's words,
 * emoji and link domains counted per day, summed into months and the whole chat, and written as
 * `insights_terms` TSV, pruned to the most used, as each day and month ends.
 *
 * @module
 */
import { copyField, Lines } from "../db/copy_text.ts";
import type { AccumulatorNames } from "./accumulate_names.ts";
import type { TextTerms } from "./text.ts";

/** Terms kept per author and kind: for the whole chat, a month, a day. */
export const KEEP_TERMS = { a: 200, m: 200, d: 15 } as const;

const KINDS = ["w", "e", "d"] as const;
type Kind = typeof KINDS[number];
type Counts = Map<string, number>;
type Terms = Record<Kind, Counts>;
const newTerms = (): Terms => ({ w: new Map(), e: new Map(), d: new Map() });

/** Adds `n` to the count of `key`. */
export function bump<K>(counts: Map<K, number>, key: K, n = 1) {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/**
 * The `k` most used terms (any order: the database orders them); ties at the cut go to the
 * smaller term, as `order by n desc, term collate "C"` would (code units vs. bytes aside).
 */
function top(counts: Counts, k: number): Iterable<[string, number]> {
  if (counts.size <= k) return counts;
  const values = [...counts.values()].sort((a, b) => b - a);
  const cut = values[k - 1];
  const above: [string, number][] = [], tied: [string, number][] = [];
  for (const entry of counts) {
    if (entry[1] > cut) above.push(entry);
    else if (entry[1] === cut) tied.push(entry);
  }
  tied.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return above.concat(tied.slice(0, k - above.length));
}

/** Gathers the terms of one pass; `lines` holds the TSV written out so far. */
export class TermsAccumulator {
  /** `insights_terms` lines of the days and months done (drained by the caller). */
  readonly lines = new Lines();
  readonly #id: string;
  readonly #names: AccumulatorNames;
  /** Days and months whose terms were emitted; meeting one again means the SQL must merge. */
  readonly #termDaysSeen = new Set<number>();
  readonly #termMonthsSeen = new Set<string>();
  #needsMerge = false;
  #termDay = -1;
  #termMonth = "";
  #dayTerms = new Map<number, Terms>();
  #monthTerms = new Map<number, Terms>();
  readonly #wholeTerms = new Map<number, Terms>();

  constructor(conversationId: string, names: AccumulatorNames) {
    this.#id = conversationId;
    this.#names = names;
  }

  /** A day or month came back after another (clock changes): some rows repeat. */
  get needsMerge(): boolean {
    return this.#needsMerge;
  }

  /** Counts the terms of the next message with text, by `author` on day `day` (`dayName`). */
  add(day: number, dayName: string, author: number, found: TextTerms): void {
    if (day !== this.#termDay) {
      this.#flushDayTerms();
      if (dayName.slice(0, 7) !== this.#termMonth.slice(0, 7)) {
        this.#flushMonthTerms();
        this.#termMonth = `${dayName.slice(0, 7)}-01`;
      }
      this.#termDay = day;
    }
    let t = this.#dayTerms.get(author);
    if (!t) this.#dayTerms.set(author, t = newTerms());
    for (const w of found.words) bump(t.w, w);
    for (const e of found.emoji) bump(t.e, e);
    for (const domain of found.domains) bump(t.d, domain);
  }

  /** Ends the pass: the last day, the last month and the whole chat go to {@link lines}. */
  finish(): Lines {
    this.#flushDayTerms();
    this.#flushMonthTerms();
    for (const [author, t] of this.#wholeTerms) this.#emitTerms("a", "-infinity", author, t);
    this.lines.flush();
    return this.lines;
  }

  #emitTerms(grain: "a" | "m" | "d", period: string, author: number, terms: Terms) {
    const name = this.#names.name(author), id = this.#id;
    for (const kind of KINDS) {
      for (const [term, n] of top(terms[kind], KEEP_TERMS[grain])) {
        this.lines.push(
          `${id}\t${grain}\t${period}\t${name}\t${kind}\t${copyField(term)}\t${n}\n`,
        );
      }
    }
  }

  #merge(into: Map<number, Terms>, author: number, terms: Terms) {
    let target = into.get(author);
    if (!target) into.set(author, target = newTerms());
    for (const kind of KINDS) for (const [term, n] of terms[kind]) bump(target[kind], term, n);
  }

  #flushDayTerms() {
    if (this.#termDay < 0) return;
    if (this.#termDaysSeen.has(this.#termDay)) this.#needsMerge = true;
    this.#termDaysSeen.add(this.#termDay);
    const name = this.#names.day(this.#termDay);
    for (const [author, t] of this.#dayTerms) {
      this.#emitTerms("d", name, author, t);
      this.#merge(this.#monthTerms, author, t);
    }
    this.#dayTerms = new Map();
  }

  #flushMonthTerms() {
    if (this.#termMonth === "") return;
    if (this.#termMonthsSeen.has(this.#termMonth)) this.#needsMerge = true;
    this.#termMonthsSeen.add(this.#termMonth);
    for (const [author, t] of this.#monthTerms) {
      this.#emitTerms("m", this.#termMonth, author, t);
      this.#merge(this.#wholeTerms, author, t);
    }
    this.#monthTerms = new Map();
  }
}
