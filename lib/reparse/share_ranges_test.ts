import assert from "node:assert/strict";
import { exactAnchors, type ExactKeys, remapRanges } from "./share_ranges.ts";

const keys = (digests: string[], refs?: number[]): ExactKeys => ({
  digests,
  refs: Int32Array.from(refs ?? digests.map((_, i) => i + 1)),
});

Deno.test("exactAnchors: monotone exact pairs, repeated messages matched in order", () => {
  assert.deepEqual([...exactAnchors(["a", "b", "c", "d"], ["a", "bc", "d"])], [0, -1, -1, 2]);
  assert.deepEqual([...exactAnchors(["x", "ok", "ok", "y"], ["ok", "ok", "y"])], [-1, 0, 1, 2]);
  // Crossing matches: only one of them anchors (either keeps the pairs monotone).
  const crossed = [...exactAnchors(["a", "b", "c"], ["a", "c", "b"])];
  assert.equal(crossed[0], 0);
  assert.equal(crossed.filter((p) => p >= 0).length, 2);
});

Deno.test("remapRanges: open ends stay open, dangling refs and vanished ranges go", () => {
  const old = keys(["a", "b", "c", "d", "e"]);
  const now = keys(["ab", "c", "d", "e2"]);
  const out = remapRanges(old, now, [
    { id: "mid", fromSeq: 3, toSeq: 4 },
    { id: "head", fromSeq: null, toSeq: 3 },
    { id: "tail", fromSeq: 4, toSeq: null },
    { id: "gone", fromSeq: 1, toSeq: 2 },
    { id: "dangling", fromSeq: 2, toSeq: 9 },
    { id: "reversed", fromSeq: 4, toSeq: 3 }, // refs put in the other order by a merge
  ]);
  assert.deepEqual(Object.fromEntries(out), {
    mid: { fromSeq: 2, toSeq: 3 },
    head: { fromSeq: null, toSeq: 2 },
    tail: { fromSeq: 3, toSeq: null },
    gone: null,
    dangling: null,
    reversed: { fromSeq: 2, toSeq: 3 },
  });
});

Deno.test("remapRanges: a range unchanged in place keeps its refs", () => {
  const old = keys(["a", "b", "c"], [1, 2, 3]);
  const out = remapRanges(old, keys(["a", "b", "z"]), [{ id: "s", fromSeq: 1, toSeq: 2 }]);
  assert.deepEqual(out.get("s"), { fromSeq: 1, toSeq: 2 });
});
