import assert from "node:assert/strict";
import { markTerms, parseHighlights, queryTerms, snippetSegments } from "./highlight.ts";

Deno.test("parseHighlights: sentinels become ranges", () => {
  assert.deepEqual(parseHighlights("say \u0001hello\u0002 to \u0001you\u0002"), {
    text: "say hello to you",
    highlights: [[4, 9], [13, 16]],
  });
  assert.deepEqual(parseHighlights("no match"), { text: "no match", highlights: [] });
  // Adjacent matches merge; stray and unclosed sentinels are tolerated.
  assert.deepEqual(parseHighlights("\u0001a\u0002\u0001b\u0002"), {
    text: "ab",
    highlights: [[0, 2]],
  });
  assert.deepEqual(parseHighlights("x\u0002y \u0001z"), { text: "xy z", highlights: [[3, 4]] });
  // Offsets are UTF-16 indices.
  const s = parseHighlights("😀 \u0001café\u0002");
  assert.equal(s.text.slice(s.highlights[0][0], s.highlights[0][1]), "café");
});

Deno.test("snippetSegments: alternating plain and marked text", () => {
  assert.deepEqual(snippetSegments({ text: "a <b> c", highlights: [[2, 5]] }), [
    { text: "a ", mark: false },
    { text: "<b>", mark: true },
    { text: " c", mark: false },
  ]);
});

Deno.test("queryTerms: the terms that must match, folded; excluded ones and `or` left out", () => {
  assert.deepEqual(queryTerms('Café -tea "See you" or bye -"not this" OR hello!'), [
    "cafe",
    "see",
    "you",
    "bye",
    "hello",
  ]);
  assert.deepEqual(queryTerms("example.com"), ["example.com"]);
  assert.deepEqual(queryTerms("!!! ..."), []);
});

Deno.test("markTerms: terms inside links and addresses are marked, at word boundaries only", () => {
  const text = "mail Ann@Example.com, see https://exämple.com/path — examples";
  const marked = (s: { text: string; highlights: [number, number][] }) =>
    s.highlights.map(([a, b]) => s.text.slice(a, b));
  assert.deepEqual(marked(markTerms({ text, highlights: [] }, ["example", "ann"])), [
    "Ann",
    "Example",
    "exämple",
  ]);
  assert.deepEqual(marked(markTerms({ text, highlights: [] }, ["example.com"])), [
    "Example.com",
    "exämple.com",
  ]);
  // Existing highlights stay; an overlapping term is not marked twice; touching ones merge.
  assert.deepEqual(
    markTerms({ text: "see example.com", highlights: [[4, 15]] }, ["example", "com"]),
    { text: "see example.com", highlights: [[4, 15]] },
  );
  assert.deepEqual(markTerms({ text: "ab-b", highlights: [[0, 3]] }, ["b"]).highlights, [[0, 4]]);
  // Nothing to add: the same snippet.
  const same = { text: "plain", highlights: [] as [number, number][] };
  assert.equal(markTerms(same, ["other"]), same);
});
