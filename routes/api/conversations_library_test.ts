import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { numbered, seedChat } from "../_test_chat.ts";

Deno.test("library API: sorted as the library page sorts, with each chat's last message", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const big = await seedChat(t, u.userId, { title: "Apple", messages: numbered(5) });
    const recent = await seedChat(t, u.userId, {
      title: "zebra",
      messages: numbered(2, Date.UTC(2025, 0, 1)),
    });
    const old = await seedChat(t, u.userId, {
      title: "mango",
      messages: numbered(1, Date.UTC(2023, 0, 1)),
    });
    const list = async (query = "") => {
      const res = await t.app.request(`/api/conversations${query}`, { headers: u.headers });
      const body = await res.json();
      assert.equal(res.status, 200, JSON.stringify(body));
      return body.conversations as { id: string; lastMessage: unknown }[];
    };
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    assert.deepEqual(ids(await list()), [recent, big, old]);
    assert.deepEqual(ids(await list("?sort=recent")), [recent, big, old]);
    assert.deepEqual(ids(await list("?sort=title")), [big, old, recent]);
    assert.deepEqual(ids(await list("?sort=size")), [big, recent, old]);

    const [first] = await list("?sort=size");
    assert.deepEqual(first.lastMessage, {
      seq: 5,
      ref: 5,
      date: "2024-01-01T09:04:00",
      at: "2024-01-01T09:04:00Z",
      author: "Ann",
      text: "message 5",
      kind: "text",
      attachment: null,
    });

    const bad = await t.app.request("/api/conversations?sort=oldest", { headers: u.headers });
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error.message, /^sort: /);
  } finally {
    await t.close();
  }
});

Deno.test("conversation API: says the exporting phone's time zone, as the Settings page does", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seedChat(t, u.userId, { messages: numbered(2) });
    await t.db.sql`update conversations set time_zone = 'Asia/Tokyo' where id = ${id}`;
    const one = await (await t.app.request(`/api/conversations/${id}`, { headers: u.headers }))
      .json();
    assert.equal(one.timeZone, "Asia/Tokyo");
    const all = await (await t.app.request("/api/conversations", { headers: u.headers })).json();
    assert.equal(all.conversations[0].timeZone, "Asia/Tokyo");
  } finally {
    await t.close();
  }
});
