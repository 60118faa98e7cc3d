import assert from "node:assert/strict";
import { createTokenSigner } from "../../lib/auth/tokens.ts";
import { silentLogger } from "../../lib/log.ts";
import { createMemoryRateLimiter } from "../../lib/ratelimit.ts";
import { createApp } from "../app.ts";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";
import { PHOTO, PHOTO_NAME, userWithChat } from "../../tests/security/_fixtures.ts";

function share(t: TestApp, headers: Record<string, string>, conversationId: string, body: unknown) {
  return t.app.request(`/api/conversations/${conversationId}/shares`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
const pathOf = (url: string) => new URL(url).pathname;

Deno.test("shares: a range link shows that range only, with its media only, read-only", async () => {
  const t = await createTestApp();
  try {
    const ann = await userWithChat(t, 12);
    const res = await share(t, ann.headers, ann.conversationId, {
      fromSeq: 2,
      toSeq: 5,
      expiresInHours: 24,
    });
    assert.equal(res.status, 201);
    const created = await res.json();
    assert.match(created.url, /^http:\/\/localhost\/s\/[A-Za-z0-9_-]{44}$/);
    assert.equal(created.fromSeq, 2);
    assert.equal(created.toSeq, 5);

    const page = await t.app.request(pathOf(created.url));
    assert.equal(page.status, 200);
    const html = await page.text();
    for (const n of [3, 5]) assert.match(html, new RegExp(`message number ${n}\\b`));
    for (const n of [1, 6, 7, 12]) assert.doesNotMatch(html, new RegExp(`message number ${n}\\b`));
    assert.doesNotMatch(html, /Sign out|\/account|action="\/signout"/, "no account controls");
    assert.doesNotMatch(html, /href="\/c\//, "no links into the owner's pages");
    assert.ok(!html.includes(created.conversationId), "the conversation id is not exposed");

    const base = pathOf(created.url);
    const photo = await t.app.request(`${base}/media/${encodeURIComponent(PHOTO_NAME)}`);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get("content-type"), "image/jpeg");
    assert.deepEqual(new Uint8Array(await photo.arrayBuffer()), PHOTO);
    // A file whose type changes (a re-parse classifying it anew) is not revalidated as the old.
    const seen = photo.headers.get("etag")!;
    const again = { headers: { "if-none-match": seen } };
    const photoUrl = `${base}/media/${encodeURIComponent(PHOTO_NAME)}`;
    assert.equal((await t.app.request(photoUrl, again)).status, 304);
    await t.db.sql`
      update media set content_type = 'image/png'
      where conversation_id = ${ann.conversationId} and name = ${PHOTO_NAME}`;
    const retyped = await t.app.request(photoUrl, again);
    assert.equal(retyped.status, 200);
    assert.equal(retyped.headers.get("content-type"), "image/png");
    await retyped.body?.cancel();
    // The hostile attachment in range is a download, never HTML.
    const html4 = await t.app.request(`${base}/media/x.html`);
    assert.equal(html4.status, 200);
    assert.equal(html4.headers.get("content-type"), "application/octet-stream");
    assert.match(html4.headers.get("content-disposition")!, /^attachment/);
    await html4.body?.cancel();
    // late.jpg belongs to message 11: outside the range.
    assert.equal((await t.app.request(`${base}/media/late.jpg`)).status, 404);

    // Keyset paging stays inside the range.
    const before = await (await t.app.request(`${base}?before=3`)).text();
    assert.doesNotMatch(before, /message number 1\b/);
    const after = await (await t.app.request(`${base}?after=5`)).text();
    assert.doesNotMatch(after, /message number \d+/);

    const list = await (await t.app.request(`/api/conversations/${ann.conversationId}/shares`, {
      headers: ann.headers,
    }))
      .json();
    assert.equal(list.shares.length, 1);
    assert.equal(list.shares[0].url, created.url);
  } finally {
    await t.close();
  }
});

Deno.test("shares: revoking, expiry, deleting the conversation and a forged token end the link", async () => {
  const t = await createTestApp();
  try {
    const ann = await userWithChat(t, 6);
    const mk = async () =>
      await (await share(t, ann.headers, ann.conversationId, { expiresInHours: 1 })).json();
    const a = await mk(), b = await mk(), c = await mk();
    for (const s of [a, b, c]) assert.equal((await t.app.request(pathOf(s.url))).status, 200);

    const del = `/api/conversations/${ann.conversationId}/shares/${a.id}`;
    assert.equal(
      (await t.app.request(del, { method: "DELETE", headers: ann.headers })).status,
      204,
    );
    const gone = await t.app.request(pathOf(a.url));
    assert.equal(gone.status, 404);
    assert.doesNotMatch(gone.headers.get("cache-control")!, /public/);
    assert.equal(
      (await t.app.request(`${pathOf(a.url)}/media/${encodeURIComponent(PHOTO_NAME)}`)).status,
      404,
    );

    await t.db.sql`update shares set expires_at = now() - interval '1 second' where id = ${b.id}`;
    assert.equal((await t.app.request(pathOf(b.url))).status, 404);

    // A token for another id, or with a changed signature, is refused before any lookup.
    const token = pathOf(c.url).slice(3);
    const flipped = token.slice(0, 30) + (token[30] === "A" ? "B" : "A") + token.slice(31);
    assert.equal((await t.app.request(`/s/${flipped}`)).status, 404);
    assert.equal((await t.app.request(`/s/${token.slice(0, 43)}`)).status, 404);

    const eve = await signUp(t.app);
    const steal = `/api/conversations/${ann.conversationId}/shares/${c.id}`;
    assert.equal(
      (await t.app.request(steal, { method: "DELETE", headers: eve.headers })).status,
      404,
    );
    assert.equal(
      (await share(t, eve.headers, ann.conversationId, { expiresInHours: 1 })).status,
      404,
    );
    assert.equal(
      (await t.app.request(`/api/conversations/${ann.conversationId}/shares`, {
        headers: eve.headers,
      })).status,
      404,
    );

    await t.app.request(`/api/conversations/${ann.conversationId}`, {
      method: "DELETE",
      headers: ann.headers,
    });
    assert.equal((await t.app.request(pathOf(c.url))).status, 404);
  } finally {
    await t.close();
  }
});

Deno.test("shares: a share signed with a retired secret stops working; one still listed works", async () => {
  const old = "old-secret-that-is-long-enough-for-hs256-0123456789";
  const t = await createTestApp({ secrets: [old] });
  try {
    const ann = await userWithChat(t, 4);
    const s = await (await share(t, ann.headers, ann.conversationId, { expiresInHours: 1 })).json();
    const deps = {
      db: t.db.sql,
      queue: t.queue,
      blobs: t.blobs,
      config: t.config,
      logger: silentLogger,
    };
    const rotated = createApp({
      ...deps,
      tokens: createTokenSigner(["new-secret-that-is-long-enough-for-hs256-0123456789", old]),
      limiter: createMemoryRateLimiter(),
    });
    assert.equal((await rotated.request(pathOf(s.url))).status, 200);
    const retired = createApp({
      ...deps,
      tokens: createTokenSigner(["new-secret-that-is-long-enough-for-hs256-0123456789"]),
      limiter: createMemoryRateLimiter(),
    });
    assert.equal((await retired.request(pathOf(s.url))).status, 404);
  } finally {
    await t.close();
  }
});
