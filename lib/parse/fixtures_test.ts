// The fixture files on disk are exactly what testdata/fixtures.ts writes (no drift, no lost marks).
import assert from "node:assert/strict";
import { FIXTURES } from "./testdata/fixtures.ts";

Deno.test("fixture files match their escaped source", async () => {
  for (const [path, text] of Object.entries(FIXTURES)) {
    const bytes = await Deno.readFile(new URL(`./testdata/${path}`, import.meta.url));
    assert.deepEqual(bytes, new TextEncoder().encode(text), path);
  }
});

Deno.test("fixtures carry the invisible characters they claim", () => {
  assert.ok(FIXTURES["android_en.txt"].startsWith("\uFEFF"));
  assert.ok(FIXTURES["android_en.txt"].includes("\u202A+1 555 0100\u202C"));
  assert.ok(FIXTURES["ios_en.txt"].includes("\u200E[13/11/2025, 12:27:00\u202FPM]"));
  assert.ok(FIXTURES["ios_en.txt"].includes("\r\n"));
  assert.ok(FIXTURES["headers/h06.txt"].includes("p.\u00A0m."));
});
