/**
 * One pass over a conversation's authored messages in file order, accumulating every insights
 * aggregate (see migration 00004) as COPY-ready TSV lines: O(1) work per message besides the
 * text's terms. The bulky tables (terms of each day and month, monologues) are handed out as the
 * pass goes (`drain()`), so what stays in memory is bounded by days × authors for the small
 * tables and by the current day and month for the rest, never by messages.
 *
 * This file counts the days, starters and replies; the terms are gathered by
 * `accumulate_terms.ts`, the monologues by `accumulate_runs.ts`, with the names of
 * `accumulate_names.ts`.
 *
 * @module
 */
import { Lines } from "../db/copy_text.ts";
import { AccumulatorNames, DAY } from "./accumulate_names.ts";
import { RunsAccumulator } from "./accumulate_runs.ts";
import { bump, TermsAccumulator } from "./accumulate_terms.ts";
import { MEDIA_TYPES, type MediaType } from "./media.ts";
import { type TextTerms, textTermsOfMany } from "./text.ts";

/** One authored message as the refresh's cursor reads it. */
export interface ScanRow {
  seq: number;
  /** Wall-clock time as seconds since 1970-01-01 00:00 (no zone). */
  t: number;
  author: string;
  kind: string;
  /** The text when it holds words (text messages, media captions), else null. */
  text: string | null;
  media: MediaType | null;
}

/** Replies slower than this (minutes) are not kept: the largest session gap is a week. */
export const MAX_REPLY_MINUTES = 7 * 24 * 60;
/** Conversation starters are kept from a silence of this many seconds (the smallest gap). */
const MIN_GAP_SECONDS = 3600;

const MEDIA_INDEX = new Map<string, number>(MEDIA_TYPES.map((t, i) => [t, i]));

interface DayRow {
  day: number;
  author: number;
  messages: number;
  words: number;
  emoji: number;
  links: number;
  deleted: number;
  media: Int32Array;
  hours: Int32Array;
}

/**
 * The accumulator: `add()` each authored message in seq order, then `finish()` gives the TSV of
 * `insights_days`, `insights_starts`, `insights_replies`, `insights_runs` and `insights_terms`
 * (conversation id first, in the tables' column order; terms already pruned unless a day or
 * month came back, see `needsMerge`).
 *
 * @example
 * ```ts
 * const acc = new InsightsAccumulator(conversationId, stopWords, "en");
 * acc.addMany(rows);
 * const out = acc.finish();
 * ```
 */
export class InsightsAccumulator {
  readonly #id: string;
  readonly #stop: ReadonlySet<string>;
  readonly #language: string | null;
  readonly #names = new AccumulatorNames();
  readonly #days = new Map<number, DayRow>();
  readonly #starts = new Map<string, number>();
  /** Reply histograms by grain, keyed by numbers: ((period × 65536) + author) × 16384 + minutes. */
  readonly #replies = {
    a: new Map<number, number>(),
    m: new Map<number, number>(),
    d: new Map<number, number>(),
  };
  readonly #runs: RunsAccumulator;
  readonly #terms: TermsAccumulator;
  #prevT = NaN;
  #prevAuthor = -1;

  constructor(conversationId: string, stopWords: ReadonlySet<string>, language: string | null) {
    this.#id = conversationId;
    this.#stop = stopWords;
    this.#language = language;
    this.#runs = new RunsAccumulator(conversationId, this.#names);
    this.#terms = new TermsAccumulator(conversationId, this.#names);
  }

  /** Adds the next authored message (in seq order). */
  add(row: ScanRow): void {
    this.addMany([row]);
  }

  /** Adds the next authored messages (in seq order); their texts are analysed together. */
  addMany(rows: readonly ScanRow[]): void {
    const texts: string[] = [], at: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const text = rows[i].text;
      if (text !== null && text !== "") {
        texts.push(text);
        at.push(i);
      }
    }
    const terms = textTermsOfMany(texts, this.#stop, this.#language);
    for (let i = 0, j = 0; i < rows.length; i++) {
      this.#add(rows[i], at[j] === i ? terms[j++] : null);
    }
  }

  #add(row: ScanRow, found: TextTerms | null): void {
    const author = this.#names.author(row.author);
    const day = Math.floor(row.t / DAY);
    const dayName = this.#names.day(day);
    const key = day * 65536 + author;
    let d = this.#days.get(key);
    if (!d) {
      d = {
        day,
        author,
        messages: 0,
        words: 0,
        emoji: 0,
        links: 0,
        deleted: 0,
        media: new Int32Array(MEDIA_TYPES.length),
        hours: new Int32Array(24),
      };
      this.#days.set(key, d);
    }
    d.messages++;
    d.hours[Math.floor((row.t - day * DAY) / 3600)]++;
    if (row.kind === "deleted") d.deleted++;
    if (row.media !== null) d.media[MEDIA_INDEX.get(row.media)!]++;

    const first = this.#prevAuthor < 0;
    const gap = first ? Infinity : row.t - this.#prevT;
    if (gap >= MIN_GAP_SECONDS) {
      bump(this.#starts, `${dayName}\t${author}\t${first ? "\\N" : Math.floor(gap / 3600)}`);
    }
    if (!first && this.#prevAuthor !== author && gap >= 0 && gap < MAX_REPLY_MINUTES * 60) {
      const minutes = Math.floor(gap / 60);
      const month = Number(dayName.slice(0, 4)) * 12 + Number(dayName.slice(5, 7)) - 1;
      bump(this.#replies.a, author * 16384 + minutes);
      bump(this.#replies.m, (month * 65536 + author) * 16384 + minutes);
      bump(this.#replies.d, (day * 65536 + author) * 16384 + minutes);
    }
    this.#prevT = row.t;
    this.#prevAuthor = author;

    if (found !== null) {
      d.words += found.wordCount;
      d.emoji += found.emoji.length;
      d.links += found.domains.length;
      this.#terms.add(day, dayName, author, found);
    }
    this.#runs.add(row.seq, author, row.t, day);
  }

  /**
   * TSV characters gathered since the last {@link drain} (terms and monologues): the caller
   * writes them out when this grows, keeping memory flat however long the chat.
   */
  get pendingSize(): number {
    return this.#terms.lines.size + this.#runs.lines.size;
  }

  /**
   * Hands out the `insights_terms` and `insights_runs` lines gathered so far. Once
   * `needsMerge` is true, terms rows may repeat (see {@link finish}).
   */
  drain(): { terms: string[]; runs: string[]; needsMerge: boolean } {
    return {
      terms: this.#terms.lines.take(),
      runs: this.#runs.lines.take(),
      needsMerge: this.#terms.needsMerge,
    };
  }

  /**
   * Ends the pass; returns the TSV of each table (for terms and runs: what was not drained).
   * `needsMerge`: a day or month came back after another (clock changes), so some terms rows
   * repeat and must be summed and pruned in SQL.
   */
  finish(): {
    days: Lines;
    starts: Lines;
    replies: Lines;
    runs: Lines;
    terms: Lines;
    needsMerge: boolean;
  } {
    const terms = this.#terms.finish();
    const id = this.#id, names = this.#names;
    const days = new Lines(), starts = new Lines(), replies = new Lines();
    for (const d of this.#days.values()) {
      days.push(
        `${id}\t${names.day(d.day)}\t${names.name(d.author)}\t${d.messages}\t${d.words}\t` +
          `${d.emoji}\t${d.links}\t${d.deleted}\t${d.media.join("\t")}\t${d.hours.join("\t")}\n`,
      );
    }
    for (const [key, n] of this.#starts) starts.push(`${id}\t${names.withName(key, 1)}\t${n}\n`);
    for (const grain of ["a", "m", "d"] as const) {
      for (const [key, n] of this.#replies[grain]) {
        const minutes = key % 16384, rest = (key - minutes) / 16384;
        const author = rest % 65536, period = (rest - author) / 65536;
        const name = grain === "a"
          ? "-infinity"
          : grain === "m"
          ? names.month(period)
          : names.day(period);
        replies.push(`${id}\t${grain}\t${name}\t${names.name(author)}\t${minutes}\t${n}\n`);
      }
    }
    const runs = this.#runs.finish();
    for (const lines of [days, starts, replies]) lines.flush();
    return { days, starts, replies, runs, terms, needsMerge: this.#terms.needsMerge };
  }
}
