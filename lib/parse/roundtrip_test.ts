/**
 * Round-trip properties: Messages rendered by generate.ts as WhatsApp writes them (every layout ×
 * date order × clock, many seeds) must parse back to exactly the same Messages, whatever the
 * chunking of the bytes. On failure the message names the seed, the style and the first differing
 * message with its rendered lines, i.e. a minimal reproduction.
 */
import assert from "node:assert/strict";
import { createRng, generateExport, type GenerateOptions, renderMessage } from "./generate.ts";
import { parseChat, parseString } from "./parser.ts";
import type { Clock, DateOrder, Layout, Message, ParseOptions, ParseSummary } from "./types.ts";

const LAYOUTS: Layout[] = ["android", "ios", "ios-old"];
const ORDERS: DateOrder[] = ["DMY", "MDY", "YMD"];
const CLOCKS: Clock[] = ["24h", "12h"];
const STYLES = LAYOUTS.flatMap((layout) =>
  ORDERS.flatMap((dateOrder) => CLOCKS.map((clock) => ({ layout, dateOrder, clock })))
);

/** Asserts parsed == expected, reporting the first differing message with its rendering. */
function assertSameMessages(actual: Message[], expected: Message[], o: GenerateOptions): void {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    try {
      assert.deepEqual(actual[i], expected[i]);
    } catch {
      const style = `${o.layout}/${o.dateOrder}/${o.clock} seed=${o.seed} hard=${!!o.hard}`;
      const rendered = expected.slice(Math.max(0, i - 1), i + 1).map((m) => renderMessage(m, o));
      assert.fail(
        `${style}: message #${i} differs (parsed ${actual.length}, expected ${expected.length})\n` +
          `rendered: ${JSON.stringify(rendered.join(""))}\n` +
          `expected: ${JSON.stringify(expected[i])}\nactual:   ${JSON.stringify(actual[i])}`,
      );
    }
  }
}

function assertSummary(s: ParseSummary, messages: Message[], o: GenerateOptions): void {
  const where = `${o.layout}/${o.dateOrder}/${o.clock} seed=${o.seed}`;
  assert.equal(s.messages, messages.length, where);
  assert.equal(s.layout, o.layout, where);
  assert.equal(s.clock, o.clock, where);
  assert.equal(s.dateOrder, o.dateOrder, where);
  assert.equal(s.unplacedLines, 0, `${where}: ${JSON.stringify(s.unplacedSamples)}`);
  const authors = [...new Set(messages.flatMap((m) => m.author ?? []))].sort();
  assert.deepEqual([...s.participants].sort(), authors, where);
  const dayOver12 = messages.some((m) => Number(m.date.slice(8, 10)) > 12);
  if (o.dateOrder !== "YMD" && dayOver12) assert.equal(s.dateOrderCertainty, "certain", where);
}

async function exportText(o: GenerateOptions): Promise<string> {
  let text = "";
  for await (const chunk of generateExport(o).text()) text += chunk;
  return text;
}

async function roundTrip(o: GenerateOptions, parseOptions?: ParseOptions) {
  const text = await exportText(o);
  const expected = generateExport(o).messages();
  const { messages, summary } = parseString(text, parseOptions);
  return { text, expected, messages, summary };
}

for (const style of STYLES) {
  Deno.test(`round trip ${style.layout} ${style.dateOrder} ${style.clock}`, async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const media = (["with", "without", "mixed"] as const)[seed % 3];
      const o: GenerateOptions = { ...style, seed, messages: 80, gaps: "sparse", media };
      const { expected, messages, summary } = await roundTrip(o);
      assertSameMessages(messages, expected, o);
      assertSummary(summary, expected, o);
    }
  });
}

Deno.test("round trip with parser traps (BOM, ': ' in system lines, 'Team:A', date-like lines)", async () => {
  for (const style of STYLES) {
    for (let seed = 100; seed < 104; seed++) {
      const o: GenerateOptions = { ...style, seed, messages: 150, gaps: "sparse", hard: true };
      const { expected, messages, summary } = await roundTrip(o);
      assertSameMessages(messages, expected, o);
      assertSummary(summary, expected, o);
    }
  }
});

Deno.test("a single-day chat with day and month <= 12 is 'guessed'; the override is exact", async () => {
  for (const style of STYLES.filter((s) => s.dateOrder !== "YMD")) {
    const o: GenerateOptions = {
      ...style,
      seed: 7,
      messages: 40,
      start: "2023-02-01T08:00:00",
      maxGapSeconds: 600,
      gaps: "sparse",
    };
    const guessed = await roundTrip(o);
    assert.equal(guessed.summary.dateOrderCertainty, "guessed", `${o.layout}/${o.dateOrder}`);
    const forced = await roundTrip(o, { dateOrder: o.dateOrder });
    assertSameMessages(forced.messages, forced.expected, o);
    assert.equal(forced.summary.dateOrder, o.dateOrder);
  }
});

Deno.test("days and months <= 12 in chronological order are 'inferred' correctly", () => {
  // 10/01 11/01 12/01 01/02 02/02 …: only the day-first reading is chronological.
  const days = ["01-10", "01-11", "01-12", "02-01", "02-02", "02-03", "03-01", "03-05"];
  for (const style of STYLES.filter((s) => s.dateOrder !== "YMD")) {
    const o: GenerateOptions = { ...style, seed: 3, messages: days.length * 5 };
    const expected = generateExport(o).messages().map((m, i) => ({
      ...m,
      date: `2023-${days[Math.floor(i / 5)]}T1${i % 5}:0${i % 5}:${
        o.layout === "android" ? "00" : "3" + (i % 5)
      }`,
    }));
    const text = expected.map((m) => renderMessage(m, o)).join("");
    const { messages, summary } = parseString(text);
    assert.equal(summary.dateOrderCertainty, "inferred", `${o.layout}/${o.dateOrder}`);
    assert.equal(summary.dateOrder, o.dateOrder, `${o.layout}/${o.dateOrder}`);
    assertSameMessages(messages, expected, o);
  }
});

async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncIterable<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > start) yield bytes.slice(start, cut);
    start = Math.max(start, cut);
  }
}

Deno.test("any chunking gives identical output (1 byte, inside UTF-8, between \\r and \\n)", async () => {
  for (const layout of LAYOUTS) {
    const o: GenerateOptions = {
      layout,
      dateOrder: "DMY",
      clock: "12h",
      seed: 11,
      messages: 60,
      gaps: "sparse",
      hard: true,
    };
    const text = await exportText(o);
    const bytes = new TextEncoder().encode(text);
    const reference = parseString(text);
    const rng = createRng(99);
    const random: number[] = [];
    for (let at = 0; at < bytes.length; at += 1 + rng.int(7)) random.push(at);
    const strategies: Record<string, number[]> = {
      "1 byte": Array.from({ length: bytes.length }, (_, i) => i + 1),
      random,
      "inside UTF-8": [...bytes.keys()].filter((i) => (bytes[i] & 0xc0) === 0x80),
      "between \\r and \\n": [...bytes.keys()].filter((i) => bytes[i] === 0x0a),
    };
    for (const [name, cuts] of Object.entries(strategies)) {
      const parse = parseChat(chunked(bytes, [...cuts]));
      const messages: Message[] = [];
      for await (const m of parse) messages.push(m);
      assert.deepEqual(messages, reference.messages, `${layout}: ${name}`);
      assert.deepEqual(parse.summary(), reference.summary, `${layout}: ${name}`);
    }
    const viaStream = parseChat(new Blob([bytes]).stream());
    const batched: Message[] = [];
    for await (const batch of viaStream.batches()) batched.push(...batch);
    assert.deepEqual(batched, reference.messages, `${layout}: ReadableStream + batches()`);
  }
});
