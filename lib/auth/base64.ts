/** Standard base64 of bytes (btoa over a binary string; inputs here are small). */
export function encodeBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}
