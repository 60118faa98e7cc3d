import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { numbered, seedChat } from "../_test_chat.ts";

Deno.test("GET /api/shares: every live share link of the user, with its conversation", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app), eve = await signUp(t.app);
    const work = await seedChat(t, ann.userId, { title: "Work", messages: numbered(5) });
    const home = await seedChat(t, ann.userId, { title: "Home", messages: numbered(3) });
    await seedChat(t, eve.userId, { title: "Eve's", messages: numbered(2) });
    const json = { ...ann.headers, "content-type": "application/json" };
    const share = async (id: string, body: Record<string, unknown>) => {
      const res = await t.app.request(`/api/conversations/${id}/shares`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ expiresInHours: 24, ...body }),
      });
      assert.equal(res.status, 201);
      return await res.json();
    };
    const a = await share(work, { fromSeq: 2, toSeq: 4 });
    const b = await share(home, { redacted: true });
    const gone = await share(work, {});
    const revoked = await t.app.request(`/api/conversations/${work}/shares/${gone.id}`, {
      method: "DELETE",
      headers: ann.headers,
    });
    assert.equal(revoked.status, 204);

    const res = await t.app.request("/api/shares", { headers: ann.headers });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("cache-control") ?? "", /^private/);
    const { shares } = await res.json();
    // Newest first, the revoked one gone; each entry is the per-conversation one plus a title.
    assert.deepEqual(shares, [{ ...b, title: "Home" }, { ...a, title: "Work" }]);
    const perChat = async (id: string) =>
      (await (await t.app.request(`/api/conversations/${id}/shares`, { headers: ann.headers }))
        .json()).shares;
    assert.deepEqual(
      shares.map(({ title: _, ...s }: { title: string }) => s),
      [...await perChat(home), ...await perChat(work)],
    );
    assert.equal(shares[1].conversationId, work);
    assert.equal(shares[1].fromSeq, 2);
    assert.equal(shares[0].redacted, true);
    // The account page lists the same links.
    const page = await (await t.app.request("/account", { headers: ann.headers })).text();
    for (const s of shares) assert.ok(page.includes(s.url), s.url);

    // Another user sees only their own (none); no session: 401.
    const theirs = await t.app.request("/api/shares", { headers: eve.headers });
    assert.deepEqual(await theirs.json(), { shares: [] });
    assert.equal((await t.app.request("/api/shares")).status, 401);
  } finally {
    await t.close();
  }
});
