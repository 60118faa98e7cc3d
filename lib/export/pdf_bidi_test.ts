import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import { wrapParagraphs } from "./pdf.ts";
import { type Direction, layoutLine, paragraphDirection } from "./pdf_bidi.ts";

/** One font "f", every character 1 wide, lines 100 wide. */
function layout(line: string, direction: Direction = "auto") {
  return layoutLine(line, [{ start: 0, end: line.length, font: "f" }], {
    direction,
    maxWidth: 100,
    width: (s) => [...s].length,
  }).map(({ text, x }) => [text, x]);
}

Deno.test("layoutLine: an LTR paragraph keeps the RTL run and its number in visual order", () => {
  assert.deepEqual(layout("Hello שלום 123 world", "ltr"), [
    ["Hello ", 0],
    ["123", 6],
    ["שלום ", 9], // logical order: fontkit draws it right to left
    [" world", 14],
  ]);
  assert.deepEqual(layout("hello"), [["hello", 0]]);
  // A line of an RTL paragraph without RTL letters of its own is still right-aligned.
  assert.deepEqual(layout("abc def", "rtl"), [["abc def", 93]]);
});

Deno.test("layoutLine: an RTL paragraph is right-aligned, runs right to left", () => {
  assert.deepEqual(layout("שלום Hello 123!"), [["!", 85], ["Hello 123", 86], ["שלום ", 95]]);
  // Brackets are mirrored in RTL runs; "5-3" stays a left-to-right number.
  assert.deepEqual(layout("שלום (עולם) 5-3"), [["5-3", 85], ["שלום )עולם( ", 88]]);
  // Arabic-Indic digits (AN) at an even level: fontkit would reverse them, so they come reversed.
  assert.deepEqual(layout("مرحبا ١٢٣ 456"), [
    ["456", 87],
    [" ", 90],
    ["٣٢١", 91],
    ["مرحبا ", 94],
  ]);
});

Deno.test("layoutLine: explicit embeddings and overrides are obeyed, controls not drawn", () => {
  // RLO forces "abc" right to left: fontkit keeps Latin in order, so it is reversed here.
  assert.deepEqual(layout("x \u202Eabc\u202C y", "ltr"), [["x ", 0], ["cba", 2], [" y", 5]]);
  // An LRM first makes the paragraph LTR although its first letter is Hebrew.
  assert.deepEqual(layout("\u200Eשלום ok"), [["שלום", 0], [" ok", 4]]);
  assert.equal(paragraphDirection("123 שלום ok"), "rtl");
  assert.equal(paragraphDirection("ok שלום"), "ltr");
});

Deno.test("layoutLine: runs split by font; emoji between RTL words keep their order", () => {
  const line = "שלום 👍😂 עולם";
  const e = line.indexOf("👍");
  const spans = [
    { start: 0, end: e, font: "text" },
    { start: e, end: e + 4, font: "emoji" },
    { start: e + 4, end: line.length, font: "text" },
  ];
  const runs = layoutLine(line, spans, { direction: "auto", maxWidth: 20, width: () => 1 });
  // Visual left to right: עולם, the emoji reversed by grapheme (😂 then 👍), then שלום.
  assert.deepEqual(runs.map((r) => [r.text, r.font, r.rtl]), [
    [" עולם", "text", true],
    ["😂👍", "emoji", true],
    ["שלום ", "text", true],
  ]);
});

Deno.test("layoutLine + fontkit: the glyphs come out in visual order, no run reversed twice", async () => {
  const require = createRequire(import.meta.url);
  const bytes = await Deno.readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
  const font = fontkit.create(bytes as never) as unknown as {
    layout(s: string): { glyphs: { codePoints: number[] }[] };
  };
  const drawn = (line: string, direction: Direction) =>
    layoutLine(line, [{ start: 0, end: line.length, font }], {
      direction,
      maxWidth: 1000,
      width: (s) => s.length,
    }).map((r) =>
      r.font.layout(r.text).glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join("")
    ).join("");
  assert.equal(drawn("Hello שלום 123 world", "ltr"), "Hello 123 םולש world");
  assert.equal(drawn("שלום Hello 123!", "auto"), "!Hello 123 םולש");
  assert.equal(drawn("שלום (עולם) 5-3", "auto"), "5-3 (םלוע) םולש");
  assert.equal(drawn("x \u202Eabc\u202C y", "ltr"), "x cba y");
  assert.equal(drawn("סך ١٢٣", "auto"), "١٢٣ ךס");
});

Deno.test("wrapParagraphs + layoutLine: an embedding carries across a line break", () => {
  // RLE … PDF holds four numbers, right to left; wrapped after the second, the second line
  // (`3 4‬ y`, no RLE of its own) still reads right to left: 4 before 3.
  const width = (s: string) => [...s].length;
  const laid = (text: string, maxWidth: number) =>
    wrapParagraphs(text, maxWidth, width).map((l) =>
      layoutLine(l.text, [{ start: 0, end: l.text.length, font: "f" }], {
        direction: l.direction,
        levels: l.levels,
        maxWidth,
        width,
      }).map((r) => r.text).join("")
    );
  const text = "x \u202B1 2 3 4\u202C y";
  assert.deepEqual(laid(text, 100), ["x 4 3 2 1 y"]);
  assert.deepEqual(laid(text, 7), ["x 2 1", "4 3 y"]);
  // In an RTL paragraph, a bracketed LTR phrase cut in two keeps each bracket mirrored.
  assert.deepEqual(laid("שלום עולם (abc def) סוף", 7), ["שלום", "עולם", "abc)", "(def", "סוף"]);
});
