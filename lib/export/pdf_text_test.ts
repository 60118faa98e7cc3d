import assert from "node:assert/strict";
import { MISSING_GLYPH, printable, wrap } from "./pdf_text.ts";
import { csvField } from "./csv.ts";

const charset = (s: string) => new Set([...s].map((c) => c.codePointAt(0)!));

Deno.test("printable: without an emoji font a sequence is one box; bidi marks kept", () => {
  const font = charset("hi famly:\u263A" + MISSING_GLYPH);
  assert.equal(printable("hi \u200Efamily 👨‍👩‍👧‍👦!\u200B", font), "hi \u200Efamily □□");
  assert.equal(printable("flag 🇪🇸 ok 👋🏼", charset("flag ok")), "flag □ ok □");
  assert.equal(printable("\u263A\uFE0F", font), "\u263A", "a pictograph the font has is kept");
  assert.equal(printable("a\tb\nc", charset("abc ")), "a    b\nc");
});

Deno.test("printable: emoji sequences as the emoji font draws them, text pictographs in DejaVu", () => {
  const drawn: Record<string, string> = { "👍🏽": "👍🏽", "👨‍👩‍👧‍👦": "👨", "👍": "👍", "☺️": "☺️" };
  const emoji = (seq: string) => drawn[seq];
  const font = charset("ok \u263A");
  assert.equal(printable("ok 👍🏽 👨‍👩‍👧‍👦 👍", font, emoji), "ok 👍🏽 👨 👍");
  assert.equal(printable("\u263A \u263A\uFE0F", font, emoji), "\u263A \u263A\uFE0F");
  assert.equal(printable("ok 🦄", font, emoji), `ok ${MISSING_GLYPH}`);
});

Deno.test("wrap: at newlines, between words, and inside words longer than a line", () => {
  const width = (s: string) => s.length;
  assert.deepEqual(wrap("aa bb cc\n\ndd", 5, width), ["aa bb", "cc", "", "dd"]);
  assert.deepEqual(wrap("abcdefghij k", 4, width), ["abcd", "efgh", "ij k"]);
});

Deno.test("csvField: quotes only when needed, doubling quotes", () => {
  assert.equal(csvField("plain"), "plain");
  assert.equal(csvField('a "b", c'), '"a ""b"", c"');
  assert.equal(csvField("x\ny"), '"x\ny"');
  assert.equal(csvField(null), "");
  assert.equal(csvField(false), "false");
});
