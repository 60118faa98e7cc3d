import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { numbered, seedChat } from "../_test_chat.ts";

Deno.test("messages API: around a seq and at a date, for the islands", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app), eve = await signUp(t.app);
    // 40 messages, one every 6 hours from 2024-01-01 00:00 (10 days).
    const id = await seedChat(t, u.userId, {
      messages: numbered(40).map((m, i) => ({
        ...m,
        date: new Date(Date.UTC(2024, 0, 1) + i * 6 * 3_600_000).toISOString().slice(0, 19),
      })),
    });
    const get = async (query: string, headers = u.headers, status = 200) => {
      const res = await t.app.request(`/api/conversations/${id}/messages?${query}`, { headers });
      const body = await res.json();
      assert.equal(res.status, status, JSON.stringify(body));
      return body;
    };
    const seqs = (body: { messages: { seq: number }[] }) => body.messages.map((m) => m.seq);

    const around = await get("around=20&limit=10");
    assert.deepEqual(seqs(around), [15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    assert.deepEqual([around.target, around.total, around.prev, around.next], [20, 40, {
      before: 15,
    }, { after: 24 }]);
    // Near the ends the page is filled from the other side.
    assert.deepEqual(seqs(await get("around=2&limit=10")), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(seqs(await get("around=40&limit=10")), [
      31,
      32,
      33,
      34,
      35,
      36,
      37,
      38,
      39,
      40,
    ]);

    // 2024-01-03: the first message that day is #9 (48 hours in).
    const day = await get("date=2024-01-03&limit=4");
    assert.deepEqual([day.target, seqs(day)], [9, [7, 8, 9, 10]]);
    assert.equal(day.messages[2].date, "2024-01-03T00:00:00");
    const late = await get("date=2025-01-01&limit=3");
    assert.deepEqual([late.target, seqs(late), late.next], [null, [38, 39, 40], null]);
    assert.equal((await get("after=5&limit=2")).target, null);

    assert.match(
      (await get("around=3&before=4", u.headers, 400)).error.message,
      /^before: give one of/,
    );
    assert.match(
      (await get("date=2024-13-01", u.headers, 400)).error.message,
      /^date: must be a date/,
    );
    assert.match((await get("around=0", u.headers, 400)).error.message, /^around: /);
    assert.match(
      (await get("around=99999999999", u.headers, 400)).error.message,
      /^around: must be at most/,
    );
    assert.equal((await get("around=3", eve.headers, 404)).error.code, "not_found");
  } finally {
    await t.close();
  }
});

Deno.test("messages API: around or ref past the last message is a 404 naming it, as the page's", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seedChat(t, u.userId, { messages: numbered(5) });
    const get = (path: string) => t.app.request(path, { headers: u.headers });
    for (const [param, n] of [["around", 6], ["around", 1000], ["ref", 6]] as const) {
      const res = await get(`/api/conversations/${id}/messages?${param}=${n}&limit=3`);
      const body = await res.json();
      assert.equal(res.status, 404, JSON.stringify(body));
      assert.deepEqual(Object.keys(body), ["error"]);
      assert.equal(body.error.code, "not_found");
      assert.match(body.error.message, new RegExp(`^${param}: no message with (seq|ref) ${n}$`));
      // The permalink page of that message (the page's `around`) says the same.
      const page = await get(`/c/${id}/m/${n}`);
      assert.equal(page.status, 404);
      assert.match(await page.text(), /<p>Message not found\.<\/p>/);
    }
    // The last message is there, on the API and the page.
    const last = await (await get(`/api/conversations/${id}/messages?around=5&limit=3`)).json();
    assert.deepEqual([last.target, last.messages.map((m: { seq: number }) => m.seq)], [5, [
      3,
      4,
      5,
    ]]);
    assert.equal((await get(`/c/${id}/m/5`)).status, 200);
  } finally {
    await t.close();
  }
});

Deno.test("messages API: files described for the page's attachments only", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seedChat(t, u.userId, {
      messages: [
        { date: "2024-01-01T10:00:00", kind: "media", attachment: "IMG-1.jpg", text: "" },
        { date: "2024-01-01T10:01:00", kind: "media", attachment: "IMG-2.jpg", text: "gone" },
      ],
      media: [
        { name: "IMG-1.jpg", contentType: "image/jpeg", bytes: new Uint8Array(10) },
        { name: "DOC-unused.pdf", contentType: "application/pdf", bytes: new Uint8Array(3) },
      ],
    });
    const res = await t.app.request(`/api/conversations/${id}/messages`, { headers: u.headers });
    const { messages } = await res.json();
    const url = messages[0].mediaUrl;
    assert.match(url, new RegExp(`^/files/${id}/[\\w-]{22}/IMG-1\\.jpg$`));
    assert.deepEqual(messages.map((m: Record<string, unknown>) => [m.mediaUrl, m.file]), [
      // Seeded without a size: null, as media imported before sizes were recorded.
      [url, { url, contentType: "image/jpeg", size: 10, width: null, height: null }],
      [null, null],
    ]);
    assert.ok(!JSON.stringify(messages).includes("blobKey"));
  } finally {
    await t.close();
  }
});

Deno.test("view-as API: set, clear, refuse unknown names and other users", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app), eve = await signUp(t.app);
    const id = await seedChat(t, u.userId, { messages: numbered(2) });
    const put = (body: unknown, headers = u.headers) =>
      t.app.request(`/api/conversations/${id}/view-as`, {
        method: "PUT",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const before =
      (await (await t.app.request(`/api/conversations/${id}`, { headers: u.headers })).json())
        .version;
    const bob = await put({ participant: "Bob" });
    assert.equal(bob.status, 200);
    const json = await bob.json();
    assert.deepEqual([json.id, json.viewAs, json.version], [id, "Bob", before + 1]);
    assert.equal((await (await put({ participant: null })).json()).viewAs, null);
    const unknown = await put({ participant: "Mallory" });
    assert.equal(unknown.status, 400);
    assert.match((await unknown.json()).error.message, /^participant: must be one of/);
    assert.equal((await put({})).status, 400);
    assert.equal((await put({ participant: "Bob" }, eve.headers)).status, 404);
    const [row] = await t.db.sql`select view_as from conversations where id = ${id}`;
    assert.equal(row.viewAs, null);
  } finally {
    await t.close();
  }
});
