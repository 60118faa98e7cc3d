import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { importBoth, importExport, postMerge } from "../../lib/merge/fixtures_test_util.ts";

Deno.test("GET /api/conversations/:id/coverage: the fused exports, their ranges and the gaps", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app), eve = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    // A third export, of February: a gap from 21 to 31 January.
    const february = await importExport(
      t,
      u.userId,
      "Bob february.txt",
      "01/02/2024, 09:00 - Ann: ok\n02/02/2024, 09:00 - Bob: ok\n",
    );
    assert.equal((await postMerge(t, u.headers, textOnly, withMedia)).status, 200);
    assert.equal((await postMerge(t, u.headers, textOnly, february)).status, 200);
    const get = (id: string, headers = u.headers) =>
      t.app.request(`/api/conversations/${id}/coverage`, { headers });

    const res = await get(textOnly);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("cache-control") ?? "", /^private/);
    assert.deepEqual(await res.json(), {
      sources: [
        {
          importId: withMedia,
          filename: "WhatsApp Chat with Bob.zip",
          firstDate: "2024-01-13T09:00:00",
          lastDate: "2024-01-20T08:00:00",
          messageCount: 9,
          addedCount: 4,
          mediaCount: 1,
        },
        {
          importId: textOnly,
          filename: "WhatsApp Chat with Bob.txt",
          firstDate: "2024-01-14T10:00:00",
          lastDate: "2024-01-14T10:04:00",
          messageCount: 5,
          addedCount: 5,
          mediaCount: 0,
        },
        {
          importId: february,
          filename: "Bob february.txt",
          firstDate: "2024-02-01T09:00:00",
          lastDate: "2024-02-02T09:00:00",
          messageCount: 2,
          addedCount: 2,
          mediaCount: 0,
        },
      ],
      span: { first: "2024-01-13", last: "2024-02-02" },
      gaps: [{ first: "2024-01-21", last: "2024-01-31" }],
    });
    // The page shows the same.
    const page = await (await t.app.request(`/c/${textOnly}`, { headers: u.headers })).text();
    assert.match(page, /Coverage: 3 exports · 1 gap</);

    // Another user's conversation, a merged-away one, or none: 404; a bad id: 400.
    const foreign = await get(textOnly, eve.headers);
    assert.equal(foreign.status, 404);
    assert.equal((await foreign.json()).error.code, "not_found");
    assert.equal((await get(withMedia)).status, 404);
    const bad = await get("nope");
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error.message, /^id: /);
  } finally {
    await t.close();
  }
});
