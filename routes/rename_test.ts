import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { numbered, seedChat } from "./_test_chat.ts";

Deno.test("rename: PATCH /api/conversations/:id sets a trimmed title, bumps the version", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app), eve = await signUp(t.app);
    const id = await seedChat(t, ann.userId, { messages: numbered(3) });
    const patch = (body: unknown, headers = ann.headers) =>
      t.app.request(`/api/conversations/${id}`, {
        method: "PATCH",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const before = (await (await t.app.request(`/api/conversations/${id}`, {
      headers: ann.headers,
    })).json()).version;
    const ok = await patch({ title: "  Trip to Lisbon ✈️ " });
    assert.equal(ok.status, 200);
    const json = await ok.json();
    assert.deepEqual([json.title, json.version], ["Trip to Lisbon ✈️", before + 1]);
    const library = await (await t.app.request("/api/conversations", { headers: ann.headers }))
      .json();
    assert.equal(library.conversations[0].title, "Trip to Lisbon ✈️");

    for (
      const [body, message] of [
        [{ title: "   " }, /^title: must not be empty/],
        [{ title: "x".repeat(201) }, /^title: must be at most 200/],
        [{ title: "two\nlines" }, /^title: must be one line/],
        [{ title: "two\u2028lines" }, /^title: must be one line/],
        [{ title: "two\u2029paragraphs" }, /^title: must be one line/],
        [{}, /^title: /],
      ] as const
    ) {
      const bad = await patch(body);
      assert.equal(bad.status, 400, JSON.stringify(body));
      assert.match((await bad.json()).error.message, message);
    }
    assert.equal((await patch({ title: "Mine now" }, eve.headers)).status, 404);
    const [row] = await t.db.sql`select title from conversations where id = ${id}`;
    assert.equal(row.title, "Trip to Lisbon ✈️", "refused renames changed nothing");
  } finally {
    await t.close();
  }
});

Deno.test("rename: the settings page's form works without JavaScript", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app), eve = await signUp(t.app);
    const id = await seedChat(t, ann.userId, { messages: numbered(3) });
    const page = await (await t.app.request(`/c/${id}/privacy`, { headers: ann.headers })).text();
    assert.ok(page.includes(`<form method="post" action="/c/${id}/title" class="rename stack">`));
    assert.match(page, /<input type="text" name="title" required maxLength="200" value="[^"]+"/i);
    const chat = await (await t.app.request(`/c/${id}`, { headers: ann.headers })).text();
    assert.ok(chat.includes(`<a href="/c/${id}/privacy">Settings</a>`), "linked from the chat");

    const post = (title: string, headers = ann.headers) =>
      t.app.request(`/c/${id}/title`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ title }).toString(),
      });
    const res = await post("Family & friends");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/c/${id}/privacy`);
    const after = await (await t.app.request(`/c/${id}`, { headers: ann.headers })).text();
    assert.match(after, /<h1><bdi>Family &amp; friends<\/bdi><\/h1>/);

    const empty = await post(" ");
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /title: must not be empty/);
    assert.equal((await post("Eve's", eve.headers)).status, 404);
  } finally {
    await t.close();
  }
});
