import type { ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import ThemeToggle from "../../islands/theme_toggle.tsx";
import { Island, IslandScripts } from "./island.tsx";
import { PageCtx } from "./page_context.ts";

/**
 * The HTML shell of every page: title, stylesheet, skip link, the top bar with search, the
 * no-JS theme toggle (`data-theme` on `<html>`) and account controls.
 */
export function Layout(
  props: {
    title: string;
    signedIn?: boolean;
    children: ComponentChildren;
    wide?: boolean;
    /** A second skip link, past the page's own header (the conversation's: to its messages). */
    skipTo?: { href: string; label: string };
  },
) {
  const { theme, path } = useContext(PageCtx);
  return (
    <html lang="en" data-theme={theme}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content={theme === "auto" ? "light dark" : theme} />
        <title>{props.title} · WhatsApp Reader</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="stylesheet" href="/static/print.css" media="print" />
        <IslandScripts />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        {props.skipTo && <a class="skip" href={props.skipTo.href}>{props.skipTo.label}</a>}
        <header class="topbar">
          <a class="brand" href="/">WhatsApp Reader</a>
          <nav class="topnav" aria-label="Account and display">
            {props.signedIn && <a href="/search">Search</a>}
            {props.signedIn && <a href="/account">Account</a>}
            <Island name="theme_toggle" component={ThemeToggle} props={{ theme, next: path }} />
            {props.signedIn && (
              <form method="post" action="/signout" class="inline">
                <button type="submit" class="link">Sign out</button>
              </form>
            )}
          </nav>
        </header>
        <main id="main" class={props.wide ? "wide" : "narrow"}>{props.children}</main>
      </body>
    </html>
  );
}
