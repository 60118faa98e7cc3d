import assert from "node:assert/strict";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";
import { PHOTO_NAME, userWithChat } from "../../tests/security/_fixtures.ts";

const json = (headers: Record<string, string>) => ({
  ...headers,
  "content-type": "application/json",
});

/** Rows left of a conversation, table by table. */
async function rowsOf(t: TestApp, id: string) {
  const [r] = await t.db.sql<Record<string, number>[]>`select
    (select count(*)::int from messages where conversation_id = ${id}) as messages,
    (select count(*)::int from participants where conversation_id = ${id}) as participants,
    (select count(*)::int from media where conversation_id = ${id}) as media,
    (select count(*)::int from message_search where conversation_id = ${id}) as search,
    (select count(*)::int from shares where conversation_id = ${id}) as shares,
    (select count(*)::int from imports where id = ${id}) as imports`;
  return r;
}

Deno.test("DELETE says what it removed, and the files are really gone", async () => {
  const t = await createTestApp();
  try {
    const ann = await userWithChat(t, 12);
    const keep = await userWithChat(t, 6); // another user's conversation stays
    const id = ann.conversationId;
    await t.app.request(`/api/conversations/${id}/shares`, {
      method: "POST",
      headers: json(ann.headers),
      body: JSON.stringify({ expiresInHours: 1 }),
    });
    const before = await rowsOf(t, id);
    const [imp] = await t.db.sql<{ blobKey: string }[]>`
      select blob_key from imports where id = ${id}`;
    const mediaKeys = (await t.db.sql<{ blobKey: string }[]>`
      select blob_key from media where conversation_id = ${id}`).map((m) => m.blobKey);
    assert.equal(mediaKeys.length, 3);
    for (const key of [imp.blobKey, ...mediaKeys]) assert.notEqual(await t.blobs.size(key), null);

    // Another user: 404, nothing removed.
    const eve = await signUp(t.app);
    const peek = await t.app.request(`/api/conversations/${id}`, {
      method: "DELETE",
      headers: eve.headers,
    });
    assert.equal(peek.status, 404);
    assert.deepEqual(await rowsOf(t, id), before);

    const res = await t.app.request(`/api/conversations/${id}`, {
      method: "DELETE",
      headers: ann.headers,
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      messages: 12,
      participants: 2,
      media: 3,
      mediaBlobs: 3,
      searchEntries: before.search,
      originals: 1,
      shares: 1,
      imports: 1,
    });
    assert.ok(before.search > 0);
    assert.deepEqual(await rowsOf(t, id), {
      messages: 0,
      participants: 0,
      media: 0,
      search: 0,
      shares: 0,
      imports: 0,
    });
    for (const key of [imp.blobKey, ...mediaKeys]) assert.equal(await t.blobs.size(key), null);
    // Gone: a second delete is 404; the other user's chat and media are untouched.
    const again = await t.app.request(`/api/conversations/${id}`, {
      method: "DELETE",
      headers: ann.headers,
    });
    assert.equal(again.status, 404);
    await again.body?.cancel();
    assert.equal((await rowsOf(t, keep.conversationId)).messages, 6);
    const photo = await t.app.request(
      `/api/conversations/${keep.conversationId}/media/${encodeURIComponent(PHOTO_NAME)}`,
      { headers: keep.headers },
    );
    assert.equal(photo.status, 200);
    await photo.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("retention: set from now, cleared with null, validated, owner only", async () => {
  const t = await createTestApp();
  try {
    const ann = await userWithChat(t, 4);
    const url = `/api/conversations/${ann.conversationId}/retention`;
    const put = (headers: Record<string, string>, body: unknown) =>
      t.app.request(url, { method: "PUT", headers: json(headers), body: JSON.stringify(body) });
    const t0 = Date.now();
    const set = await put(ann.headers, { days: 30 });
    assert.equal(set.status, 200);
    const r = await set.json();
    assert.equal(r.retentionDays, 30);
    const due = Date.parse(r.deleteAfter) - t0;
    assert.ok(Math.abs(due - 30 * 86_400_000) < 60_000, `due in ${due} ms`);
    assert.deepEqual(await (await t.app.request(url, { headers: ann.headers })).json(), r);

    for (const days of [0, 1.5, 40000, "7"]) {
      const bad = await put(ann.headers, { days });
      assert.equal(bad.status, 400);
      assert.match((await bad.json()).error.message, /^days: /);
    }
    const eve = await signUp(t.app);
    const other = await put(eve.headers, { days: 1 });
    assert.equal(other.status, 404);
    await other.body?.cancel();

    const cleared = await (await put(ann.headers, { days: null })).json();
    assert.deepEqual(cleared, { retentionDays: null, deleteAfter: null });
  } finally {
    await t.close();
  }
});

Deno.test("privacy page: retention and delete forms work without JavaScript", async () => {
  const t = await createTestApp();
  try {
    const ann = await userWithChat(t, 5);
    const id = ann.conversationId;
    const conv = await (await t.app.request(`/c/${id}`, { headers: ann.headers })).text();
    assert.match(conv, new RegExp(`href="/c/${id}/privacy"`));
    const page = await t.app.request(`/c/${id}/privacy`, { headers: ann.headers });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<form[^>]*action="\/c\/[^"]+\/retention"[^>]*class="retention/);
    assert.match(html, /Kept until you delete it/);

    const form = (body: Record<string, string>) => ({
      method: "POST",
      headers: {
        ...ann.headers,
        origin: "http://localhost",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(body).toString(),
    });
    const saved = await t.app.request(`/c/${id}/retention`, form({ days: "7" }));
    assert.equal(saved.status, 303);
    const [row] = await t.db.sql<{ retentionDays: number }[]>`
      select retention_days from conversations where id = ${id}`;
    assert.equal(row.retentionDays, 7);
    assert.match(
      await (await t.app.request(`/c/${id}/privacy`, { headers: ann.headers })).text(),
      /Deleted automatically on .* \(7 days after it was set\)/,
    );

    // Another user's forms and page: 404, nothing changed.
    const eve = await signUp(t.app);
    for (
      const [path, init] of [
        [`/c/${id}/privacy`, { headers: eve.headers }],
        [`/c/${id}/delete`, {
          ...form({ confirm: "on" }),
          headers: { ...form({}).headers, ...eve.headers },
        }],
        [`/c/${id}/retention`, {
          ...form({ days: "1" }),
          headers: { ...form({}).headers, ...eve.headers },
        }],
      ] as const
    ) {
      const res = await t.app.request(path, init);
      assert.equal(res.status, 404, path);
      await res.body?.cancel();
    }
    const [still] = await t.db.sql<{ retentionDays: number }[]>`
      select retention_days from conversations where id = ${id}`;
    assert.equal(still.retentionDays, 7);

    const unconfirmed = await t.app.request(`/c/${id}/delete`, form({}));
    assert.equal(unconfirmed.status, 400);
    await unconfirmed.body?.cancel();
    // Named in the answer (escaped, isolated): which chat went.
    await t.db.sql`update conversations set title = '<b>Ann & Bob</b>' where id = ${id}`;
    const done = await t.app.request(`/c/${id}/delete`, form({ confirm: "on" }));
    assert.equal(done.status, 200);
    const answer = await done.text();
    assert.match(
      answer,
      /<h1>Conversation “<bdi>&lt;b>Ann &amp; Bob&lt;\/b><\/bdi>” deleted<\/h1>/,
    );
    assert.match(answer, /<title>Conversation “&lt;b>Ann &amp; Bob&lt;\/b>” deleted · /);
    assert.match(
      answer,
      /class="deleted-report"[^>]*>Deleted: 5 messages, 2 participants, 3 media files, 1 original upload, \d+ search entries\./,
    );
    const gone = await t.app.request(`/c/${id}`, { headers: ann.headers });
    assert.equal(gone.status, 404);
    await gone.body?.cancel();
  } finally {
    await t.close();
  }
});
