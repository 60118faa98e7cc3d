import assert from "node:assert/strict";
import { Unplaced } from "./unplaced.ts";

Deno.test("unplaced: samples in line order, the first 20 lines kept, texts cut at 200", () => {
  const u = new Unplaced();
  u.add(9, "late");
  u.add(6, "x".repeat(300)); // a demoted header, counted after line 9
  assert.deepEqual(u.samples.map((s) => s.line), [6, 9]);
  assert.equal(u.samples[0].text.length, 200);
  for (let line = 40; line > 10; line--) u.add(line, "l");
  assert.equal(u.count, 32);
  assert.deepEqual(u.samples.map((s) => s.line), [
    6,
    9,
    ...Array.from({ length: 18 }, (_, i) => 11 + i),
  ]);
  u.add(100, "beyond the samples");
  assert.deepEqual([u.count, u.samples.length, u.last], [33, 20, 100]);
});
