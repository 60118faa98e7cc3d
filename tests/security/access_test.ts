// Break-in attempts on other users' data by id: every route answers 404 exactly as for an id
// that does not exist (never 403, which would confirm it exists), and changes nothing.
import assert from "node:assert/strict";
import { createTestApp, signUp } from "../helpers/app.ts";
import { PHOTO_NAME, userWithChat } from "./_fixtures.ts";

Deno.test("another user's conversation, messages, media, import, shares and tokens: 404, untouched", async () => {
  const t = await createTestApp();
  try {
    const ann = await userWithChat(t, 8);
    const share = await (await t.app.request(`/api/conversations/${ann.conversationId}/shares`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ expiresInHours: 1 }),
    })).json();
    const token = await (await t.app.request("/api/tokens", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "ann's" }),
    })).json();
    const eve = await signUp(t.app);
    const eveCookie = { cookie: `session=${eve.token}`, origin: "http://localhost" };
    const json = { ...eve.headers, "content-type": "application/json" };

    const attempts = (id: string, shareId: string, tokenId: string): [string, RequestInit][] => [
      [`/api/conversations/${id}`, { headers: eve.headers }],
      [`/api/conversations/${id}/messages?after=0`, { headers: eve.headers }],
      [`/api/conversations/${id}/media/${encodeURIComponent(PHOTO_NAME)}`, {
        headers: eve.headers,
      }],
      [`/api/conversations/${id}/export?format=json`, { headers: eve.headers }],
      [`/api/conversations/${id}/export?format=original`, { headers: eve.headers }],
      [`/api/conversations/${id}/insights`, { headers: eve.headers }],
      [`/api/conversations/${id}/shares`, { headers: eve.headers }],
      [`/api/conversations/${id}/shares`, {
        method: "POST",
        headers: json,
        body: '{"expiresInHours":1}',
      }],
      [`/api/conversations/${id}/shares/${shareId}`, { method: "DELETE", headers: eve.headers }],
      [`/api/conversations/${id}/view-as`, {
        method: "PUT",
        headers: json,
        body: '{"participant":"Ann"}',
      }],
      [`/api/conversations/${id}`, { method: "DELETE", headers: eve.headers }],
      [`/api/conversations/${id}/export?format=csv`, { headers: eve.headers }],
      [`/api/conversations/${id}/export?format=txt`, { headers: eve.headers }],
      [`/api/conversations/${id}/export?format=pdf`, { headers: eve.headers }],
      [`/api/conversations/${id}/media`, { headers: eve.headers }],
      [`/api/media?conversationId=${id}`, { headers: eve.headers }],
      [`/api/conversations/${id}/retention`, { headers: eve.headers }],
      [`/api/conversations/${id}/retention`, { method: "PUT", headers: json, body: '{"days":1}' }],
      [`/api/conversations/${id}/merge`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ from: crypto.randomUUID() }),
      }],
      [`/api/imports/${id}`, { headers: eve.headers }],
      [`/api/imports/${id}/report`, { headers: eve.headers }],
      [`/api/imports/${id}/reparse/preview?dateOrder=MDY`, { headers: eve.headers }],
      [`/api/imports/${id}/reparse`, {
        method: "POST",
        headers: json,
        body: '{"dateOrder":"MDY"}',
      }],
      [`/api/search?q=message&conversation=${id}`, { headers: eve.headers }],
      [`/api/tokens/${tokenId}`, { method: "DELETE", headers: eve.headers }],
      [`/c/${id}`, { headers: eveCookie }],
      [`/c/${id}/m/1`, { headers: eveCookie }],
      [`/imports/${id}`, { headers: eveCookie }],
      [`/imports/${id}/report`, { headers: eveCookie }],
      [`/imports/${id}/reparse?dateOrder=MDY`, { headers: eveCookie }],
      [`/c/${id}/media`, { headers: eveCookie }],
      [`/c/${id}/merge`, { headers: eveCookie }],
      [`/c/${id}/privacy`, { headers: eveCookie }],
      [`/account/tokens/${tokenId}/revoke`, { method: "POST", headers: eveCookie }],
      [`/account/shares/${shareId}/revoke`, { method: "POST", headers: eveCookie }],
      [`/account/shares`, {
        method: "POST",
        headers: eveCookie,
        body: new URLSearchParams({ conversationId: id, expiresInHours: "24" }),
      }],
    ];
    const real = attempts(ann.conversationId, share.id, token.id);
    const none = attempts(crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID());
    for (let i = 0; i < real.length; i++) {
      const [path, init] = real[i];
      const res = await t.app.request(path, init);
      const label = `${init.method ?? "GET"} ${path}`;
      assert.equal(res.status, 404, label);
      const body = (await res.text()).replaceAll(/[0-9a-f-]{36}/g, "ID");
      const missing = await t.app.request(none[i][0], none[i][1]);
      assert.equal(missing.status, 404, `${label} (nonexistent)`);
      assert.equal(
        body,
        (await missing.text()).replaceAll(/[0-9a-f-]{36}/g, "ID"),
        `${label} leaks nothing`,
      );
    }

    // Eve's lists are empty; Ann still has everything.
    for (const path of ["/api/conversations", "/api/imports", "/api/tokens"]) {
      const list = await (await t.app.request(path, { headers: eve.headers })).json();
      assert.deepEqual(Object.values(list)[0], [], path);
    }
    const search = await (await t.app.request("/api/search?q=message", { headers: eve.headers }))
      .json();
    assert.deepEqual(search.results, []);
    const mine = await (await t.app.request(`/api/conversations/${ann.conversationId}`, {
      headers: ann.headers,
    })).json();
    assert.equal(mine.messageCount, 8);
    const shares = await (await t.app.request(`/api/conversations/${ann.conversationId}/shares`, {
      headers: ann.headers,
    }))
      .json();
    assert.equal(shares.shares.length, 1);
    const tokens = await (await t.app.request("/api/tokens", { headers: ann.headers })).json();
    assert.equal(tokens.tokens.length, 1);
  } finally {
    await t.close();
  }
});

Deno.test("ids in every shape: malformed ids are a 400 naming the field, never a 500", async () => {
  const t = await createTestApp();
  try {
    const eve = await signUp(t.app);
    const ids = [
      "1",
      "1' or '1'='1",
      "../../etc/passwd",
      "\0",
      "00000000-0000-0000-0000-00000000000g",
    ];
    for (const id of ids.map(encodeURIComponent)) {
      for (
        const path of [
          `/api/conversations/${id}`,
          `/api/imports/${id}`,
          `/api/conversations/${id}/export`,
        ]
      ) {
        const res = await t.app.request(path, { headers: eve.headers });
        assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
        const body = await res.json();
        if (res.status === 400) assert.match(body.error.message, /^id: /);
      }
    }
  } finally {
    await t.close();
  }
});

Deno.test("numbers past PostgreSQL's integer: a 400 naming the field, never a 500 (shared page too)", async () => {
  const t = await createTestApp();
  try {
    const ann = await userWithChat(t, 8);
    const id = ann.conversationId;
    const json = { ...ann.headers, "content-type": "application/json" };
    const share = await (await t.app.request(`/api/conversations/${id}/shares`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ expiresInHours: 1 }),
    })).json();
    const shared = new URL(share.url).pathname;
    const big = 2 ** 31; // one past the int column's largest value
    const cursor = encodeURIComponent(`2024-01-02T10:01:00.000000Z_${big}_${id}`);
    const api: [string, RequestInit, string][] = [
      [`/api/conversations/${id}/export?from=${big}`, { headers: ann.headers }, "from"],
      [`/api/conversations/${id}/export?to=${big}`, { headers: ann.headers }, "to"],
      [`/api/conversations/${id}/shares`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ fromSeq: big, expiresInHours: 1 }),
      }, "fromSeq"],
      [`/api/conversations/${id}/shares`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ toSeq: big, expiresInHours: 1 }),
      }, "toSeq"],
      [`/api/media?cursor=${cursor}`, { headers: ann.headers }, "cursor"],
      [`/api/conversations/${id}/media?cursor=${cursor}`, { headers: ann.headers }, "cursor"],
    ];
    for (const [path, init, field] of api) {
      const res = await t.app.request(path, init);
      assert.equal(res.status, 400, path);
      assert.match((await res.json()).error.message, new RegExp(`^${field}: `), path);
    }
    // The shared page is anonymous: anyone could make it fail (and log a stack) at will.
    for (const q of [`after=${big}`, `before=${big}`]) {
      const res = await t.app.request(`${shared}?${q}`);
      assert.equal(res.status, 400, q);
      assert.match(await res.text(), /must be at most 2147483647/, q);
    }
    const page = await t.app.request(`/media?cursor=${cursor}`, {
      headers: { cookie: `session=${ann.token}` },
    });
    assert.equal(page.status, 400);
  } finally {
    await t.close();
  }
});
