/**
 * Alignment of two exports of the same chat (issue 9): which messages of an incoming export
 * are already in the conversation, and where the others go. Pure: the caller loads compact
 * keys (lib/merge/keys.ts), never whole messages.
 *
 * A message's key is (minute of its wall clock, author, body, k-th occurrence of that triple
 * within the minute). Android exports have minute precision and iOS ones seconds, so both are
 * truncated to the minute. The body of a message with a file (kinds `media`, `contact`) is its
 * class only: a text-only export says `<Media omitted>` where a with-media one names
 * `IMG-….jpg (file attached)`; likewise a deleted message reads differently per exporter.
 *
 * Matched pairs anchor the merge only while they are monotone in both sequences (a longest
 * increasing subsequence); a crossing match is still the same message (never duplicated) but
 * places nothing. Unmatched incoming messages go between the anchors around them, interleaved
 * by date with the existing messages of that gap (ties: existing first); neither sequence is
 * ever re-ordered.
 *
 * @module
 */

/** What alignment needs of one message. */
export interface AlignKey {
  /** Wall clock `YYYY-MM-DDTHH:MM:SS` (or `…THH:MM`). */
  date: string;
  author: string | null;
  kind: string;
  /** Normalised text, or a hash of it (ignored for file and deleted kinds). */
  body: string;
}

/** The result of {@link alignMessages}. */
export interface Alignment {
  /** Per incoming message: index of the same existing message, or -1 (it is new). */
  match: Int32Array;
  /** The merged timeline: `i >= 0` is existing[i], `i < 0` is incoming[-i - 1]. */
  order: Int32Array;
  /** Incoming messages the conversation did not have (`match` -1). */
  added: number;
  /** Matched pairs that anchor the order (the others crossed them). */
  anchors: number;
}

const FILE_KINDS = new Set(["media", "contact"]);

/**
 * The match key of a message, without its occurrence number.
 *
 * @example
 * ```ts
 * matchKey({ date: "2024-01-02T10:00:37", author: "Ann", kind: "media", body: "x" });
 * // "2024-01-02T10:00\u0000Ann\u0000\u0001file"
 * ```
 */
export function matchKey(k: AlignKey): string {
  const body = FILE_KINDS.has(k.kind)
    ? "\u0001file"
    : k.kind === "deleted"
    ? "\u0001deleted"
    : "\u0002" + k.body;
  return k.date.slice(0, 16) + "\u0000" + (k.author ?? "\u0003") + "\u0000" + body;
}

/** Keys with their occurrence number within the minute appended. */
function numbered(keys: readonly AlignKey[]): string[] {
  const seen = new Map<string, number>();
  let minute = "";
  return keys.map((k) => {
    if (k.date.slice(0, 16) !== minute) {
      // Occurrences are counted per minute: a map of one minute's keys at a time.
      minute = k.date.slice(0, 16);
      seen.clear();
    }
    const key = matchKey(k);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return key + "\u0000" + n;
  });
}

/**
 * Indices (into `values`) of a longest strictly increasing subsequence, skipping -1s: applied to
 * {@link Alignment.match}, the matched pairs that are monotone in both sequences.
 *
 * @example
 * ```ts
 * longestIncreasing(Int32Array.of(0, 3, -1, 1, 2)); // [0, 3, 4] (values 0, 1, 2)
 * ```
 */
export function longestIncreasing(values: Int32Array): number[] {
  const tails: number[] = []; // tails[l]: index ending the best run of length l + 1
  const prev = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0) continue;
    let lo = 0, hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.push(i);
  return out.reverse();
}

/**
 * Aligns an incoming export with the existing messages (both in their own file order).
 *
 * @example
 * ```ts
 * const k = (date: string, body: string) => ({ date, author: "Ann", kind: "text", body });
 * const a = alignMessages([k("2024-01-01T10:00", "a"), k("2024-01-01T10:02", "c")],
 *   [k("2024-01-01T10:01", "b"), k("2024-01-01T10:02", "c")]);
 * // a.match: [-1, 1]; a.order: [0, -1, 1] (a, b, c)
 * ```
 */
export function alignMessages(
  existing: readonly AlignKey[],
  incoming: readonly AlignKey[],
): Alignment {
  const index = new Map<string, number>();
  numbered(existing).forEach((key, j) => index.set(key, j));
  const match = new Int32Array(incoming.length).fill(-1);
  numbered(incoming).forEach((key, i) => {
    match[i] = index.get(key) ?? -1;
  });
  index.clear();
  const anchors = longestIncreasing(match);
  const order = new Int32Array(existing.length + incoming.length);
  let n = 0, e = 0, inc = 0;
  const gap = (eEnd: number, iEnd: number) => {
    while (e < eEnd || inc < iEnd) {
      if (inc < iEnd && match[inc] >= 0) { // a crossing match: already in the conversation
        inc++;
        continue;
      }
      const takeIncoming = e >= eEnd ||
        (inc < iEnd && incoming[inc].date < existing[e].date);
      if (takeIncoming) order[n++] = -(inc++) - 1;
      else order[n++] = e++;
    }
  };
  for (const i of anchors) {
    const j = match[i];
    gap(j, i);
    order[n++] = j;
    e = j + 1;
    inc = i + 1;
  }
  gap(existing.length, incoming.length);
  let added = 0;
  for (const m of match) if (m < 0) added++;
  return { match, order: order.slice(0, n), added, anchors: anchors.length };
}
