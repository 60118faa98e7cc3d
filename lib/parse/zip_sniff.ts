/**
 * Telling a zip from a chat text by its first bytes, in a module of its own: the CLI checks this
 * before it loads the zip reader (zip.ts pulls in @zip.js/zip.js, ~0.1 s of start-up).
 *
 * @module
 */

/**
 * True when the first bytes are a zip signature (`PK\x03\x04`, or `PK\x05\x06` for an empty
 * archive), so callers tell a .zip from a .txt by content, not by name.
 *
 * @example
 * ```ts
 * sniffZip(new Uint8Array([0x50, 0x4b, 3, 4])); // true
 * ```
 */
export function sniffZip(firstBytes: Uint8Array): boolean {
  return firstBytes.length >= 4 && firstBytes[0] === 0x50 && firstBytes[1] === 0x4b &&
    ((firstBytes[2] === 3 && firstBytes[3] === 4) || (firstBytes[2] === 5 && firstBytes[3] === 6));
}
