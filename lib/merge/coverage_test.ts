import assert from "node:assert/strict";
import { coverageRanges } from "./coverage.ts";

const src = (first: string, last: string) => ({
  firstDate: `${first}T09:00:00`,
  lastDate: `${last}T18:00:00`,
});

Deno.test("coverageRanges: span and the whole days no export covers", () => {
  assert.deepEqual(
    coverageRanges([src("2024-01-09", "2024-01-12"), src("2024-01-01", "2024-01-05")]),
    {
      span: { first: "2024-01-01", last: "2024-01-12" },
      gaps: [{ first: "2024-01-06", last: "2024-01-08" }],
    },
  );
  // Adjacent days, overlaps and a contained export leave no gap.
  assert.deepEqual(
    coverageRanges([
      src("2024-01-01", "2024-01-10"),
      src("2024-01-11", "2024-01-20"),
      src("2024-01-03", "2024-01-04"),
    ]).gaps,
    [],
  );
  // One missing day is a gap; an export without messages is ignored.
  assert.deepEqual(
    coverageRanges([src("2024-01-01", "2024-01-01"), src("2024-01-03", "2024-01-03"), {
      firstDate: null,
      lastDate: null,
    }]),
    {
      span: { first: "2024-01-01", last: "2024-01-03" },
      gaps: [{ first: "2024-01-02", last: "2024-01-02" }],
    },
  );
  assert.deepEqual(coverageRanges([]), { span: null, gaps: [] });
});
