import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { importBoth } from "../../lib/merge/fixtures_test_util.ts";
import { seedChat } from "../_test_chat.ts";

Deno.test("GET /api/conversations/:id/merge-candidates lists what the merge page lists", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app), eve = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    const unrelated = await seedChat(t, u.userId, {
      title: "Aardvarks",
      messages: [{ date: "2019-05-01T10:00:00", author: "Zed", text: "hi" }],
    });
    const get = (id: string, headers = u.headers) =>
      t.app.request(`/api/conversations/${id}/merge-candidates`, { headers });

    const res = await get(withMedia);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("cache-control") ?? "", /^private/);
    assert.deepEqual(await res.json(), {
      candidates: [{
        id: textOnly,
        title: "Bob",
        messageCount: 5,
        firstDate: "2024-01-14T10:00:00",
        lastDate: "2024-01-14T10:04:00",
        sameTitle: true,
        overlaps: true,
        shared: 5,
      }],
      // The page's select: every other conversation, by title.
      others: [
        { id: unrelated, title: "Aardvarks", messageCount: 1 },
        { id: textOnly, title: "Bob", messageCount: 5 },
      ],
    });
    // The same as the page says.
    const page = await (await t.app.request(`/c/${withMedia}/merge`, { headers: u.headers }))
      .text();
    assert.match(page, /5 of this chat(&#39;|')s messages are in it/);
    const none = await (await get(unrelated)).json();
    assert.deepEqual(none.candidates, []);
    assert.equal(none.others.length, 2);

    // Another user's conversation is a 404 (none of the caller's own chats are listed).
    const foreign = await get(withMedia, eve.headers);
    assert.equal(foreign.status, 404);
    assert.equal((await foreign.json()).error.code, "not_found");
    assert.equal((await get(crypto.randomUUID())).status, 404);
    const bad = await get("nope");
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error.message, /^id: /);
  } finally {
    await t.close();
  }
});
