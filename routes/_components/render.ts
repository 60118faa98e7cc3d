import type { Context } from "hono";
import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { PageCtx, pathOf, themeOf } from "./page_context.ts";
import { IslandAssets } from "./island.tsx";

/** Renders a page component to a full HTML response, with the request's theme and path. */
export function render(c: Context, page: VNode, status: 200 | 400 | 401 | 404 | 409 = 200) {
  const tree = h(PageCtx.Provider, { value: { theme: themeOf(c), path: pathOf(c) } }, page);
  // The island scripts of the build createApp read (c.var.islands; none before a build).
  const withIslands = h(IslandAssets.Provider, { value: c.var?.islands ?? null }, tree);
  return c.html("<!doctype html>" + renderToString(withIslands), status);
}
