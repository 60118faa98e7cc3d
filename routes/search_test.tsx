import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { page, seedChat } from "./_test_chat.ts";

Deno.test("search page: a no-JS form; results link to the message with the match marked", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app), eve = await signUp(t.app);
    const id = await seedChat(t, ann.userId, {
      title: "Trip <2024>",
      messages: [
        {
          date: "2024-06-01T08:30:00",
          author: "Ann",
          text: "<img src=x onerror=alert(1)> Zürich trip",
        },
        { date: "2024-06-02T08:30:00", author: "Bob", text: "no match here" },
      ],
    });
    const secret = await seedChat(t, eve.userId, {
      messages: [{ date: "2024-06-01T00:00:00", text: "zurich" }],
    });

    const empty = await page(t, "/search", ann.headers);
    assert.match(
      empty,
      /<form method="get" action="\/search" class="search-form stack" role="search">/,
    );
    assert.match(
      empty,
      /<option value>All chats<\/option><option value="[^"]+">Trip &lt;2024><\/option>/,
    );
    assert.doesNotMatch(empty, /results-heading/);

    const html = await page(t, "/search?q=zurich", ann.headers);
    assert.match(html, /<title>Search: zurich · WhatsApp Reader<\/title>/);
    assert.match(html, /<input type="search" name="q" value="zurich" required maxlength="200"\/>/i);
    assert.ok(html.includes('<h2 id="results-heading">1 message, newest first</h2>'));
    assert.ok(
      html.includes(
        '<li><article class="result"><header><strong class="who"><bdi>Ann</bdi></strong><span class="conv">in <bdi>Trip &lt;2024></bdi></span>' +
          '<time datetime="2024-06-01T08:30:00">Jun 1, 2024, 08:30</time></header>' +
          `<a href="/c/${id}/m/1#m1" class="result-link"><p class="snippet" dir="auto">&lt;img src=x onerror=alert(1)> <mark>Zürich</mark> trip</p></a></article></li>`,
      ),
      html,
    );
    assert.ok(!html.includes("<img src=x"));
    assert.doesNotMatch(html, /emoji and punctuation alone/);
    const emoji = await page(t, `/search?q=${encodeURIComponent("🎉")}`, ann.headers);
    assert.match(emoji, /No messages found.*Search looks for words: emoji and punctuation alone/s);
    assert.match(
      html,
      /<datalist id="authors"><option value="Ann"><\/option><option value="Bob"><\/option><\/datalist>/,
    );

    // Within one chat: the title says so, the chat is selected, results omit the chat name.
    const inChat = await page(
      t,
      `/search?q=trip&conversation=${id}&author=&from=&to=`,
      ann.headers,
    );
    assert.match(inChat, /<h1>Search in <span dir="auto">Trip &lt;2024><\/span><\/h1>/);
    assert.match(inChat, new RegExp(`<option value="${id}" selected>`));
    assert.match(
      inChat,
      /<li><article class="result"><header><strong class="who"><bdi>Ann<\/bdi><\/strong><time/,
    );
    assert.match(
      await page(t, "/search?q=nothingatall", ann.headers),
      /<h2 id="results-heading">No messages found<\/h2>/,
    );
    // From a chat: a way back to it, and when nothing is found there, to all chats.
    assert.ok(inChat.includes(`<p><a href="/c/${id}#end">← Back to the chat</a></p><h1>`));
    assert.doesNotMatch(html, /Back to the chat/);
    assert.doesNotMatch(inChat, /Search all your chats/);
    const none = await page(t, `/search?q=zurich&conversation=${id}&author=Bob`, ann.headers);
    assert.ok(
      none.includes(
        '<a href="/search?q=zurich&amp;author=Bob&amp;limit=20">Search all your chats for “zurich”</a>',
      ),
      none.slice(none.indexOf("results-heading")),
    );

    await page(t, `/search?q=zurich&conversation=${secret}`, ann.headers, 404);
    assert.ok(!(await page(t, "/search?q=zurich", eve.headers)).includes("Trip"));
    await page(t, "/search?q=a&from=tomorrow", ann.headers, 400);
  } finally {
    await t.close();
  }
});
