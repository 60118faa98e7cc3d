import assert from "node:assert/strict";
import { isUuid } from "./uuid.ts";

Deno.test("isUuid: 8-4-4-4-12 hex digits, either case", () => {
  assert.equal(isUuid(crypto.randomUUID()), true);
  assert.equal(isUuid(crypto.randomUUID().toUpperCase()), true);
  for (const s of ["-".repeat(36), "nope", `${crypto.randomUUID()}x`, ""]) {
    assert.equal(isUuid(s), false, s);
  }
});
