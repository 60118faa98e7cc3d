import assert from "node:assert/strict";
import { decodeChunks, sniff } from "./decode.ts";
import { chunked } from "./testdata/helpers.ts";
import { ParseError } from "./types.ts";

async function decodeAll(bytes: Uint8Array, size: number): Promise<string> {
  let s = "";
  for await (const c of decodeChunks(chunked(bytes, size))) s += c;
  return s;
}

Deno.test("UTF-8 split anywhere decodes the same; the BOM is dropped", async () => {
  const text = "\uFEFF01/02/2020, 10:00 - Zoë 🤓: ص ✓\r\n";
  const bytes = new TextEncoder().encode(text);
  for (const size of [1, 2, 3, 5, 4096]) assert.equal(await decodeAll(bytes, size), text.slice(1));
});

Deno.test("UTF-16 with a byte-order mark (a chat re-saved as 'Unicode')", async () => {
  const text = "01/02/2020, 10:00 - Ann: hi\n";
  const le = new Uint8Array(2 + text.length * 2);
  le.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
  assert.equal(await decodeAll(le, 3), text);
});

Deno.test("empty and binary input are ParseErrors that say what was found", async () => {
  const expectError = async (bytes: Uint8Array, pattern: RegExp) => {
    await assert.rejects(() => decodeAll(bytes, 64), (e: unknown) => {
      assert.ok(e instanceof ParseError);
      assert.match(e.message, /expected/);
      assert.match(e.message, pattern);
      return true;
    });
  };
  await expectError(new Uint8Array(0), /got 0 bytes/);
  await expectError(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), /zip archive/);
  await expectError(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), /PNG image/);
  await expectError(new Uint8Array([0x41, 0x42, 0, 0x43]), /NUL byte at offset 2/);
  await expectError(
    new Uint8Array(Array.from({ length: 100 }, (_, i) => 0x80 + (i % 60))),
    /invalid UTF-8/,
  );
});

Deno.test("sniff accepts ordinary text and a few stray invalid bytes", () => {
  const bytes = new TextEncoder().encode("01/02/2020, 10:00 - Ann: caf\u00e9 ".repeat(20));
  bytes[10] = 0xff;
  assert.equal(sniff(bytes, bytes.length).encoding, "utf-8");
});
