import assert from "node:assert/strict";
import { ListVersion, versionOf } from "./list_version.ts";

Deno.test("list version: a page asked for before a replacement lands is dropped", () => {
  const version = new ListVersion();
  const older = version.extend();
  const jump = version.replace();
  assert.equal(older.aborted, false, "asking for a jump leaves the list as it is until it lands");
  const during = version.extend();
  assert.ok(version.land(jump));
  assert.ok(older.aborted, "asked for before the jump");
  assert.ok(during.aborted, "asked for while the jump was on its way, from the old list");
  assert.equal(older.reason.name, "AbortError");
  assert.equal(version.extend().aborted, false, "asked for after it: for the new list");
});

Deno.test("list version: of two replacements the last asked for wins", () => {
  const version = new ListVersion();
  const first = version.replace();
  const second = version.replace();
  assert.ok(first.aborted);
  assert.ok(version.land(second));
  assert.equal(version.land(first), false, "the first lands after the second: dropped");
  const extension = version.extend();
  assert.equal(version.land(first), false);
  assert.equal(extension.aborted, false, "a dropped replacement changes nothing");
});

Deno.test("list version: a redraw gives way to a replacement asked for or landed", () => {
  const version = new ListVersion();
  const redraw = version.redraw();
  version.replace();
  assert.ok(redraw.aborted, "the jump draws in the new look itself");

  const jump = version.replace();
  const during = version.redraw();
  assert.equal(during.aborted, false);
  assert.ok(version.land(jump));
  assert.ok(during.aborted, "the jump landed first");
  assert.equal(version.redraw().aborted, false);
});

Deno.test("list version: one per list", () => {
  const a = {}, b = {};
  assert.equal(versionOf(a), versionOf(a));
  assert.notEqual(versionOf(a), versionOf(b));
});
