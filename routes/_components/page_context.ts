import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createContext } from "preact";

/** Colour themes: `auto` follows `prefers-color-scheme`. */
export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = typeof THEMES[number];

/** Name of the (non-secret, JS-readable) cookie holding the chosen theme. */
export const THEME_COOKIE = "theme";

/** Per-request values every page component may read (the layout's theme toggle needs both). */
export interface PageContext {
  theme: Theme;
  /** Path and query of the page being rendered: where the theme form returns to. */
  path: string;
}

/** Provided by `render()`; the default serves components rendered outside a request (tests). */
export const PageCtx = createContext<PageContext>({ theme: "auto", path: "/" });

/** The theme from the request's cookie, `auto` when unset or unknown. */
export function themeOf(c: Context): Theme {
  const value = getCookie(c, THEME_COOKIE);
  return (THEMES as readonly string[]).includes(value ?? "") ? value as Theme : "auto";
}

/** The request's path and query, for links back to the same page. */
export function pathOf(c: Context): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}
