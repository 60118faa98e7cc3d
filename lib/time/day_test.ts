import assert from "node:assert/strict";
import { isWallClock, nextDay, startOfDay } from "./day.ts";

Deno.test("startOfDay: midnight in the reader's zone, DST gaps at midnight included", () => {
  assert.equal(startOfDay("2024-03-10", "Asia/Tokyo"), "2024-03-09T15:00:00.000Z");
  assert.equal(startOfDay("2024-03-10", "America/New_York"), "2024-03-10T05:00:00.000Z");
  assert.equal(startOfDay("2024-07-01", "Europe/Berlin"), "2024-06-30T22:00:00.000Z");
  assert.equal(startOfDay("2024-07-01", "UTC"), "2024-07-01T00:00:00.000Z");
  // Santiago skips 00:00–00:59 on 2024-09-08: the day starts when the clocks jump (04:00Z).
  assert.equal(startOfDay("2024-09-08", "America/Santiago"), "2024-09-08T04:00:00.000Z");
  assert.throws(() => startOfDay("2024-13-99", "UTC"), /expected YYYY-MM-DD/);
  assert.equal(nextDay("2024-02-29"), "2024-03-01");
});

Deno.test("isWallClock: real wall clocks only", () => {
  assert.equal(isWallClock("2024-02-29T23:59:59"), true);
  for (
    const s of ["2023-02-29T10:00:00", "2024-01-01T24:00:00", "2024-01-01T10:60:00", "2024-01-01"]
  ) {
    assert.equal(isWallClock(s), false, s);
  }
});
