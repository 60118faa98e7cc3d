import type { Context } from "hono";

/**
 * Sets a header on the response after `await next()`. `c.header()` at that point rebuilds the
 * whole Response each call (measured: 1–3 ms of CPU per 50 KB page per middleware); setting it
 * in place does not. Responses with immutable headers fall back to `c.header()`.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
