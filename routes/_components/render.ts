import type { Context } from "hono";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** Renders a page component to a full HTML response. */
export function render(c: Context, page: VNode, status: 200 | 400 | 401 | 404 | 409 = 200) {
  return c.html("<!doctype html>" + renderToString(page), status);
}
