import { Buffer } from "node:buffer";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

/** What a verified session token says. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
  expiresAt: Date;
}

/** Signs and verifies session JWTs (HS256) with rotating secrets, newest first. */
export interface TokenSigner {
  sign(claims: { userId: string; sessionId: string }, ttlSeconds: number): Promise<string>;
  /** Returns null for any token that is malformed, tampered, expired or signed by an unknown key. */
  verify(token: string): Promise<SessionClaims | null>;
  /** A URL-safe HMAC (128 bits) of `data` for `purpose`, with the newest secret (share links). */
  mac(purpose: string, data: string): string;
  /** True when `mac` is `mac(purpose, data)` under any listed secret (rotation, as for JWTs). */
  verifyMac(purpose: string, data: string, mac: string): boolean;
}

const encoder = new TextEncoder();

/** A short public id of a secret (never the secret): the `kid` header. */
function keyId(secret: string): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 12);
}

/**
 * Creates a signer. The first secret signs; every secret verifies, chosen by the `kid`
 * header, so a secret can be rotated by prepending a new one and dropping the old one once
 * the tokens it signed have expired. Only HS256 is accepted (`alg: none` and others fail).
 */
export function createTokenSigner(secrets: string[]): TokenSigner {
  if (secrets.length === 0) throw new Error("createTokenSigner: at least one secret is required");
  const keys = new Map<string, Uint8Array>();
  for (const s of secrets) keys.set(keyId(s), encoder.encode(s));
  const [currentKid] = keys.keys();
  const current = keys.get(currentKid)!;
  // The purpose prefix separates uses of one secret; JWT signing input never contains "\n".
  const hmac = (key: Uint8Array, purpose: string, data: string) =>
    createHmac("sha256", key).update(`wcr:${purpose}\n${data}`).digest().subarray(0, 16);
  return {
    mac: (purpose, data) => hmac(current, purpose, data).toString("base64url"),
    verifyMac(purpose, data, mac) {
      const given = Buffer.from(mac, "base64url");
      if (given.length !== 16 || given.toString("base64url") !== mac) return false;
      for (const key of keys.values()) {
        if (timingSafeEqual(hmac(key, purpose, data), given)) return true;
      }
      return false;
    },
    sign: ({ userId, sessionId }, ttlSeconds) =>
      new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: "HS256", kid: currentKid })
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(current),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(
          token,
          (header) => {
            const key = header.kid ? keys.get(header.kid) : undefined;
            if (!key) throw new Error("unknown key id");
            return key;
          },
          { algorithms: ["HS256"] },
        );
        if (typeof payload.sub !== "string" || typeof payload.sid !== "string" || !payload.exp) {
          return null;
        }
        return {
          userId: payload.sub,
          sessionId: payload.sid,
          expiresAt: new Date(payload.exp * 1000),
        };
      } catch {
        return null;
      }
    },
  };
}
