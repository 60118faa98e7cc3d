import assert from "node:assert/strict";
import { instantConverter, resolveWallClock } from "./zone.ts";
import { formatInZone } from "./format.ts";
import { offsetAt, offsetSuffix } from "./offset.ts";

const utc = (iso: string) => new Date(iso).toISOString();

Deno.test("offsetAt follows the IANA rules of a zone with DST", () => {
  assert.equal(offsetAt("Europe/Berlin", Date.UTC(2024, 0, 15)), 3600);
  assert.equal(offsetAt("Europe/Berlin", Date.UTC(2024, 6, 15)), 7200);
  assert.equal(offsetAt("America/New_York", Date.UTC(2024, 0, 15)), -5 * 3600);
  assert.equal(offsetAt("Asia/Kolkata", Date.UTC(2024, 6, 15)), 5.5 * 3600);
  assert.equal(offsetSuffix(-5 * 3600), "-05:00");
  assert.equal(offsetSuffix(5.5 * 3600), "+05:30");
  assert.equal(offsetSuffix(1172), "+00:19:32");
});

Deno.test("Berlin spring gap: a wall clock that never happened is shifted forward", () => {
  assert.deepEqual(resolveWallClock("Europe/Berlin", "2024-03-31T02:30:00"), {
    kind: "gap",
    before: 3600,
    after: 7200,
  });
  const at = instantConverter("Europe/Berlin");
  assert.equal(at("2024-03-31T01:59:00"), "2024-03-31T01:59:00+01:00");
  assert.equal(at("2024-03-31T02:00:00"), "2024-03-31T03:00:00+02:00");
  assert.equal(at("2024-03-31T02:30:00"), "2024-03-31T03:30:00+02:00");
  assert.equal(at("2024-03-31T03:00:00"), "2024-03-31T03:00:00+02:00");
  // The same instant as JavaScript's Date ("compatible") gives for the same wall clock.
  assert.equal(utc(at("2024-03-31T02:30:00")), "2024-03-31T01:30:00.000Z");
});

Deno.test("Berlin autumn fold: file order picks the earlier, then the later offset", () => {
  assert.deepEqual(resolveWallClock("Europe/Berlin", "2024-10-27T02:30:00"), {
    kind: "fold",
    earlier: 7200,
    later: 3600,
  });
  const at = instantConverter("Europe/Berlin");
  const file = [
    "2024-10-27T01:55:00",
    "2024-10-27T02:10:00", // first pass (CEST)
    "2024-10-27T02:50:00",
    "2024-10-27T02:10:00", // went backwards: second pass (CET)
    "2024-10-27T02:55:00",
    "2024-10-27T03:05:00",
  ].map(at);
  assert.deepEqual(file, [
    "2024-10-27T01:55:00+02:00",
    "2024-10-27T02:10:00+02:00",
    "2024-10-27T02:50:00+02:00",
    "2024-10-27T02:10:00+01:00",
    "2024-10-27T02:55:00+01:00",
    "2024-10-27T03:05:00+01:00",
  ]);
  // Instants are strictly increasing across the fold.
  const ms = file.map((s) => new Date(s).getTime());
  assert.ok(ms.every((t, i) => i === 0 || t > ms[i - 1]));
  // A new converter (another export) starts again in the first pass.
  assert.equal(instantConverter("Europe/Berlin")("2024-10-27T02:10:00"), file[1]);
});

Deno.test("a fold whose file only has the first pass stays in the earlier offset", () => {
  const at = instantConverter("Europe/Berlin");
  assert.equal(at("2024-10-27T02:10:00"), "2024-10-27T02:10:00+02:00");
  assert.equal(at("2024-10-27T02:40:00"), "2024-10-27T02:40:00+02:00");
  assert.equal(at("2024-10-27T04:00:00"), "2024-10-27T04:00:00+01:00");
});

Deno.test("America/New_York: both changes of 2024", () => {
  const at = instantConverter("America/New_York");
  assert.equal(at("2024-01-10T09:00:00"), "2024-01-10T09:00:00-05:00");
  assert.equal(at("2024-03-10T02:15:00"), "2024-03-10T03:15:00-04:00"); // gap
  assert.equal(at("2024-07-04T20:00:00"), "2024-07-04T20:00:00-04:00");
  assert.equal(at("2024-11-03T01:30:00"), "2024-11-03T01:30:00-04:00"); // fold, first pass
  assert.equal(at("2024-11-03T01:05:00"), "2024-11-03T01:05:00-05:00"); // second pass
  assert.equal(at("2024-11-03T01:45:00"), "2024-11-03T01:45:00-05:00");
});

Deno.test("a zone without DST and UTC map every wall clock to one offset", () => {
  const kolkata = instantConverter("Asia/Kolkata");
  const tokyo = instantConverter("Asia/Tokyo");
  for (const wall of ["2024-03-31T02:30:00", "2024-10-27T02:30:00", "2024-11-03T01:30:00"]) {
    assert.equal(kolkata(wall), wall + "+05:30");
    assert.equal(tokyo(wall), wall + "+09:00");
  }
  assert.equal(instantConverter("UTC")("2024-10-27T02:30:00"), "2024-10-27T02:30:00Z");
});

Deno.test("a 30-minute DST change (Australia/Lord_Howe) is resolved per message", () => {
  const at = instantConverter("Australia/Lord_Howe");
  // 2024-04-07 02:00 (+11) back to 01:30 (+10:30): 01:30–01:59 happen twice.
  assert.equal(at("2024-04-07T01:10:00"), "2024-04-07T01:10:00+11:00");
  assert.equal(at("2024-04-07T01:40:00"), "2024-04-07T01:40:00+11:00");
  assert.equal(at("2024-04-07T01:35:00"), "2024-04-07T01:35:00+10:30");
  assert.equal(at("2024-04-07T02:10:00"), "2024-04-07T02:10:00+10:30");
});

Deno.test("round trips: wall clock → instant → wall clock in the same zone", () => {
  for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"]) {
    const at = instantConverter(zone);
    // Every 131 minutes over 2024 (crosses all changes), skipping the gaps that do not exist.
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 131 * 60_000) {
      const wall = new Date(t).toISOString().slice(0, 19);
      const r = resolveWallClock(zone, wall);
      const instant = at(wall);
      if (r.kind === "gap") {
        assert.notEqual(formatInZone(instant, zone).slice(0, 19), wall);
        continue;
      }
      assert.equal(formatInZone(instant, zone), instant, `${zone} ${wall}`);
    }
  }
});

Deno.test("instants agree with JavaScript's own local-time rules outside folds", () => {
  // Temporal/Date "compatible" picks the earlier offset in a fold, as a first pass does.
  const at = instantConverter("Europe/Berlin");
  const viaIntl = (wall: string) => {
    const r = resolveWallClock("Europe/Berlin", wall);
    const off = r.kind === "unique" ? r.offset : r.kind === "fold" ? r.earlier : r.before;
    return new Date(Date.parse(wall + "Z") - off * 1000).toISOString();
  };
  for (const wall of ["2024-03-31T02:30:00", "2024-06-01T12:00:00", "2024-12-24T18:00:00"]) {
    assert.equal(utc(at(wall)), viaIntl(wall));
  }
});
