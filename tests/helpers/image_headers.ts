/**
 * Pictures' first bytes made in code, for the tests of their sizes (lib/image_dimensions.ts):
 * what `image-size` reads, not decodable pictures (for those, see browser.ts' `landscapePng` and
 * media_kinds.ts' `canvasImage`, which {@link withOrientation} turns into a phone's upright photo).
 *
 * @module
 */

/** A PNG's signature and IHDR chunk: all `image-size` reads (the CRC is not checked). */
export function pngHeader(width: number, height: number): Uint8Array {
  const out = new Uint8Array(33);
  out.set([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]);
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  out.set([8, 2, 0, 0, 0], 24);
  return out;
}

const u16be = (n: number) => [n >> 8, n & 0xff];
const u16le = (n: number) => [n & 0xff, n >> 8];
const u32le = (n: number) => [...u16le(n & 0xffff), ...u16le(n >>> 16)];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
/** A JPEG marker segment: 0xFF, the marker, its length (2 + data), the data. */
const segment = (marker: number, data: number[]) => [
  0xff,
  marker,
  ...u16be(data.length + 2),
  ...data,
];

/**
 * An APP1 EXIF segment saying only the picture's orientation (little-endian TIFF header, one
 * IFD entry: tag 0x0112, SHORT, count 1; no next IFD).
 */
function exifOrientation(orientation: number): number[] {
  const tiff = [...ascii("II"), ...u16le(42), ...u32le(8), ...u16le(1)];
  tiff.push(...u16le(0x0112), ...u16le(3), ...u32le(1), ...u32le(orientation), ...u32le(0));
  return segment(0xe1, [...ascii("Exif\0\0"), ...tiff]);
}

/**
 * The start of a JPEG as a camera writes it: SOI; an APP1 EXIF segment with `orientation` when
 * given, else an APP0 JFIF one; `pad` bytes of an APP2 segment (an ICC profile's place) when
 * set; then the SOF0 frame header with the stored (sensor) width and height.
 */
export function jpegHeader(
  width: number,
  height: number,
  options: { orientation?: number; pad?: number } = {},
): Uint8Array {
  const bytes: number[] = [0xff, 0xd8];
  bytes.push(
    ...(options.orientation !== undefined
      ? exifOrientation(options.orientation)
      : segment(0xe0, [...ascii("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0])),
  );
  if (options.pad) bytes.push(...segment(0xe2, new Array(options.pad).fill(0)));
  // 8-bit, height, width, 3 components (id, sampling, table).
  const frame = [8, ...u16be(height), ...u16be(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  bytes.push(...segment(0xc0, frame));
  return Uint8Array.from(bytes);
}

/**
 * A whole JPEG (a canvas' one, say) with an EXIF orientation put in after its SOI: with 6, a
 * browser draws it turned a quarter clockwise, as a photo taken with the phone upright.
 */
export function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new TypeError("expected a JPEG (FF D8)");
  const exif = exifOrientation(orientation);
  const out = new Uint8Array(jpeg.length + exif.length);
  out.set(jpeg.subarray(0, 2));
  out.set(exif, 2);
  out.set(jpeg.subarray(2), 2 + exif.length);
  return out;
}
