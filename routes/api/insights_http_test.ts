import assert from "node:assert/strict";
import { signUp } from "../../tests/helpers/app.ts";
import { setup } from "./_insights_fixture.ts";

Deno.test("insights API: strong ETag per version and filter, 304 on If-None-Match", async () => {
  const s = await setup();
  try {
    const url = `/api/conversations/${s.id}/insights?author=Ann`;
    const first = await s.t.app.request(url, { headers: s.headers });
    assert.equal(first.status, 200);
    const etag = first.headers.get("etag")!;
    assert.match(etag, new RegExp(`^"ins-${s.id}-1-[0-9a-f]{16}"$`));
    assert.equal(first.headers.get("cache-control"), "private, no-cache");

    const again = await s.t.app.request(url, {
      headers: { ...s.headers, "if-none-match": `"x", ${etag}` },
    });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get("etag"), etag);
    assert.equal(await again.text(), "");

    // The same filter written differently has the same ETag; another filter does not.
    const same = await s.t.app.request(`${url}&author=Ann&gap=6&from=`, { headers: s.headers });
    assert.equal(same.headers.get("etag"), etag);
    const other = await s.t.app.request(`${url}&gap=7`, { headers: s.headers });
    assert.notEqual(other.headers.get("etag"), etag);

    // A new version of the conversation: a full answer again.
    await s.t.db.sql`update conversations set version = version + 1 where id = ${s.id}`;
    const bumped = await s.t.app.request(url, { headers: { ...s.headers, "if-none-match": etag } });
    assert.equal(bumped.status, 200);
    assert.notEqual(bumped.headers.get("etag"), etag);
  } finally {
    await s.t.close();
  }
});

Deno.test("insights API: bad filters are 400, another user's chat 404, no session 401", async () => {
  const s = await setup();
  try {
    for (
      const [query, message] of [
        ["?from=2024-13-01", /^from: /],
        ["?from=2024-02-01&to=2024-01-01", /^from: must not be after to/],
        ["?gap=0", /^gap: /],
        ["?gap=1.5", /^gap: /],
      ] as const
    ) {
      const res = await s.t.app.request(`/api/conversations/${s.id}/insights${query}`, {
        headers: s.headers,
      });
      assert.equal(res.status, 400, query);
      assert.match((await res.json()).error.message, message);
    }
    const eve = await signUp(s.t.app);
    const peek = await s.t.app.request(`/api/conversations/${s.id}/insights`, {
      headers: eve.headers,
    });
    assert.equal(peek.status, 404);
    assert.equal((await peek.json()).error.code, "not_found");
    const anon = await s.t.app.request(`/api/conversations/${s.id}/insights`);
    assert.equal(anon.status, 401);
  } finally {
    await s.t.close();
  }
});
