import { encodeBase64 } from "./base64.ts";

/**
 * The embedded mode's signing secret: generated once and kept in `<dataDir>/jwt-secret`
 * (mode 0600) so sessions survive restarts. Deployments set JWT_SECRET instead.
 */
export async function localSecret(dataDir: string): Promise<string[]> {
  const path = `${dataDir}/jwt-secret`;
  try {
    return [(await Deno.readTextFile(path)).trim()];
  } catch {
    const secret = encodeBase64(crypto.getRandomValues(new Uint8Array(48)));
    await Deno.mkdir(dataDir, { recursive: true });
    await Deno.writeTextFile(path, secret, { mode: 0o600 });
    return [secret];
  }
}
