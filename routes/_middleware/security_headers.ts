import { setResponseHeader } from "./set_header.ts";
import { createMiddleware } from "hono/factory";

/**
 * The Content-Security-Policy of every response: scripts, styles, fonts and connections only
 * from our own origin (no inline script or style, no CDN), images and media also from blob:
 * URLs, nothing may frame us, no plugins, forms post only to us.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const HEADERS: [string, string][] = [
  ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
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
 */
export function securityHeaders() {
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
