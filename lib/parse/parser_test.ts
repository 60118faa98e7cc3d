// The public API: parseChat (batches, single messages, once only, summary), parseString, errors.
import assert from "node:assert/strict";
import { parseChat, ParseError, parseString } from "./mod.ts";
import { chunked, fixtureBytes, parseBytes } from "./testdata/helpers.ts";
import type { Message } from "./types.ts";

const enc = new TextEncoder();

Deno.test("iterating the parse yields the same messages as batches(), any chunking", async () => {
  const bytes = fixtureBytes("android_en.txt");
  const single: Message[] = [];
  const parse = parseChat(chunked(bytes, 64 * 1024));
  for await (const m of parse) single.push(m);
  assert.equal(single.length, 23);
  assert.equal(parse.summary().messages, 23);
  for (const size of [1, 2, 3, 13, 4096]) {
    const { messages } = await parseBytes(bytes, {}, size);
    assert.deepEqual(messages, single, `chunk size ${size}`);
  }
});

Deno.test("a ReadableStream is accepted (Deno file)", async () => {
  const file = await Deno.open(new URL("./testdata/ios_en.txt", import.meta.url));
  const parse = parseChat(file.readable);
  let n = 0;
  for await (const batch of parse.batches()) n += batch.length;
  assert.equal(n, 21);
  assert.equal(parse.summary().layout, "ios");
});

Deno.test("only one of batches() and iteration may be consumed, once", async () => {
  const parse = parseChat(chunked(enc.encode("13/02/2020, 10:00 - Ann: hi\n"), 8));
  for await (const _ of parse.batches()) { /* drain */ }
  await assert.rejects(async () => {
    for await (const _ of parse) { /* second consumer */ }
  }, /already consumed/);
});

Deno.test("summary() is complete after iteration: counts, participants, detection", async () => {
  const text =
    "[1/4/23, 7:02:11\u202FPM] Ann: hi\r\n[1/15/23, 8:00:00\u202FAM] \u202A+1 555 0100\u202C: yo\r\n";
  const parse = parseChat(chunked(enc.encode(text), 5));
  const all: Message[] = [];
  for await (const batch of parse.batches()) all.push(...batch);
  assert.equal(all.length, 2);
  assert.deepEqual(parse.summary(), {
    messages: 2,
    participants: ["Ann", "+1 555 0100"],
    layout: "ios",
    dateOrder: "MDY",
    dateOrderCertainty: "certain",
    clock: "12h",
    language: null,
    unplacedLines: 0,
    unplacedSamples: [],
  });
});

Deno.test("batches are arrays in file order with at least 512 messages but the last", async () => {
  const lines = Array.from({ length: 3000 }, (_, i) => `13/02/2020, 10:00 - Ann: m${i}\n`).join("");
  const parse = parseChat(chunked(enc.encode(lines), 1000));
  const sizes: number[] = [];
  let next = 0;
  for await (const batch of parse.batches()) {
    sizes.push(batch.length);
    for (const m of batch) assert.equal(m.text, `m${next++}`);
  }
  assert.equal(next, 3000);
  assert.ok(sizes.slice(0, -1).every((n) => n >= 512), JSON.stringify(sizes));
});

Deno.test("ParseErrors: empty, blank, binary, no message — each says expected and found", async () => {
  const cases: [string, RegExp][] = [
    ["errors/empty.txt", /^Empty chat export: expected WhatsApp chat text, got 0 bytes$/],
    ["errors/blank.txt", /^Empty chat export: expected WhatsApp chat text, got only blank lines$/],
    ["errors/image.png", /^Not a chat export: expected WhatsApp chat text, got a PNG image$/],
    [
      "errors/notes.txt",
      /No WhatsApp messages found: expected lines starting with a date.*the first line is "Shopping list"/,
    ],
  ];
  for (const [path, pattern] of cases) {
    await assert.rejects(() => parseBytes(fixtureBytes(path)), (e: unknown) => {
      assert.ok(e instanceof ParseError, path);
      assert.equal(e.name, "ParseError");
      assert.match(e.message, pattern, path);
      return true;
    });
  }
  assert.throws(() => parseString(""), /got 0 bytes/);
  assert.throws(() => parseString("ab\0cd"), ParseError);
  assert.throws(() => parseString("hello\nworld\n"), /No WhatsApp messages found/);
});

Deno.test("header-like lines with impossible dates only: a clear error", () => {
  assert.throws(
    () => parseString("45/13/2020, 10:00 - Ann: x\n46/13/2020, 10:00 - Ann: y\n"),
    /No WhatsApp messages found/,
  );
});

Deno.test("a huge preamble without any header fails early instead of buffering the file", async () => {
  let produced = 0;
  async function* endless(): AsyncGenerator<Uint8Array> {
    const line = enc.encode("just some text without a date\n".repeat(1000));
    while (produced < 200_000_000) {
      produced += line.length;
      yield line;
    }
  }
  await assert.rejects(async () => {
    for await (const _ of parseChat(endless()).batches()) { /* drain */ }
  }, ParseError);
  assert.ok(produced < 20_000_000, `read ${produced} bytes before giving up`);
});
