/**
 * Conservation of lines in MALFORMED exports (the product promise: nothing a user uploads is
 * silently dropped). Seeded random exports of one header format per file (every layout × date
 * order × clock, with the joiners, separators and AM/PM spellings of FORMAT.md §2) mix valid
 * headers, continuation lines and junk: lines that start like a date or a time but are no header,
 * digits and separators, `": "`, `[`, bidi marks, blank and whitespace-only lines, header-shaped
 * lines with an impossible date or time or of another layout, lines before the first header;
 * CRLF/LF/lone-CR/mixed line ends, a BOM, a missing final line break.
 *
 * The property: every non-blank input line (invisible marks removed) is accounted for exactly
 * once, in file order — either it was read as a header (its date and author are the message's,
 * its body's first line begins the message's text) or it is, verbatim, the next non-blank line of
 * the message it follows (the preamble's: of a leading system message). Besides: one message per
 * valid header (plus the leading one), `unplacedLines` counts the preamble's lines and the
 * header-shaped junk, and the whole output equals a line model (blank lines included), also when
 * the text reaches the parser in slices cut anywhere (messages spanning blocks).
 *
 * Random bodies stay away from WhatsApp's wordings (no `<…>`, `(…)`, `omitted`, `POLL:`, URLs,
 * notices, a leading U+200E on iOS), so every message is `text` or `system`, but for two accounted
 * for: an Android `name (file attached)` line (then `attachment`, the caption after it) and the
 * edited marker ending a message's last line (any line). On failure the message names the style,
 * the seed and a reproduction shrunk to the lines that still fail; the exports are made by
 * testdata/malformed.ts.
 */
import assert from "node:assert/strict";
import { ChatParser } from "./core.ts";
import { createRng, type Rng } from "./generate.ts";
import { LineBlocks } from "./lines.ts";
import { parseChat, parseString } from "./parser.ts";
import type { Message, ParseOptions, ParseSummary } from "./types.ts";
import {
  blank,
  type Case,
  generate,
  type Line,
  misfitFirst,
  read,
  render,
  strip,
} from "./testdata/malformed.ts";
import { CLOCKS, LAYOUTS, ORDERS, type Style } from "./testdata/malformed_shape.ts";

/** Seeds per style (18 styles); `CONSERVATION_SEEDS=20000` for a long hunt (~2 min). */
const SEEDS = Number(Deno.env.get("CONSERVATION_SEEDS") ?? 500);

// ---- the oracle ----------------------------------------------------------------------------

/** The messages and unplaced count the line model gives. */
function model(c: Case): { messages: Message[]; unplaced: number } {
  const messages: Message[] = [];
  const texts: string[][] = [];
  const preamble: Line[] = [];
  let unplaced = 0;
  const lines = read(c);
  for (const [i, l] of lines.entries()) {
    if (l.header !== undefined) {
      const { date, author, first, attachment = null } = l.header;
      const ends = lines[i + 1]?.header !== undefined || i === lines.length - 1;
      messages.push({
        date,
        author,
        text: "",
        kind: author === null ? "system" : attachment !== null ? "media" : "text",
        attachment,
        edited: ends && l.edit !== undefined,
      });
      texts.push(first === null ? [] : [first]);
    } else if (texts.length > 0) {
      const ends = lines[i + 1]?.header !== undefined || i === lines.length - 1;
      texts[texts.length - 1].push(ends ? strip(l.text) : seen(l));
      if (ends && l.edit !== undefined) messages[messages.length - 1].edited = true;
    } else {
      preamble.push(l);
      if (!blank(l.text)) unplaced++;
      continue;
    }
    if (l.counted) unplaced++;
  }
  messages.forEach((m, i) => m.text = texts[i].join("\n"));
  while (preamble.length > 0 && blank(preamble[0].text)) preamble.shift();
  while (preamble.length > 0 && blank(preamble[preamble.length - 1].text)) preamble.pop();
  if (preamble.length > 0) {
    const last = preamble.length - 1;
    messages.unshift({
      date: messages[0].date,
      author: null,
      text: preamble.map((l, i) => i === last ? strip(l.text) : seen(l)).join("\n"),
      kind: "system",
      attachment: null,
      edited: preamble[last].edit !== undefined,
    });
  }
  return { messages, unplaced };
}

/** A line as it stands in the text when it does not end its message (its marker is text). */
function seen(l: Line): string {
  return strip(l.text + (l.edit ?? ""));
}

/** Parses `text` fed to the parser in slices cut at `cuts` (parseString, sliced anywhere). */
function parseSliced(
  text: string,
  cuts: number[],
  options: ParseOptions,
): { messages: Message[]; summary: ParseSummary } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parser = new ChatParser(options);
  const lines = new LineBlocks();
  const messages: Message[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut <= from) continue;
    for (const block of lines.push(text.slice(from, cut))) parser.feed(block);
    messages.push(...parser.take());
    from = cut;
  }
  const last = lines.end();
  if (last !== null) parser.feed(last);
  parser.end();
  messages.push(...parser.take());
  return { messages, summary: parser.summary() };
}

const show = (l: Line) => `${l.what}: ${JSON.stringify(l.text + (l.edit ?? ""))}`;

/**
 * The property on one case: null when it holds, else `category: detail` (the category is what
 * shrinking keeps failing).
 */
function check(c: Case): string | null {
  const text = render(c);
  const lines = read(c);
  // No date tells day-first from month-first (every day <= 12): the order is the user's to give.
  const ambiguous = c.style.dateOrder !== "YMD" &&
    lines.every((l) => l.header === undefined || Number(l.header.date.slice(8, 10)) <= 12);
  const options: ParseOptions = ambiguous ? { dateOrder: c.style.dateOrder } : {};
  let parsed: { messages: Message[]; summary: ParseSummary };
  try {
    parsed = parseString(text, options);
  } catch (e) {
    return `error: parseString threw ${e}`;
  }
  const { messages, summary } = parsed;
  // 1. Conservation: a bijection, in order, between non-blank input and output lines.
  let m = -1; // the message being walked
  let out: string[] = []; // its text's lines
  let at = 0; // the next of them to account for
  const leftover = () => {
    while (at < out.length && blank(out[at])) at++;
    return at < out.length ? out[at] : null;
  };
  const start = (i: number) => {
    m = i;
    out = messages[m]?.text.split("\n") ?? [];
    at = 0;
  };
  const firstHeader = lines.findIndex((l) => l.header !== undefined);
  const hasPreamble = lines.slice(0, firstHeader).some((l) => !blank(l.text));
  const lastPreamble = lines.slice(0, firstHeader).findLastIndex((l) => !blank(l.text));
  if (hasPreamble) start(0);
  for (const [i, l] of lines.entries()) {
    if (l.header !== undefined) {
      const extra = m >= 0 ? leftover() : null;
      if (extra !== null) {
        return `extra: message #${m} has a line no input line gave: ${JSON.stringify(extra)}`;
      }
      start(m + 1);
      const got = messages[m];
      const where = `line ${i + 1} ${show(l)} (message #${m})`;
      if (got === undefined) return `lost: header ${where} opened no message`;
      const { date, author, first, attachment = null } = l.header;
      const read = [got.date, got.author, got.attachment], want = [date, author, attachment];
      if (read.some((v, k) => v !== want[k])) {
        return `header: ${where} read as ${JSON.stringify(read)}, expected ${JSON.stringify(want)}`;
      }
      if (first !== null && out[0] !== first) {
        return `header: ${where}: text starts ${JSON.stringify(out[0])}, ` +
          `expected ${JSON.stringify(first)}`;
      }
      at = first === null ? 0 : 1;
      continue;
    }
    if (blank(l.text)) continue;
    // (The edited marker ending a message is checked with the exact output below.)
    const ends = lines[i + 1]?.header !== undefined || i === lines.length - 1 ||
      (m === 0 && hasPreamble && i === lastPreamble);
    const want = ends ? strip(l.text) : seen(l);
    const got = m >= 0 ? leftover() : null;
    if (got !== want) {
      return `lost: line ${i + 1} ${show(l)} is not the next line of message #${m} ` +
        `(which has ${JSON.stringify(got)} there)`;
    }
    at++;
  }
  const extra = m >= 0 ? leftover() : null;
  if (extra !== null) {
    return `extra: message #${m} has a line no input line gave: ${JSON.stringify(extra)}`;
  }
  // 2. Counts.
  const expected = model(c);
  if (messages.length !== expected.messages.length || summary.messages !== messages.length) {
    return `count: ${messages.length} messages (summary ${summary.messages}), expected ` +
      expected.messages.length;
  }
  if (summary.unplacedLines !== expected.unplaced) {
    return `unplaced: ${summary.unplacedLines} unplaced lines, expected ${expected.unplaced} ` +
      JSON.stringify(summary.unplacedSamples);
  }
  // 3. The exact output (blank lines, kinds), and the same when sliced anywhere.
  for (let i = 0; i < messages.length; i++) {
    try {
      assert.deepEqual(messages[i], expected.messages[i]);
    } catch {
      return `exact: message #${i} is ${JSON.stringify(messages[i])}, expected ` +
        JSON.stringify(expected.messages[i]);
    }
  }
  const rng = createRng(c.seed);
  const cuts: number[] = [];
  for (let k = 1 + rng.int(6); k < text.length; k += 1 + rng.int(12)) cuts.push(k);
  let sliced;
  try {
    sliced = parseSliced(text, cuts, options);
  } catch (e) {
    return `sliced: threw ${e}`;
  }
  try {
    assert.deepEqual(sliced, parsed);
  } catch {
    return `sliced: cut at ${JSON.stringify(cuts)} the output differs: ` +
      JSON.stringify(sliced.messages);
  }
  return null;
}

/**
 * True when the oracle holds for a case (what the generator ensures; shrinking keeps it): a
 * header; before it, no line the format vote or the first-line rule would take for one (a pasted,
 * bare or foreign header; see {@link misfitFirst}); foreign headers fewer than the file's own; no
 * event (a system header's message) ending with the edited marker.
 */
function valid(c: Case): boolean {
  let headers = 0, foreign = 0;
  const lines = read(c);
  let event = false; // the message open is an event
  for (const [i, l] of lines.entries()) {
    if (l.header !== undefined) event = l.header.author === null;
    const ends = lines[i + 1]?.header !== undefined || i === lines.length - 1;
    if (ends && l.edit !== undefined && event) return false;
    if (l.header !== undefined) headers++;
    else if (headers === 0 && /^(pasted|bare|foreign) header$/.test(l.what)) return false;
    else if (headers === 0 && l.counted && !misfitFirst(c.style, c.shape)) return false;
    else if (l.what === "foreign header" && headers <= 2 * foreign++ + 1) return false;
  }
  return headers > 0;
}

/** Removes lines (and the BOM, the missing final break) while the failure's category stays. */
function shrink(c: Case, failure: string): Case {
  const category = failure.slice(0, failure.indexOf(":"));
  const same = (d: Case) => valid(d) && (check(d)?.startsWith(category + ":") ?? false);
  let best = c;
  for (const simpler of [{ bom: false }, { final: true }]) {
    const d = { ...best, ...simpler };
    if (same(d)) best = d;
  }
  for (let changed = true; changed;) {
    changed = false;
    for (let i = best.lines.length - 1; i >= 0; i--) {
      const d = { ...best, lines: best.lines.filter((_, k) => k !== i) };
      if (same(d)) best = d, changed = true;
    }
  }
  return best;
}

function assertConserved(c: Case): void {
  assert.ok(valid(c), `seed ${c.seed}: the generator broke its own rules`);
  const failure = check(c);
  if (failure === null) return;
  const small = shrink(c, failure);
  const { layout, dateOrder, clock } = c.style;
  assert.fail(
    `${layout}/${dateOrder}/${clock} seed=${c.seed}: ${failure}\n` +
      `shape: ${JSON.stringify(c.shape)}\n` +
      `shrunk (${small.lines.length} of ${c.lines.length} lines): ${check(small)}\n` +
      `reproduce: parseString(${JSON.stringify(render(small))})\n` +
      small.lines.map((l, i) => `  ${i + 1} ${show(l)}`).join("\n"),
  );
}

for (const layout of LAYOUTS) {
  for (const dateOrder of ORDERS) {
    for (const clock of CLOCKS) {
      Deno.test(`conservation: ${layout} ${dateOrder} ${clock}, ${SEEDS} malformed exports`, () => {
        for (let seed = 1; seed <= SEEDS; seed++) {
          assertConserved(generate({ layout, dateOrder, clock }, seed));
        }
      });
    }
  }
}

/** `bytes` in chunks of random sizes, small and large. */
async function* chunked(bytes: Uint8Array, rng: Rng): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length;) {
    const n = 1 + rng.int(rng.chance(0.5) ? 16 : 9000);
    yield bytes.slice(i, i + n);
    i += n;
  }
}

Deno.test("conservation: long exports across the format vote (500 headers) and streamed as bytes", async () => {
  for (const layout of LAYOUTS) {
    for (let seed = 1; seed <= 4; seed++) {
      const style: Style = { layout, dateOrder: ORDERS[seed % 3], clock: CLOCKS[seed % 2] };
      const c = generate(style, seed, 450 + seed * 40);
      assertConserved(c);
      // parseChat, the bytes cut into random chunks (inside UTF-8 sequences, CRLF pairs).
      const text = render(c);
      const bytes = new TextEncoder().encode(text);
      const parse = parseChat(chunked(bytes, createRng(seed)));
      const messages: Message[] = [];
      for await (const batch of parse.batches()) messages.push(...batch);
      const where = `${layout}/${style.dateOrder}/${style.clock} seed=${seed}`;
      const whole = parseString(text);
      assert.deepEqual(messages, whole.messages, where);
      assert.deepEqual(parse.summary(), whole.summary, where);
    }
  }
});
