import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../../lib/errors.ts";
import type { AppEnv } from "./env.ts";
import { themeOf } from "../_components/page_context.ts";

/** `/api` and below (not `/apiary`). */
const isApi = (c: Context) => /^\/api(\/|$)/.test(c.req.path);

/** The JSON error body every API error uses. */
export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { ...details, code, message } };
}

/** Turns any thrown error into a response: JSON under /api, a small page elsewhere. */
export function onError(err: Error, c: Context<AppEnv>) {
  let status = 500, code = "internal", message = "internal error";
  let details: Record<string, unknown> | undefined;
  if (err instanceof AppError) {
    ({ status, code, message, details } = err);
  } else if (err instanceof HTTPException) {
    status = err.status;
    code = status === 413 ? "too_large" : "http_error";
    message = err.message || "request rejected";
  } else {
    c.var.logger?.error("unhandled error", { error: err.message, stack: err.stack });
  }
  if (status >= 500) c.header("Cache-Control", "no-store");
  if (isApi(c)) return c.json(errorBody(code, message, details), status as 400);
  return c.html(
    `<!doctype html><html lang="en" data-theme="${themeOf(c)}"><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>Error</title><link rel="stylesheet" href="/static/app.css">` +
      `<main class="narrow"><h1>${status}</h1><p>${
        escapeHtml(asSentence(message))
      }</p><p><a href="/">Back to your chats</a></p></main>`,
    status as 400,
  );
}

/** Unknown routes: 404 in JSON under /api. */
export function onNotFound(c: Context<AppEnv>) {
  return onError(new AppError(404, "not_found", `no route for ${c.req.method} ${c.req.path}`), c);
}

/**
 * An error's message as the error page's sentence: capitalised and ended, "conversation not
 * found" → "Conversation not found.". The JSON keeps the message as written (clients may match
 * it). A message naming a field first ("days: must be …") keeps the field's name as it is.
 */
export function asSentence(message: string): string {
  const field = /^[\w.[\]]+: /.test(message);
  const start = field ? message : message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?…]$/.test(start) ? start : `${start}.`;
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
