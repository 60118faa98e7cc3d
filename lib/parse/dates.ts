/**
 * The dates of one file while it is parsed: the date order (forced, made certain by a header, or
 * settled by chronology), the messages held back while it is unknown, and the
 * `YYYY-MM-DDTHH:MM:SS` strings (cached: consecutive headers mostly share their day).
 *
 * Pathological case: a file of more than {@link PENDING_CAP} messages in which no date tells DMY
 * from MDY is settled by chronology on its first {@link PENDING_CAP} messages; a later header that
 * contradicts that choice is kept as text and counted in `unplacedLines`.
 *
 * While the order is unknown, a header that would rule an order out but lies more than a day
 * before the previous header in every order it leaves may be a pasted line (a copied message of
 * another phone): it must not settle the file against all its other headers. It is HELD: opened
 * as a message without narrowing the orders, and demoted when the order settles only if its date
 * is impossible in that order. Demoted, its lines go back into the text of the message before it
 * (rebuilt by the parser's {@link DateBook.demote}), as if the line had never been a header.
 *
 * @module
 */
import {
  ALL_ORDERS,
  formatDay,
  formatTime,
  ORDER_BIT,
  orderOf,
  possibleOrders,
  resolveDate,
  settleOrder,
  STRIDE,
} from "./date_order.ts";
import type { Certainty, DateOrder, Message } from "./types.ts";

/** {@link DateBook.check}: the header is not a date of this file. */
export const REJECTED = 0;
/** {@link DateBook.check}: the header's date is possible. */
export const ACCEPTED = 1;
/** {@link DateBook.check}: possible, but held: it goes back in time and would rule an order out. */
export const HELD = 2;

/**
 * The raw parts of a held message, or of the message before it, kept so that a demoted header can
 * be put back into the text of the message it follows.
 */
export interface Raw {
  author: string | null;
  /** The author's cache slot (Authors), or -1. */
  slot: number;
  /** The body as the parser read it (after `Author: `; lines joined with `\n`). */
  body: string;
  /** For a held header: its line up to the body (date, time, author), else "". */
  head: string;
  /** For a held header: its line number, else 0. */
  line: number;
  /** The languages the message voted for when built (BodyContext.journal), taken back if demoted. */
  votes: string[];
  /** System lines it checked for their language when built (0 or 1). */
  checked: number;
  /** Messages built before it (BodyContext.count): it is rebuilt as it was built. */
  count: number;
  /** Attachment keywords the file had learned before it (the first of BodyContext.attachKeywords). */
  learned: number;
}

/** Where a {@link DateBook} puts what settling the order decides. */
export interface DateSink {
  /**
   * Rebuilds `baseMsg` (raw parts `base`) with the lines of the held messages `held` (demoted, in
   * file order) appended to its body, once for the whole run.
   */
  demote(base: Raw, baseMsg: Message, held: Raw[]): Message;
  /** A message put out for good (its author's cache slot, or -1): its author is counted here. */
  counted(msg: Message, slot: number): void;
}

/** Messages held back at most while the date order is unknown. */
export const PENDING_CAP = 100_000;
/**
 * How far back a header that rules out a date order may go from the previous one (clocks
 * corrected, time zones crossed) before it is read as a pasted line instead.
 */
const BACKWARDS_DAYS = 1;

/** `"00"`…`"99"`. */
const PAD: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? "0" : "") + i);
/**
 * `THH:MM:` by minute of the day. Small tables only: with one string per SECOND (86,400) almost
 * every lookup of an iOS export (which has seconds) was a cache miss, ~400 ns a message.
 */
const HOUR_MINUTES: string[] = Array.from(
  { length: 1440 },
  (_, m) => formatTime(Math.floor(m / 60), m % 60, 0).slice(0, -2),
);

/**
 * Date order state and date strings of one file.
 *
 * @example
 * ```ts
 * const book = new DateBook(null, { demote: (_base, baseMsg) => baseMsg, counted: () => {} });
 * book.check(13, 2, 2020, 2, 4); // ACCEPTED, and DMY is now the only candidate
 * ```
 */
export class DateBook {
  /** The order's bit (see ORDER_BIT) once known, else 0. */
  order = 0;
  /** Orders still possible (bit set) while the order is unknown. */
  possible = ALL_ORDERS;
  /** How the order was settled. */
  certainty: Certainty = "guessed";
  /** The order used when the dates cannot tell (set from the first header). */
  fallback: DateOrder = "DMY";
  /** The locale writes the year first even with 2 digits (CJK: AM/PM word before the time). */
  yearFirst = false;
  #pending: Message[] = [];
  #pendingNums: number[] = [];
  /** Authors' cache slots of the pending messages. */
  #pendingSlots: number[] = [];
  /** Raw parts of pending messages by index: held headers and the messages before them. */
  #raws = new Map<number, Raw>();
  #ymd = new Int32Array(3);
  /** Raw numbers (d1, d2, d3, len1, len3) of the last header accepted while the order is unknown. */
  #last = new Int32Array([-1, 0, 0, 0, 0]);
  // Raw components #ymd was resolved from.
  #r1 = -1;
  #r2 = -1;
  #r3 = -1;
  #cDayKey = -1;
  #cMinute = -1;
  #cSecond = -1;
  #cDay = "";
  #cPrefix = "";
  #cFull = "";

  /**
   * `forced` is the user's override (ParseOptions.dateOrder), or null to infer. `sink` rebuilds
   * the message before demoted held headers (demote.ts) and counts the messages put out: a
   * message held back is counted once it is certain to stay one.
   */
  constructor(forced: DateOrder | null, readonly sink: DateSink) {
    if (forced !== null) {
      this.order = ORDER_BIT[forced];
      this.certainty = "certain";
    }
  }

  /** The order known or, while unknown, the fallback. */
  get dateOrder(): DateOrder {
    return orderOf(this.order) ?? this.fallback;
  }

  /**
   * Whether a header's date is possible ({@link ACCEPTED}, {@link REJECTED} or {@link HELD});
   * narrows the candidate orders while the order is unknown. `len1`/`len3` are the digit counts
   * of the first and last components.
   */
  check(d1: number, d2: number, d3: number, len1: number, len3: number): number {
    if (this.order === 0) {
      const bits = this.possible & possibleOrders(d1, d2, d3, len1, len3, this.yearFirst);
      if (bits === 0) return REJECTED;
      // A header that would rule an order out must not go back in time in the orders it
      // leaves: `01/25/2023` pasted into a day-first 2024 chat whose days are still ≤ 12 is a
      // copied message, not the line that settles the file month-first. It is held instead,
      // and the next headers are still compared with the last accepted one (two pasted lines
      // in a row must not settle the file either).
      if (bits !== this.possible && this.#goesBack(bits, d1, d2, d3, len1, len3)) return HELD;
      this.possible = bits;
      const l = this.#last;
      l[0] = d1, l[1] = d2, l[2] = d3, l[3] = len1, l[4] = len3;
      return ACCEPTED;
    }
    if (d1 === this.#r1 && d2 === this.#r2 && d3 === this.#r3) return ACCEPTED;
    if (!resolveDate(this.order, d1, d2, d3, len1, len3, this.#ymd)) return REJECTED;
    this.#r1 = d1, this.#r2 = d2, this.#r3 = d3;
    return ACCEPTED;
  }

  /**
   * True when, in every order of `bits`, the date is more than {@link BACKWARDS_DAYS} before the
   * previous header's (false for the first header). Uses #ymd as scratch: the order is unknown,
   * so no resolved date is cached in it.
   */
  #goesBack(bits: number, d1: number, d2: number, d3: number, len1: number, len3: number) {
    const l = this.#last, ymd = this.#ymd;
    if (l[0] < 0) return false;
    for (let order = 1; order <= 4; order <<= 1) {
      if ((bits & order) === 0) continue;
      if (!resolveDate(order, l[0], l[1], l[2], l[3], l[4], ymd)) return false;
      const before = Date.UTC(ymd[0], ymd[1] - 1, ymd[2]);
      if (!resolveDate(order, d1, d2, d3, len1, len3, ymd)) continue;
      if (Date.UTC(ymd[0], ymd[1] - 1, ymd[2]) >= before - BACKWARDS_DAYS * 86_400_000) {
        return false;
      }
    }
    return true;
  }

  /** Settles the order as certain when a single candidate is left; held messages go to `out`. */
  settleIfSingle(out: Message[]): void {
    const single = this.order === 0 ? orderOf(this.possible) : null;
    if (single !== null) this.#settle(ORDER_BIT[single], "certain", out);
  }

  /**
   * Dates `msg` from `nums` (STRIDE numbers: d1, d2, d3, len1, len3, hour, minute, second) and
   * appends it to `out`, or holds it back while the order is unknown (its author is then counted
   * by the sink once it stays a message; the caller counts the others). `slot`: its author's cache
   * slot; `raw`: the raw parts of a held header's message or of the message before one (only
   * while the order is unknown); `beforeHeld`: the next header is held.
   */
  emit(
    msg: Message,
    nums: Int32Array,
    out: Message[],
    slot = -1,
    raw: Raw | null = null,
    beforeHeld = false,
  ): void {
    if (this.order !== 0) {
      if (nums[0] !== this.#r1 || nums[1] !== this.#r2 || nums[2] !== this.#r3) {
        resolveDate(this.order, nums[0], nums[1], nums[2], nums[3], nums[4], this.#ymd);
        this.#r1 = nums[0], this.#r2 = nums[1], this.#r3 = nums[2];
      }
      msg.date = this.#date(nums[5], nums[6], nums[7]);
      out.push(msg);
      return;
    }
    if (raw !== null) this.#raws.set(this.#pending.length, raw);
    this.#pending.push(msg);
    this.#pendingSlots.push(slot);
    for (let i = 0; i < STRIDE; i++) this.#pendingNums.push(nums[i]);
    // A held header and the message before it stay together past the cap: settling between
    // them would leave nothing to demote the header into.
    if (this.#pending.length >= PENDING_CAP && !beforeHeld) this.finish(out);
  }

  /** Settles an order still unknown by chronology (end of input, or too many held back). */
  finish(out: Message[]): void {
    if (this.order !== 0) return;
    // Chronology is judged on the accepted headers: held ones are the doubtful lines.
    let nums = this.#pendingNums, n = this.#pending.length;
    if (this.#raws.size > 0) {
      nums = nums.filter((_, k) => (this.#raws.get(Math.floor(k / STRIDE))?.head ?? "") === "");
      n = nums.length / STRIDE;
    }
    const { order, certainty } = settleOrder(this.possible, nums, n, this.fallback);
    this.#settle(ORDER_BIT[order], certainty, out);
  }

  #settle(order: number, certainty: Certainty, out: Message[]): void {
    this.order = order;
    this.certainty = certainty;
    const p = this.#pendingNums, pending = this.#pending, raws = this.#raws;
    const slots = this.#pendingSlots, sink = this.sink;
    let before: Raw | undefined; // raw parts of the message last put out, if kept
    let slot = -2; // its author's cache slot (-2: none put out yet)
    let demoted: Raw[] = []; // held headers demoted into it
    // The message last put out is final (rebuilt once with its demoted headers, then counted)
    // when the next one stays a message.
    const seal = () => {
      if (slot === -2) return;
      if (demoted.length > 0) {
        out[out.length - 1] = sink.demote(before!, out[out.length - 1], demoted);
        demoted = [];
      }
      sink.counted(out[out.length - 1], slot);
    };
    for (let i = 0; i < pending.length; i++) {
      const k = i * STRIDE, raw = raws.get(i);
      if (!resolveDate(order, p[k], p[k + 1], p[k + 2], p[k + 3], p[k + 4], this.#ymd)) {
        // Only a held header can be impossible here (accepted ones narrowed the orders), and
        // the message before it was kept with its raw parts.
        demoted.push(raw!);
        continue;
      }
      seal();
      this.#r1 = p[k], this.#r2 = p[k + 1], this.#r3 = p[k + 2];
      pending[i].date = this.#date(p[k + 5], p[k + 6], p[k + 7]);
      out.push(pending[i]);
      before = raw;
      slot = slots[i];
    }
    seal();
    this.#pending = [];
    this.#pendingNums = [];
    this.#pendingSlots = [];
    this.#raws = new Map();
    this.#r1 = -1;
  }

  #date(h: number, mi: number, s: number): string {
    const ymd = this.#ymd;
    const day = (ymd[0] * 16 + ymd[1]) * 32 + ymd[2];
    if (day !== this.#cDayKey) {
      this.#cDayKey = day;
      this.#cDay = formatDay(ymd[0], ymd[1], ymd[2]);
      this.#cMinute = -1;
    }
    const minute = h * 60 + mi;
    if (minute !== this.#cMinute) {
      this.#cMinute = minute;
      this.#cPrefix = this.#cDay + HOUR_MINUTES[minute];
      this.#cSecond = -1;
    }
    if (s !== this.#cSecond) {
      this.#cSecond = s;
      this.#cFull = this.#cPrefix + PAD[s];
    }
    return this.#cFull;
  }
}
