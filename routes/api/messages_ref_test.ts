import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { importBoth, postMerge } from "../../lib/merge/fixtures_test_util.ts";

Deno.test("messages API: ?ref= is the page around the message with that ref, as its permalink", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app), eve = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    // After the merge "after middle" keeps ref 5 but is seq 8 (two earlier messages came in).
    assert.equal((await postMerge(t, u.headers, textOnly, withMedia)).status, 200);
    const get = async (query: string, status = 200, headers = u.headers) => {
      const res = await t.app.request(`/api/conversations/${textOnly}/messages?${query}`, {
        headers,
      });
      const body = await res.json();
      assert.equal(res.status, status, JSON.stringify(body));
      return body;
    };

    const page = await get("ref=5&limit=3");
    assert.equal(page.target, 8);
    const hit = page.messages.find((m: { seq: number }) => m.seq === 8);
    assert.deepEqual([hit.ref, hit.text], [5, "after middle"]);
    assert.deepEqual(page.messages.map((m: { seq: number }) => m.seq), [7, 8, 9]);
    // Not the same as around=5 (seq 5 is another message).
    assert.equal((await get("around=5&limit=3")).target, 5);
    // The permalink page shows the same message.
    const perma = await (await t.app.request(`/c/${textOnly}/m/5`, { headers: u.headers }))
      .text();
    assert.match(perma, /id="m5"[^>]*aria-current="true"[^>]*>[\s\S]*?after middle/);

    // An unknown ref: 404 naming it; with another positioning parameter: 400 naming ref.
    const unknown = await get("ref=99", 404);
    assert.equal(unknown.error.code, "not_found");
    assert.match(unknown.error.message, /^ref: .*99/);
    for (const other of ["around=2", "before=3", "after=1", "date=2024-01-14"]) {
      assert.match((await get(`ref=5&${other}`, 400)).error.message, /^ref: give ref alone/);
    }
    assert.match((await get("ref=0", 400)).error.message, /^ref: /);
    assert.match((await get("ref=x", 400)).error.message, /^ref: /);
    // Another user's conversation: 404, and nothing of it.
    const foreign = await get("ref=5", 404, eve.headers);
    assert.deepEqual(Object.keys(foreign), ["error"]);
    assert.equal(foreign.error.message, "conversation not found");
  } finally {
    await t.close();
  }
});
