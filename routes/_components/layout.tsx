import type { ComponentChildren } from "preact";

/** The HTML shell of every page: title, stylesheet, header with account controls. */
export function Layout(
  props: { title: string; signedIn?: boolean; children: ComponentChildren; wide?: boolean },
) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{props.title} · WhatsApp Reader</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <header class="topbar">
          <a class="brand" href="/">WhatsApp Reader</a>
          {props.signedIn && (
            <form method="post" action="/signout" class="inline">
              <button type="submit" class="link">Sign out</button>
            </form>
          )}
        </header>
        <main class={props.wide ? "wide" : "narrow"}>{props.children}</main>
      </body>
    </html>
  );
}
