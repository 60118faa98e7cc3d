import assert from "node:assert/strict";
import { imageSize } from "image-size";
import { HEAD_BYTES, imageDimensions, measureWhileStreaming } from "./image_dimensions.ts";
import { jpegHeader, pngHeader } from "../tests/helpers/image_headers.ts";

Deno.test("image dimensions: a PNG's IHDR gives its width and height", () => {
  assert.deepEqual(imageDimensions(pngHeader(600, 900)), { width: 600, height: 900 });
  assert.deepEqual(imageDimensions(pngHeader(1280, 720)), { width: 1280, height: 720 });
});

Deno.test("image dimensions: a JPEG's EXIF orientation 5-8 swaps its sides (a phone held upright)", () => {
  // Stored landscape, as the sensor reads it; shown turned a quarter, portrait.
  assert.deepEqual(imageDimensions(jpegHeader(4032, 3024, { orientation: 6 })), {
    width: 3024,
    height: 4032,
  });
  assert.deepEqual(imageDimensions(jpegHeader(4032, 3024, { orientation: 8 })), {
    width: 3024,
    height: 4032,
  });
  // Upright (1) or upside down (3): as stored.
  for (const orientation of [1, 3]) {
    assert.deepEqual(imageDimensions(jpegHeader(4032, 3024, { orientation })), {
      width: 4032,
      height: 3024,
    });
  }
  assert.deepEqual(imageDimensions(jpegHeader(800, 600)), { width: 800, height: 600 });
});

Deno.test("image dimensions: GIF and WebP headers", () => {
  const gif = new Uint8Array(13);
  gif.set(new TextEncoder().encode("GIF89a"));
  new DataView(gif.buffer).setUint16(6, 320, true);
  new DataView(gif.buffer).setUint16(8, 200, true);
  assert.deepEqual(imageDimensions(gif), { width: 320, height: 200 });
  // A lossless WebP (VP8L): 14-bit width-1 and height-1 after the signature byte 0x2f.
  const webp = new Uint8Array(30);
  webp.set(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8L"));
  const w = 511, h = 255, bits = w | (h << 14);
  webp.set(
    [0, 0, 0, 0, 0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, bits >>> 24],
    16,
  );
  assert.deepEqual(imageDimensions(webp), { width: 512, height: 256 });
});

Deno.test("image dimensions: damaged, cut short or unknown bytes give null, never an error", () => {
  assert.equal(imageDimensions(new Uint8Array()), null);
  assert.equal(imageDimensions(new Uint8Array([1, 2, 3])), null);
  assert.equal(imageDimensions(new TextEncoder().encode("%PDF-1.4\n1 0 obj")), null);
  // A JPEG cut before its frame header, and one whose segment runs past the bytes.
  assert.equal(imageDimensions(jpegHeader(800, 600, { orientation: 6 }).subarray(0, 20)), null);
  assert.equal(imageDimensions(Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0, 0])), null);
  // A PNG signature with a zero-sized IHDR; an SVG (a picture image-size reads, not one we draw).
  assert.equal(imageDimensions(pngHeader(0, 0)), null);
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"></svg>';
  assert.equal(imageDimensions(new TextEncoder().encode(svg)), null);
});

Deno.test("image dimensions: read while streaming, only the first bytes kept", async () => {
  // An EXIF-rotated JPEG whose frame header comes after 60 KB of APP2 data, then 2 MiB more.
  const head = jpegHeader(4000, 3000, { orientation: 6, pad: 60_000 });
  const file = new Uint8Array(head.length + 2 * 1024 * 1024);
  file.set(head);
  const chunks = Array.from(
    { length: Math.ceil(file.length / 65536) },
    (_, i) => file.subarray(i * 65536, (i + 1) * 65536),
  );
  const measured = measureWhileStreaming(ReadableStream.from(chunks), "image/jpeg");
  assert.equal(measured.dimensions(), null, "not before the stream was read");
  const passed = new Uint8Array(await new Response(measured.body).arrayBuffer());
  assert.equal(passed.length, file.length);
  assert.deepEqual(passed.subarray(0, 100), file.subarray(0, 100));
  assert.deepEqual(measured.dimensions(), { width: 3000, height: 4000 });
  assert.ok(HEAD_BYTES < file.length);

  // Not a picture the reader draws: passed on untouched, nothing kept.
  const pdf = measureWhileStreaming(ReadableStream.from([pngHeader(10, 10)]), "application/pdf");
  await new Response(pdf.body).arrayBuffer();
  assert.equal(pdf.dimensions(), null);
  // A picture whose bytes say nothing: null, and the stream still ends well.
  const junk = measureWhileStreaming(ReadableStream.from([new Uint8Array(10)]), "image/png");
  assert.equal((await new Response(junk.body).arrayBuffer()).byteLength, 10);
  assert.equal(junk.dimensions(), null);
});

Deno.test("image dimensions: only the parsers of JPEG, PNG, GIF and WebP read an upload's bytes", () => {
  // Heads crafted for image-size's SVG parser (its root pattern is tried from each `<svg `
  // before an unclosed quote, to the end of the 512 KiB): ~0.2 s of CPU each when it ran, for
  // any file of an archive named .jpg, and for one that starts as a WebP but is not one.
  const crafted = (prefix: string) => {
    const text = prefix + "<svg ".repeat(190) + "'<svg a>";
    return new TextEncoder().encode(text + "z".repeat(HEAD_BYTES - text.length));
  };
  for (const head of [crafted(""), crafted("RIFF\0\0\0\0WEBPxxxx")]) {
    assert.equal(imageDimensions(head), null);
  }
  // The mechanism, not its timing: image-size itself no longer reads an SVG (or any format but
  // ours) once lib/image_dimensions.ts is loaded, as it would this one's 10 × 20.
  const svg = new TextEncoder().encode(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"></svg>',
  );
  assert.throws(() => imageSize(svg));
});
