import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { localPath } from "./index.tsx";
import { page, seedChat } from "./_test_chat.ts";

const titles = (html: string) =>
  [...html.matchAll(/<h3><a href="[^"]+"><bdi>([^<]+)<\/bdi><\/a><\/h3>/g)].map((m) => m[1]);

Deno.test("library: cards with participants, size, dates and the last message; sortable; own chats only", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app), eve = await signUp(t.app);
    const small = await seedChat(t, u.userId, {
      title: "Zoë <3",
      messages: [
        { date: "2024-05-01T10:00:00", author: "Zoë", text: "hello" },
        { date: "2024-05-02T11:00:00", author: "Ann", text: "see <b>you</b>\n\n*soon*" },
      ],
    });
    const big = await seedChat(t, u.userId, {
      title: "Book club",
      messages: [
        { date: "2023-01-01T10:00:00", author: "Ann", text: "a" },
        { date: "2023-01-01T10:01:00", author: "Bob", text: "b" },
        {
          date: "2023-02-03T10:02:00",
          author: "Cy",
          kind: "media",
          attachment: "IMG-1.jpg",
          text: "",
        },
      ],
    });
    await seedChat(t, eve.userId, {
      title: "Eve's secret",
      messages: [{ date: "2025-01-01T00:00:00", text: "x" }],
    });

    const html = await page(t, "/", u.headers);
    assert.deepEqual(titles(html), ["Zoë &lt;3", "Book club"]);
    assert.ok(!html.includes("Eve"));
    assert.ok(html.includes(
      `<h3><a href="/c/${small}#end"><bdi>Zoë &lt;3</bdi></a></h3><p class="muted participants"><bdi>Ann</bdi>, <bdi>Zoë</bdi></p>` +
        '<p class="muted stats"><span class="count">2 messages</span> · <time datetime="2024-05-01T10:00:00">May 1, 2024</time> – ' +
        '<time datetime="2024-05-02T11:00:00">May 2, 2024</time></p>' +
        '<p class="last-message"><span class="who"><bdi>Ann</bdi>:</span> <span class="snippet" dir="auto">see &lt;b>you&lt;/b> *soon*</span> ' +
        '<time class="muted" datetime="2024-05-02T11:00:00">May 2, 2024</time></p>',
    ));
    assert.ok(html.includes(`<a href="/c/${big}#end"><bdi>Book club</bdi></a>`));
    assert.ok(
      html.includes(
        '<span class="who"><bdi>Cy</bdi>:</span> <span class="snippet" dir="auto">📎 Media</span>',
      ),
    );
    assert.ok(html.includes('<a href="/?sort=recent" class="chip" aria-current="true">Recent</a>'));

    assert.deepEqual(titles(await page(t, "/?sort=title", u.headers)), ["Book club", "Zoë &lt;3"]);
    assert.deepEqual(titles(await page(t, "/?sort=size", u.headers)), ["Book club", "Zoë &lt;3"]);
    assert.deepEqual(titles(await page(t, "/?sort=recent", u.headers)), ["Zoë &lt;3", "Book club"]);
    await page(t, "/?sort=nope", u.headers, 400);
    // The upload form stays.
    assert.match(html, /<form method="post" action="\/imports" enctype="multipart\/form-data"/);
  } finally {
    await t.close();
  }
});

Deno.test("library: imports not done are listed with their status in words, live when JS runs", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const upload = async (name: string, body: string) => {
      const res = await t.app.request(`/api/imports?filename=${encodeURIComponent(name)}`, {
        method: "POST",
        headers: { ...u.headers, "content-type": "text/plain" },
        body,
      });
      assert.equal(res.status, 202);
      return (await res.json()).id as string;
    };
    // No worker here: uploads stay queued until the rows say otherwise.
    const queued = await upload("WhatsApp Chat with Ann.txt", "01/02/2024, 10:00 - Ann: hi\n");
    const reading = await upload("WhatsApp Chat with Bob.txt", "01/02/2024, 10:00 - Bob: hi\n");
    const bad = await upload("notes.txt", "shopping list\n");
    const done = await upload("done.txt", "01/02/2024, 10:00 - Cy: hi\n");
    await t.db.sql`update imports set status = 'processing', progress = 0.4 where id = ${reading}`;
    await t.db.sql`update imports set status = 'failed', error = 'not a WhatsApp chat'
      where id = ${bad}`;
    await t.db.sql`update imports set status = 'done', progress = 1 where id = ${done}`;

    const html = await page(t, "/", u.headers);
    assert.ok(
      html.includes(
        `<li data-status="queued"><a href="/imports/${queued}" dir="auto">` +
          "WhatsApp Chat with Ann.txt</a> — Waiting for a worker…</li>",
      ),
    );
    assert.ok(html.includes(
      `<li data-status="processing"><a href="/imports/${reading}" dir="auto">` +
        "WhatsApp Chat with Bob.txt</a> — Reading your chat… 40% " +
        '<progress class="import-progress" max="1" value="0.4" aria-hidden="true"></progress></li>',
    ));
    assert.ok(html.includes(
      `<li data-status="failed"><a href="/imports/${bad}" dir="auto">notes.txt</a> — ` +
        'Import failed<span class="error">: not a WhatsApp chat</span> ' +
        `<form method="post" action="/imports/${bad}/delete" class="inline delete-import">`,
    ));
    assert.doesNotMatch(html, /— (queued|processing|failed)\b/, "no raw statuses");
    assert.ok(!html.includes("done.txt"), "a done import is its chat's card, not listed");
    // The list is the island's server rendering: the browser follows the same imports, and
    // announces their end in a polite live region (empty until then).
    const mark = html.match(/<div data-island="import_list" data-props="([^"]+)">/);
    assert.ok(mark, "the list is an island");
    const props = JSON.parse(mark[1].replaceAll("&quot;", '"'));
    assert.deepEqual(
      props.imports.map((i: { id: string }) => i.id).sort(),
      [
        queued,
        reading,
        bad,
      ].sort(),
    );
    assert.ok(html.includes('<p class="sr-only" aria-live="polite"></p>'));
  } finally {
    await t.close();
  }
});

Deno.test("theme: a cookie set by a no-JS form, rendered as data-theme", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const post = (theme: string, next: string) =>
      t.app.request("/theme", {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin" },
        body: new URLSearchParams({ theme, next }),
      });
    const dark = await post("dark", "/search?q=x");
    assert.equal(dark.status, 303);
    assert.equal(dark.headers.get("location"), "/search?q=x");
    const cookie = dark.headers.get("set-cookie") ?? "";
    assert.match(cookie, /^theme=dark; Max-Age=31536000; Path=\/; SameSite=Lax$/);
    const html = await page(t, "/", { ...u.headers, cookie: "theme=dark" });
    assert.match(
      html,
      /^<!doctype html><html lang="en" data-theme="dark"><head><meta charset="utf-8"\/>/,
    );
    assert.match(html, /<meta name="color-scheme" content="dark"\/>/);
    assert.match(
      html,
      /<button type="submit" name="theme" value="dark" class="chip" aria-pressed="true">Dark<\/button>/,
    );
    assert.match(await page(t, "/", { ...u.headers, cookie: "theme=<x>" }), /data-theme="auto"/);
    // Unknown themes fall back to auto; the return path never leaves the site.
    const odd = await post("purple", "//evil.example/x");
    assert.match(odd.headers.get("set-cookie") ?? "", /^theme=auto;/);
    assert.equal(odd.headers.get("location"), "/");
    // A cross-site form cannot set it.
    const csrf = await t.app.request("/theme", {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: new URLSearchParams({ theme: "dark", next: "/" }),
    });
    assert.equal(csrf.status, 403);
  } finally {
    await t.close();
  }
});

Deno.test("localPath: only same-site paths", () => {
  for (const ok of ["/", "/c/1?before=3", "/search?q=a%20b#x"]) assert.equal(localPath(ok), ok);
  for (
    const bad of [
      "//evil.com",
      "/\\evil.com",
      "https://evil.com",
      "javascript:alert(1)",
      "",
      "/a b",
      5,
      undefined,
    ]
  ) {
    assert.equal(localPath(bad), "/", String(bad));
  }
});

Deno.test("library: a big group's card names its six most active people and how many more", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const people = ["Ann", "Bob", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"];
    // Ann writes 8 messages, Bob 7, … Hal 1: the card lists the most active first.
    const messages = people.flatMap((author, i) =>
      Array.from({ length: people.length - i }, (_, k) => ({
        date: `2024-01-0${i + 1}T10:0${k}:00`,
        author,
        text: `hi ${k}`,
      }))
    );
    await seedChat(t, u.userId, { title: "Big group", messages });
    const html = await page(t, "/", u.headers);
    const card = /<p class="muted participants">([\s\S]*?)<\/p>/.exec(html)![1];
    assert.equal(
      card.replace(/<\/?bdi>/g, ""),
      "Ann, Bob, Cy, Di, Ed, Flo and 2 more",
    );
  } finally {
    await t.close();
  }
});
