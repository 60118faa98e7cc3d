import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import {
  importBoth,
  PHOTO_FILE,
  postMerge,
  postMergeForm,
} from "../../lib/merge/fixtures_test_util.ts";

Deno.test("POST /api/conversations/:id/merge fuses two exports; old links redirect", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);

    // Before: the newer export's page offers the merge; the older one's shows no offer.
    const offer = await (await t.app.request(`/c/${withMedia}`, { headers: u.headers })).text();
    assert.match(offer, /This looks like another export of <strong dir="auto">Bob<\/strong>/);
    assert.match(offer, new RegExp(`name="into" value="${textOnly}"`));
    assert.doesNotMatch(
      await (await t.app.request(`/c/${textOnly}`, { headers: u.headers })).text(),
      /merge-offer/,
    );
    const mergePage = await (await t.app.request(`/c/${withMedia}/merge`, { headers: u.headers }))
      .text();
    assert.match(
      mergePage,
      /5 of this chat&#39;s messages are in it|5 of this chat's messages are in it/,
    );

    const res = await postMerge(t, u.headers, textOnly, withMedia);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      conversationId: textOnly,
      messages: 9,
      added: 4,
      mediaAttached: 1,
      messageCount: 9,
    });

    // The permalink of "after middle" (ref 5, now seq 8) still shows that message.
    const perma = await (await t.app.request(`/c/${textOnly}/m/5`, { headers: u.headers })).text();
    assert.match(perma, /<li[^>]*id="m5"[^>]*aria-current="true"[^>]*>[\s\S]*?after middle/);
    assert.match(perma, /href="\/c\/[^"]+\/m\/8#m8"/, "new messages link by their new ref");
    // The photo is attached to the text-only export's placeholder and served.
    assert.match(perma, new RegExp(PHOTO_FILE.replace(".", "\\.")));
    const media = await t.app.request(`/api/conversations/${textOnly}/media/${PHOTO_FILE}`, {
      headers: u.headers,
    });
    assert.equal(media.status, 200);
    await media.body?.cancel();
    // The coverage timeline: two exports; the with-media one spans the other (no gap).
    assert.match(perma, /Coverage: 2 exports · 0 gaps/);
    assert.match(
      perma,
      /Bob\.zip<\/span>: <time datetime="2024-01-13">.*? · 9 messages \(4 new\) · 1 media file/,
    );

    // Links into the merged-away conversation redirect to the same message.
    const old = await t.app.request(`/c/${withMedia}/m/1`, { headers: u.headers });
    assert.equal(old.status, 301);
    assert.equal(old.headers.get("location"), `/c/${textOnly}/m/6#m6`);
    const photo = await t.app.request(`/c/${withMedia}/m/5`, { headers: u.headers });
    assert.equal(photo.headers.get("location"), `/c/${textOnly}/m/3#m3`);
    const top = await t.app.request(`/c/${withMedia}?before=3`, { headers: u.headers });
    assert.equal(top.status, 301);
    assert.equal(top.headers.get("location"), `/c/${textOnly}?before=3`);

    // Another user: 404 for the API, and no redirect to someone else's conversation.
    const eve = await signUp(t.app);
    const foreign = await postMerge(t, eve.headers, textOnly, crypto.randomUUID());
    assert.equal(foreign.status, 404);
    assert.equal(
      (await t.app.request(`/c/${withMedia}/m/1`, { headers: eve.headers })).status,
      404,
    );
    const bad = await postMerge(t, u.headers, textOnly, "nope");
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error.message, /^from: /);

    // Deleting the fused conversation removes the merged export's files too.
    const [row] = await t.db.sql`select blob_key from media where conversation_id = ${textOnly}`;
    const del = await t.app.request(`/api/conversations/${textOnly}`, {
      method: "DELETE",
      headers: u.headers,
    });
    assert.equal(del.status, 200);
    await del.body?.cancel();
    assert.equal(await t.blobs.get(row.blobKey), null);
    assert.equal(await t.blobs.get(`imports/${withMedia}/original`), null);
  } finally {
    await t.close();
  }
});

Deno.test("POST /c/:id/merge (no-JS form) merges and goes to the fused chat", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    const res = await postMergeForm(t, u.headers, withMedia, textOnly);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/c/${textOnly}#end`, "at the newest message");
    const gone = await t.app.request(`/c/${withMedia}`, { headers: u.headers });
    assert.equal(gone.status, 301);
    assert.equal(gone.headers.get("location"), `/c/${textOnly}`);
  } finally {
    await t.close();
  }
});
