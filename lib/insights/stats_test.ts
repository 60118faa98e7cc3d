import assert from "node:assert/strict";
import { addDays, medianOfHistogram, monthsBetween, streaks, wholeMonths } from "./stats.ts";

Deno.test("medianOfHistogram: odd, even, empty", () => {
  assert.equal(medianOfHistogram([[1, 2], [5, 1], [9, 1]]), 3);
  assert.equal(medianOfHistogram([[2, 1], [4, 1], [10, 1], [29, 1]]), 7);
  assert.equal(medianOfHistogram([[5, 2], [16, 1], [28, 1], [29, 1]]), 16);
  assert.equal(medianOfHistogram([]), null);
});

Deno.test("streaks: longest run of active days and longest silence, earliest on ties", () => {
  assert.deepEqual(
    streaks(["2024-01-01", "2024-01-02", "2024-01-06", "2024-01-07", "2024-01-11"]),
    {
      longestStreak: { from: "2024-01-01", to: "2024-01-02", days: 2 },
      longestSilence: { from: "2024-01-03", to: "2024-01-05", days: 3 },
    },
  );
  assert.deepEqual(streaks(["2024-02-28", "2024-02-29", "2024-03-01"]), {
    longestStreak: { from: "2024-02-28", to: "2024-03-01", days: 3 },
    longestSilence: null,
  });
  assert.deepEqual(streaks([]), { longestStreak: null, longestSilence: null });
});

Deno.test("wholeMonths, monthsBetween, addDays", () => {
  assert.deepEqual(wholeMonths("2024-01-15", "2024-03-31"), {
    from: "2024-02-01",
    to: "2024-04-01",
  });
  assert.deepEqual(wholeMonths("2024-01-01", "2024-01-31"), {
    from: "2024-01-01",
    to: "2024-02-01",
  });
  assert.deepEqual(wholeMonths("2024-01-02", "2024-01-10"), {
    from: "2024-02-01",
    to: "2024-01-01",
  });
  assert.deepEqual(wholeMonths(null, "2024-02-28"), { from: "-infinity", to: "2024-02-01" });
  assert.deepEqual(wholeMonths("2023-12-01", null), { from: "2023-12-01", to: "infinity" });
  assert.deepEqual(monthsBetween("2023-11-30", "2024-02-01"), [
    "2023-11",
    "2023-12",
    "2024-01",
    "2024-02",
  ]);
  assert.equal(addDays("2024-02-28", 2), "2024-03-01");
});
