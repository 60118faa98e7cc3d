import { setResponseHeader } from "./set_header.ts";
import { createMiddleware } from "hono/factory";
import type { Config } from "../../lib/config.ts";

/**
 * The Content-Security-Policy of every response: scripts, styles, fonts and connections only
 * from our own origin (no inline script or style, no CDN), images and media also from blob:
 * URLs, nothing may frame us, no plugins, forms post only to us. `connectOrigins` are the only
 * other origins scripts may talk to: the bucket that presigned upload URLs point at.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    ["connect-src 'self'", ...connectOrigins].join(" "),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy with no other origin (no direct uploads). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * The origin browsers upload to with presigned URLs: the public endpoint (or the endpoint) of
 * an S3-compatible store, else AWS's virtual-hosted bucket origin (path-style: the regional one).
 */
export function uploadOrigin(s3: NonNullable<Config["s3"]> | null): string | null {
  if (!s3) return null;
  const endpoint = s3.publicEndpoint ?? s3.endpoint;
  if (endpoint) return new URL(endpoint).origin;
  return s3.forcePathStyle
    ? `https://s3.${s3.region}.amazonaws.com`
    : `https://${s3.bucket}.s3.${s3.region}.amazonaws.com`;
}

const OTHER_HEADERS: [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "same-origin"],
  ["X-Frame-Options", "DENY"],
  [
    "Permissions-Policy",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  ],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  // Our media and API answers are for our own pages: other sites may not embed them.
  ["Cross-Origin-Resource-Policy", "same-origin"],
];

const HSTS: [string, string] = ["Strict-Transport-Security", "max-age=31536000"];

/**
 * Sets the security headers on every response (pages, API, media, errors, static files),
 * plus HSTS when the request came over HTTPS (directly or per X-Forwarded-Proto).
 * `connectOrigins` are added to the CSP's connect-src (see {@link uploadOrigin}).
 */
export function securityHeaders(options: { connectOrigins?: readonly string[] } = {}) {
  const HEADERS: [string, string][] = [
    ["Content-Security-Policy", contentSecurityPolicy(options.connectOrigins)],
    ...OTHER_HEADERS,
  ];
  return createMiddleware(async function securityHeaders(c, next) {
    await next();
    const https = c.req.header("x-forwarded-proto") === "https" ||
      new URL(c.req.url).protocol === "https:";
    const add = https ? [...HEADERS, HSTS] : HEADERS;
    for (const [name, value] of add) {
      if (!c.res.headers.has(name)) setResponseHeader(c, name, value);
    }
  });
}

const INLINE = /^(image\/(jpeg|png|gif|webp|avif)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;
const DOWNLOAD = /^(image\/heic|application\/pdf|text\/plain|text\/vcard)$/;

/**
 * Headers of an uploaded file: its real type when that is a plain image, audio or video type
 * (shown inline) or a known harmless document (downloaded); anything else — HTML, SVG, XML,
 * scripts, unknown — is an `application/octet-stream` attachment, so nothing uploaded can
 * render as a page of ours. nosniff and a sandboxing CSP keep browsers from second-guessing.
 */
export function mediaHeaders(contentType: string, name: string): Record<string, string> {
  const type = contentType.split(";")[0].trim().toLowerCase();
  const inline = INLINE.test(type);
  return {
    "Content-Type": inline || DOWNLOAD.test(type) ? contentType : "application/octet-stream",
    "Content-Disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${
      encodeURIComponent(name)
    }`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
  };
}
