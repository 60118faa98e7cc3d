import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { importBoth, PHOTO_FILE, postMerge } from "../lib/merge/fixtures_test_util.ts";

/** The texts a shared page shows, in order. */
async function sharedTexts(res: Response): Promise<string[]> {
  assert.equal(res.status, 200);
  const html = await res.text();
  return [...html.matchAll(/<p class="text"[^>]*>([^<]*)</g)].map((m) => m[1]);
}

Deno.test("a share shows what its owner saw: a later merge adds nothing to it", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    // The text-only export (5 messages, refs 1–5) and another with 4 more: "first" and
    // "second" before, "middle" between refs 4 and 5, "later" after.
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    const share = async (range: { fromSeq?: number; toSeq?: number }) => {
      const res = await t.app.request(`/api/conversations/${textOnly}/shares`, {
        method: "POST",
        headers: { ...u.headers, "content-type": "application/json" },
        body: JSON.stringify({ expiresInHours: 1, ...range }),
      });
      assert.equal(res.status, 201);
      return new URL((await res.json()).url).pathname;
    };
    const bounded = await share({ fromSeq: 2, toSeq: 5 }), whole = await share({});
    // (The photo's placeholder, ref 3, is not a text paragraph.)
    const original = ["ok", "ok", "nice photo", "after middle"];
    assert.deepEqual(await sharedTexts(await t.app.request(bounded)), original.slice(1));
    assert.deepEqual(await sharedTexts(await t.app.request(whole)), original);
    const header = async (path: string) =>
      /<header class="conv-header share-head">[\s\S]*?<\/header>/.exec(
        await (await t.app.request(path)).text(),
      )![0];
    const before = await header(bounded);
    assert.match(before, /Shared read-only: Jan 14, 2024 · /, "the days, not positions");

    assert.equal((await postMerge(t, u.headers, textOnly, withMedia)).status, 200);
    assert.equal(await header(bounded), before, "nothing tells what the merge put around it");
    const all = await (await t.app.request(`/api/conversations/${textOnly}/messages`, {
      headers: u.headers,
    })).json();
    assert.ok(all.messages.some((m: { text: string }) => m.text === "middle"), "merged in");

    // "middle" lies between two shared messages now, and "first"/"second"/"later" in the
    // whole chat: none was in the chat its owner shared.
    const texts = await sharedTexts(await t.app.request(bounded));
    assert.ok(!texts.includes("middle"), `the merged message leaked: ${texts}`);
    assert.deepEqual(texts, original.slice(1));
    assert.deepEqual(await sharedTexts(await t.app.request(whole)), original);
    // The placeholder the merge gave its photo is the same shared message: its file is served.
    const photo = await t.app.request(`${whole}/media/${PHOTO_FILE}`);
    assert.equal(photo.status, 200);
    await photo.body?.cancel();
  } finally {
    await t.close();
  }
});
