import assert from "node:assert/strict";
import { visualRuns } from "./pdf_bidi.ts";
import { MISSING_GLYPH, printable, wrap } from "./pdf_text.ts";
import { csvField } from "./csv.ts";

const charset = (s: string) => new Set([...s].map((c) => c.codePointAt(0)!));

Deno.test("printable: an emoji sequence the font lacks is one box; invisible marks dropped", () => {
  const font = charset("hi famly:\u263A" + MISSING_GLYPH);
  assert.equal(printable("hi \u200Efamily 👨‍👩‍👧‍👦!", font), "hi family □□");
  assert.equal(printable("flag 🇪🇸 ok 👋🏼", charset("flag ok")), "flag □ ok □");
  assert.equal(printable("\u263A\uFE0F", font), "\u263A", "a pictograph the font has is kept");
  assert.equal(printable("a\tb\nc", charset("abc ")), "a    b\nc");
});

Deno.test("wrap: at newlines, between words, and inside words longer than a line", () => {
  const width = (s: string) => s.length;
  assert.deepEqual(wrap("aa bb cc\n\ndd", 5, width), ["aa bb", "cc", "", "dd"]);
  assert.deepEqual(wrap("abcdefghij k", 4, width), ["abcd", "efgh", "ij k"]);
});

Deno.test("visualRuns: RTL runs in visual order, RTL lines right-aligned, headings forced LTR", () => {
  const w = (s: string) => s.length;
  assert.deepEqual(visualRuns("hello", 100, w), [{ text: "hello", x: 0 }]);
  assert.deepEqual(visualRuns("hi שלום עולם ok", 100, w), [
    { text: "hi ", x: 0 },
    { text: "שלום עולם", x: 3 },
    { text: " ok", x: 12 },
  ]);
  assert.deepEqual(visualRuns("שלום ok", 100, w), [
    { text: " ok", x: 93 },
    { text: "שלום", x: 96 },
  ]);
  assert.deepEqual(visualRuns("#5 · דנה", 100, w, "ltr"), [
    { text: "#5 · ", x: 0 },
    { text: "דנה", x: 5 },
  ]);
});

Deno.test("csvField: quotes only when needed, doubling quotes", () => {
  assert.equal(csvField("plain"), "plain");
  assert.equal(csvField('a "b", c'), '"a ""b"", c"');
  assert.equal(csvField("x\ny"), '"x\ny"');
  assert.equal(csvField(null), "");
  assert.equal(csvField(false), "false");
});
