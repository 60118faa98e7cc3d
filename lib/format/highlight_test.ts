import assert from "node:assert/strict";
import { parseHighlights, snippetSegments } from "./highlight.ts";

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
