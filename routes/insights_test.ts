import assert from "node:assert/strict";
import { seedChat } from "../lib/insights/fixture_test_util.ts";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { duration } from "./_components/insights_format.ts";

Deno.test("insights page: SVG charts with titles and tables, the filter form, its own CSS", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = await seedChat(t.db.sql, ann.userId);
    const res = await t.app.request(`/c/${id}/insights?author=Ann&author=Bob&gap=6`, {
      headers: ann.headers,
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("etag")!, new RegExp(`^"ins-${id}-1-[0-9a-f]{16}"$`));
    assert.equal(res.headers.get("cache-control"), "private, no-cache");
    const html = await res.text();

    assert.match(html, /<link rel="stylesheet" href="\/static\/insights.css"\/?>/);
    assert.match(html, /<h1>Insights · <span dir="auto">Friends<\/span><\/h1>/);
    assert.match(html, /26 messages · Monday, January 1, 2024 – Thursday, February 1, 2024/);

    // Every drawing is an image named by its <title>, and every chart has a table.
    const svgs = [...html.matchAll(/<svg [^>]*>/g)].map((m) => m[0]);
    assert.equal(svgs.length, 8);
    for (const svg of svgs) {
      assert.match(svg, /role="img"/);
      const id = svg.match(/aria-labelledby="([^" ]+)/)![1];
      assert.match(html, new RegExp(`<title id="${id}">[^<]+</title>`));
    }
    for (
      const id of [
        "messages",
        "words",
        "months",
        "heatmap",
        "calendar",
        "media",
        "starts",
        "replies",
      ]
    ) {
      assert.match(html, new RegExp(`<svg [^>]*aria-labelledby="svg-${id}-title`), id);
    }
    const tables = html.match(/<details class="chart-table"><summary>Table<\/summary>/g) ?? [];
    assert.equal(tables.length, 6); // messages+words, months, heatmap, calendar, media, starts+replies
    assert.match(html, /<caption>Messages and words per person<\/caption>/);
    assert.match(
      html,
      /<th scope="row"><span dir="auto">Bob<\/span><\/th><td class="num">14<\/td><td>53.8%<\/td>/,
    );
    // Heatmap table: Monday row, 09:00 holds 6 messages (Ann and Bob only: Cleo's 22:15 is out).
    assert.match(
      html,
      /<th scope="row">Mon<\/th>(<td class="num">0<\/td>){9}<td class="num">6<\/td><td class="num">1<\/td>/,
    );

    // Participant colours are the reader's slots; bars carry them.
    assert.match(html, /<g class="p4"><text class="label"[^>]*>Bob<\/text>/);
    // The monologue links open the reader at its first message.
    assert.match(
      html,
      new RegExp(`<a href="/c/${id}/m/23#m23"><time datetime="2024-01-10T12:40:00">`),
    );
    // Emoji, words and sites per person.
    assert.match(html, /<span class="term" dir="auto">👨‍👩‍👧<\/span> <span class="count">2<\/span>/);
    assert.match(html, /<span class="term" dir="auto">example.com<\/span>/);

    // The no-JS filter form keeps the filter.
    assert.match(
      html,
      new RegExp(`<form class="insights-filter card" method="get" action="/c/${id}/insights">`),
    );
    assert.match(html, /<input type="checkbox" name="author" value="Ann" checked\/?>/);
    assert.match(html, /<input type="checkbox" name="author" value="Cleo"\/?>/);
    assert.match(html, /<input type="number" name="gap" min="1" max="168" value="6" required\/?>/);

    const cached = await t.app.request(`/c/${id}/insights?author=Ann&author=Bob`, {
      headers: { ...ann.headers, "if-none-match": res.headers.get("etag")! },
    });
    assert.equal(cached.status, 304);
  } finally {
    await t.close();
  }
});

Deno.test("insights page: an empty filter says so; another user's chat is 404; no session → sign in", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = await seedChat(t.db.sql, ann.userId);
    const empty = await t.app.request(`/c/${id}/insights?from=2023-01-01&to=2023-12-31`, {
      headers: ann.headers,
    });
    assert.equal(empty.status, 200);
    const html = await empty.text();
    assert.match(html, /No messages match these filters\./);
    assert.doesNotMatch(html, /<svg/);

    const eve = await signUp(t.app);
    const peek = await t.app.request(`/c/${id}/insights`, { headers: eve.headers });
    assert.equal(peek.status, 404);
    assert.doesNotMatch(await peek.text(), /Friends/);

    const anon = await t.app.request(`/c/${id}/insights`);
    assert.equal(anon.status, 303);
    assert.equal(
      anon.headers.get("location"),
      `/signin?next=${encodeURIComponent(`/c/${id}/insights`)}`,
    );
  } finally {
    await t.close();
  }
});

Deno.test("insights page: durations read naturally", () => {
  assert.deepEqual([7, 7.5, 60, 125, 1440, 1530, 4000].map(duration), [
    "7 min",
    "7.5 min",
    "1 h",
    "2 h 5 min",
    "1 d",
    "1 d 2 h",
    "2 d 19 h",
  ]);
});
