import assert from "node:assert/strict";
import { formatInZone } from "./format.ts";
import { canonicalZone, isTimeZone, timeZoneNames } from "./names.ts";

Deno.test("formatInZone writes the zone's wall clock with its offset", () => {
  assert.equal(formatInZone("2024-10-27T00:10:00Z", "Europe/Berlin"), "2024-10-27T02:10:00+02:00");
  assert.equal(formatInZone("2024-10-27T01:10:00Z", "Europe/Berlin"), "2024-10-27T02:10:00+01:00");
  assert.equal(
    formatInZone("2024-10-27T02:10:00+01:00", "America/New_York"),
    "2024-10-26T21:10:00-04:00",
  );
  assert.equal(formatInZone(new Date("2024-01-01T00:00:00Z"), "UTC"), "2024-01-01T00:00:00+00:00");
  assert.equal(formatInZone("2024-01-01T00:00:00Z", "Asia/Kolkata"), "2024-01-01T05:30:00+05:30");
  assert.throws(() => formatInZone("yesterday", "UTC"), /expected ISO/);
});

Deno.test("isTimeZone accepts IANA names and aliases, refuses offsets and junk", () => {
  for (const z of ["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Asia/Kolkata"]) {
    assert.ok(isTimeZone(z), z);
  }
  for (const z of ["", "Mars/Olympus", "+01:00", "Europe/Berlin ", "../etc", "x".repeat(100)]) {
    assert.ok(!isTimeZone(z), z);
  }
  assert.equal(canonicalZone("europe/berlin"), "Europe/Berlin");
  assert.equal(canonicalZone("US/Eastern"), "America/New_York");
  // What a browser reports is in the list the forms offer once canonical.
  const names = new Set(timeZoneNames());
  assert.equal(timeZoneNames()[0], "UTC");
  for (const z of ["Asia/Kolkata", "Europe/Kyiv", "UTC", "Europe/Berlin"]) {
    assert.ok(names.has(canonicalZone(z)!), z);
  }
});
