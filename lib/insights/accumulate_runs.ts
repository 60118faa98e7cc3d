/**
 * The monologues of the insights accumulator (lib/insights/accumulate.ts): runs of two or more
 * messages in a row by one author, the longest few kept per author and starting day, written as
 * `insights_runs` TSV as soon as no later run can start on their day.
 *
 * @module
 */
import { Lines } from "../db/copy_text.ts";
import { type AccumulatorNames, DAY } from "./accumulate_names.ts";

/** Monologues kept per author and starting day: enough for any filter's top 10. */
const KEEP_RUNS = 10;

interface Run {
  seq: number;
  author: number;
  length: number;
  first: number;
  last: number;
}

const timestamp = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace("T", " ");

/** Gathers the monologues of one pass; `lines` holds the TSV written out so far. */
export class RunsAccumulator {
  /** `insights_runs` lines of the days done (drained by the caller as the pass goes). */
  readonly lines = new Lines();
  readonly #id: string;
  readonly #names: AccumulatorNames;
  /** Runs kept, keyed by starting day × 65536 + author. */
  readonly #runs = new Map<number, Run[]>();
  /** The day whose monologues are being gathered (those of two days before are final). */
  #runDay = NaN;
  #run: Run | null = null;

  constructor(conversationId: string, names: AccumulatorNames) {
    this.#id = conversationId;
    this.#names = names;
  }

  /** Adds the next authored message (in seq order) at time `t`, on day number `day`. */
  add(seq: number, author: number, t: number, day: number): void {
    const run = this.#run;
    if (run !== null && run.author === author) {
      run.length++;
      run.first = Math.min(run.first, t);
      run.last = Math.max(run.last, t);
    } else {
      if (run !== null) this.#closeRun(run);
      this.#run = { seq, author, length: 1, first: t, last: t };
    }
    if (day !== this.#runDay) {
      this.#emitRunsBefore(day - 1);
      this.#runDay = day;
    }
  }

  /** Ends the pass: every run kept is written to {@link lines}, which are returned. */
  finish(): Lines {
    if (this.#run !== null) this.#closeRun(this.#run);
    this.#run = null;
    this.#emitRunsBefore(Infinity);
    this.lines.flush();
    return this.lines;
  }

  /**
   * Writes out the monologues of the days before `day`: no later run can start on them, unless
   * the clock goes back, and then its list starts afresh (the rows kept remain a superset of
   * each day's 10 longest, all that the reads need).
   */
  #emitRunsBefore(day: number) {
    const id = this.#id;
    for (const [key, list] of this.#runs) {
      if (Math.floor(key / 65536) >= day) continue;
      for (const r of list) {
        this.lines.push(
          `${id}\t${r.seq}\t${this.#names.name(r.author)}\t${r.length}\t${timestamp(r.first)}\t${
            timestamp(r.last)
          }\n`,
        );
      }
      this.#runs.delete(key);
    }
  }

  #closeRun(run: Run) {
    if (run.length < 2) return;
    const key = Math.floor(run.first / DAY) * 65536 + run.author;
    const list = this.#runs.get(key) ?? [];
    list.push(run);
    if (list.length > KEEP_RUNS) {
      list.sort((a, b) => b.length - a.length || a.seq - b.seq);
      list.pop();
    }
    this.#runs.set(key, list);
  }
}
