/**
 * One pass over a conversation's authored messages in file order, accumulating every insights
 * aggregate (see migration 00004) as COPY-ready TSV lines: O(1) work per message besides the
 * text's terms. The bulky tables (terms of each day and month, monologues) are handed out as the
 * pass goes (`drain()`), so what stays in memory is bounded by days × authors for the small
 * tables and by the current day and month for the rest, never by messages.
 *
 * @module
 */
import { copyField, Lines } from "../db/copy_text.ts";
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
/** Terms kept per author and kind: for the whole chat, a month, a day. */
export const KEEP_TERMS = { a: 200, m: 200, d: 15 } as const;
/** Monologues kept per author and starting day: enough for any filter's top 10. */
const KEEP_RUNS = 10;

const DAY = 86_400;
const MEDIA_INDEX = new Map<string, number>(MEDIA_TYPES.map((t, i) => [t, i]));
const KINDS = ["w", "e", "d"] as const;
type Kind = typeof KINDS[number];
type Counts = Map<string, number>;
type Terms = Record<Kind, Counts>;
const newTerms = (): Terms => ({ w: new Map(), e: new Map(), d: new Map() });

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

interface Run {
  seq: number;
  author: number;
  length: number;
  first: number;
  last: number;
}

const timestamp = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace("T", " ");

function bump<K>(counts: Map<K, number>, key: K, n = 1) {
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
  readonly #authors = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #dayNames = new Map<number, string>();
  readonly #days = new Map<number, DayRow>();
  readonly #starts = new Map<string, number>();
  /** Reply histograms by grain, keyed by numbers: ((period × 65536) + author) × 16384 + minutes. */
  readonly #replies = {
    a: new Map<number, number>(),
    m: new Map<number, number>(),
    d: new Map<number, number>(),
  };
  readonly #monthNames = new Map<number, string>();
  readonly #runs = new Map<number, Run[]>();
  readonly #runLines = new Lines();
  /** The day whose monologues are being gathered (those of two days before are final). */
  #runDay = NaN;
  readonly #terms = new Lines();
  #prevT = NaN;
  #prevAuthor = -1;
  /** Days and months whose terms were emitted; meeting one again means the SQL must merge. */
  readonly #termDaysSeen = new Set<number>();
  readonly #termMonthsSeen = new Set<string>();
  #needsMerge = false;
  #run: Run | null = null;
  #termDay = -1;
  #termMonth = "";
  #dayTerms = new Map<number, Terms>();
  #monthTerms = new Map<number, Terms>();
  readonly #wholeTerms = new Map<number, Terms>();

  constructor(conversationId: string, stopWords: ReadonlySet<string>, language: string | null) {
    this.#id = conversationId;
    this.#stop = stopWords;
    this.#language = language;
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
    const author = this.#author(row.author);
    const day = Math.floor(row.t / DAY);
    const dayName = this.#dayName(day);
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

    const run = this.#run;
    if (run !== null && run.author === author) {
      run.length++;
      run.first = Math.min(run.first, row.t);
      run.last = Math.max(run.last, row.t);
    } else {
      if (run !== null) this.#closeRun(run);
      this.#run = { seq: row.seq, author, length: 1, first: row.t, last: row.t };
    }

    if (found !== null) this.#addText(d, day, dayName, author, found);
    if (day !== this.#runDay) {
      this.#emitRunsBefore(day - 1);
      this.#runDay = day;
    }
  }

  /**
   * TSV characters gathered since the last {@link drain} (terms and monologues): the caller
   * writes them out when this grows, keeping memory flat however long the chat.
   */
  get pendingSize(): number {
    return this.#terms.size + this.#runLines.size;
  }

  /**
   * Hands out the `insights_terms` and `insights_runs` lines gathered so far. Once
   * `needsMerge` is true, terms rows may repeat (see {@link finish}).
   */
  drain(): { terms: string[]; runs: string[]; needsMerge: boolean } {
    return {
      terms: this.#terms.take(),
      runs: this.#runLines.take(),
      needsMerge: this.#needsMerge,
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
    if (this.#run !== null) this.#closeRun(this.#run);
    this.#run = null;
    this.#flushDayTerms();
    this.#flushMonthTerms();
    for (const [author, t] of this.#wholeTerms) this.#emitTerms("a", "-infinity", author, t);
    this.#terms.flush();
    const id = this.#id;
    const days = new Lines(), starts = new Lines(), replies = new Lines();
    for (const d of this.#days.values()) {
      days.push(
        `${id}\t${this.#dayName(d.day)}\t${
          this.#name(d.author)
        }\t${d.messages}\t${d.words}\t${d.emoji}\t` +
          `${d.links}\t${d.deleted}\t${d.media.join("\t")}\t${d.hours.join("\t")}\n`,
      );
    }
    for (const [key, n] of this.#starts) starts.push(`${id}\t${this.#withName(key, 1)}\t${n}\n`);
    for (const grain of ["a", "m", "d"] as const) {
      for (const [key, n] of this.#replies[grain]) {
        const minutes = key % 16384, rest = (key - minutes) / 16384;
        const author = rest % 65536, period = (rest - author) / 65536;
        const name = grain === "a"
          ? "-infinity"
          : grain === "m"
          ? this.#monthName(period)
          : this.#dayName(period);
        replies.push(`${id}\t${grain}\t${name}\t${this.#name(author)}\t${minutes}\t${n}\n`);
      }
    }
    this.#emitRunsBefore(Infinity);
    for (const lines of [days, starts, replies, this.#runLines]) lines.flush();
    return {
      days,
      starts,
      replies,
      runs: this.#runLines,
      terms: this.#terms,
      needsMerge: this.#needsMerge,
    };
  }

  #author(name: string): number {
    let i = this.#authors.get(name);
    if (i === undefined) {
      i = this.#names.length;
      this.#authors.set(name, i);
      this.#names.push(name);
    }
    return i;
  }

  #name(author: number): string {
    return copyField(this.#names[author]);
  }

  /** A key `…\t<author index>\t…` with the author index at tab-separated `field` named. */
  #withName(key: string, field: number): string {
    const parts = key.split("\t");
    parts[field] = this.#name(Number(parts[field]));
    return parts.join("\t");
  }

  #monthName(month: number): string {
    let name = this.#monthNames.get(month);
    if (name === undefined) {
      const y = String(Math.floor(month / 12)).padStart(4, "0");
      name = `${y}-${String((month % 12) + 1).padStart(2, "0")}-01`;
      this.#monthNames.set(month, name);
    }
    return name;
  }

  #dayName(day: number): string {
    let name = this.#dayNames.get(day);
    if (name === undefined) {
      name = new Date(day * DAY * 1000).toISOString().slice(0, 10);
      this.#dayNames.set(day, name);
    }
    return name;
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
        this.#runLines.push(
          `${id}\t${r.seq}\t${this.#name(r.author)}\t${r.length}\t${timestamp(r.first)}\t${
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

  #addText(d: DayRow, day: number, dayName: string, author: number, found: TextTerms) {
    if (day !== this.#termDay) {
      this.#flushDayTerms();
      if (dayName.slice(0, 7) !== this.#termMonth.slice(0, 7)) {
        this.#flushMonthTerms();
        this.#termMonth = `${dayName.slice(0, 7)}-01`;
      }
      this.#termDay = day;
    }
    d.words += found.wordCount;
    d.emoji += found.emoji.length;
    d.links += found.domains.length;
    let t = this.#dayTerms.get(author);
    if (!t) this.#dayTerms.set(author, t = newTerms());
    for (const w of found.words) bump(t.w, w);
    for (const e of found.emoji) bump(t.e, e);
    for (const domain of found.domains) bump(t.d, domain);
  }

  #emitTerms(grain: "a" | "m" | "d", period: string, author: number, terms: Terms) {
    const name = this.#name(author), id = this.#id;
    for (const kind of KINDS) {
      for (const [term, n] of top(terms[kind], KEEP_TERMS[grain])) {
        this.#terms.push(
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
    const name = this.#dayName(this.#termDay);
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
