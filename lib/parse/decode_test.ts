import assert from "node:assert/strict";
import { decodeChunks, sniff, utf16Encoding, Utf8Units } from "./decode.ts";
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

Deno.test("UTF-16 without a byte-order mark: told by its NULs, little- and big-endian", async () => {
  const text = "01/02/2020, 10:00 - Ann: hi שלום\n01/02/2020, 10:01 - Bob: ok\n";
  const units = (bigEndian: boolean) => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
      out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    }
    return out;
  };
  assert.equal(utf16Encoding(units(false)), "utf-16le");
  assert.equal(utf16Encoding(units(true)), "utf-16be");
  assert.equal(await decodeAll(units(false), 5), text);
  assert.equal(await decodeAll(units(true), 5), text);
  // A NUL here and there is no UTF-16: still binary.
  assert.equal(
    utf16Encoding(
      new Uint8Array([
        0x41,
        0x42,
        0,
        0x43,
        0x44,
        0x45,
        0x46,
        0x47,
        0x48,
        0x49,
        0x4a,
        0x4b,
        0x4c,
        0x4d,
        0x4e,
        0x4f,
        0x50,
      ]),
    ),
    null,
  );
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

Deno.test("UTF-8 units decode like one stream, valid or not, however the input is cut", async () => {
  // Seeded fragments: ASCII, 2–4-byte sequences, BOMs, lone continuation and invalid lead bytes.
  const pieces = [
    [0x41],
    [0x0a],
    [0xc3, 0xa9],
    [0xe2, 0x80, 0x8e],
    [0xef, 0xbb, 0xbf],
    [0xf0, 0x9f, 0xa4, 0x93],
    [0x80],
    [0xbf],
    [0xc0],
    [0xe0, 0x80],
    [0xf0, 0x80],
    [0xf4, 0x90],
    [0xf8],
    [0xff],
    [0xe2],
    [0xf0, 0x9f],
  ];
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    const bytes: number[] = [0x41];
    for (let k = 0; k < 40; k++) bytes.push(...pieces[rand(pieces.length)]);
    const input = new Uint8Array(bytes);
    const expected = new TextDecoder().decode(input);
    for (const size of [1, 2, 3, 4, 5, 7, 4096]) {
      const units = new Utf8Units();
      let got = "";
      for (let i = 0; i < input.length; i += size) got += units.decode(input.subarray(i, i + size));
      assert.equal(got + units.end(), expected, `round ${round}, size ${size}`);
    }
    // Random cuts too, and through decodeChunks (whose units are 64 KiB: pad past one).
    const units = new Utf8Units();
    let got = "";
    for (let i = 0; i < input.length;) {
      const n = 1 + rand(6);
      got += units.decode(input.subarray(i, i + n));
      i += n;
    }
    assert.equal(got + units.end(), expected, `round ${round}, random cuts`);
  }
  const padded = new Uint8Array(65536 * 2 + 50).fill(0x41);
  padded.set([0xf0, 0x9f, 0xa4, 0x93, 0xe2, 0x80], 65534);
  padded.set([0xe2, 0x80, 0x8e], 65536 * 2 - 1);
  assert.equal(await decodeAll(padded, 4096), new TextDecoder().decode(padded));
  assert.equal(await decodeAll(padded, 65537), new TextDecoder().decode(padded));
});

Deno.test("a U+FEFF inside the text is kept (only the one at the start is dropped)", async () => {
  const text = "01/02/2020, 10:00 - Ann: a\n" + "\uFEFFb".repeat(30000) + "\n";
  const bytes = new TextEncoder().encode("\uFEFF" + text);
  for (const size of [65536, 65537, 200000]) assert.equal(await decodeAll(bytes, size), text);
});
