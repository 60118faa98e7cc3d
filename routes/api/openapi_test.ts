import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { openApiPath } from "./openapi_document.ts";

Deno.test("OpenAPI: every route mounted under /api is in the document, and nothing else", async () => {
  const t = await createTestApp();
  try {
    const res = await t.app.request("/api/openapi.json");
    assert.equal(res.status, 200);
    const doc = await res.json();
    assert.equal(doc.openapi, "3.1.0");
    const mounted = new Set(
      t.app.routes
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
        .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`),
    );
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>)
        .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`)),
    );
    const missing = [...mounted].filter((r) => !documented.has(r));
    assert.deepEqual(
      missing,
      [],
      `mounted but in no route file's operations list (see routes/api/openapi.ts): ${
        missing.join(", ")
      }`,
    );
    const stale = [...documented].filter((r) => !mounted.has(r));
    assert.deepEqual(stale, [], `documented but not mounted: ${stale.join(", ")}`);
    // Every operation says what it answers, and every path parameter is described.
    // deno-lint-ignore no-explicit-any
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(item)) {
        assert.ok(op.summary && Object.keys(op.responses).length > 0, `${method} ${path}`);
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          const param = op.parameters?.find((p: { name: string }) => `{${p.name}}` === name);
          assert.equal(param?.in, "path", `${method} ${path} lacks the path parameter ${name}`);
        }
      }
    }
  } finally {
    await t.close();
  }
});

Deno.test("OpenAPI: the document is public, cacheable by ETag, and rendered as a page", async () => {
  const t = await createTestApp();
  try {
    const res = await t.app.request("/api/openapi.json");
    const etag = res.headers.get("etag")!;
    assert.match(etag, /^"[\w-]+"$/);
    await res.body?.cancel();
    const again = await t.app.request("/api/openapi.json", { headers: { "if-none-match": etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), "");

    const page = await t.app.request("/api/docs");
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type")!, /^text\/html/);
    const html = await page.text();
    assert.match(html, /POST<\/code> <code>\/api\/tokens<\/code>/);
    assert.match(html, /\/api\/conversations\/\{id\}\/shares/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc="\/)/i, "no inline or foreign script");
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, "nothing is loaded from elsewhere");
  } finally {
    await t.close();
  }
});

Deno.test("API: a validation error is a 400 naming the failing field, as documented", async () => {
  const t = await createTestApp();
  try {
    const { headers } = await signUp(t.app);
    const post = (path: string, body: unknown) =>
      t.app.request(path, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const cases: [Response, RegExp][] = [
      [await post("/api/tokens", { name: "" }), /^name: /],
      [await post("/api/tokens", {}), /^name: /],
      [
        await post(`/api/conversations/${crypto.randomUUID()}/shares`, { expiresInHours: -1 }),
        /^expiresInHours: /,
      ],
      [
        await post(`/api/conversations/${crypto.randomUUID()}/shares`, {
          expiresInHours: 1,
          fromSeq: 5,
          toSeq: 2,
        }),
        /^toSeq: /,
      ],
      [await post("/api/conversations/not-a-uuid/shares", { expiresInHours: 1 }), /^id: /],
      [await t.app.request("/api/conversations/x/export", { headers }), /^id: /],
      [
        await t.app.request(`/api/conversations/${crypto.randomUUID()}/export?format=docx`, {
          headers,
        }),
        /^format: /,
      ],
      [await t.app.request("/api/tokens/123", { method: "DELETE", headers }), /^id: /],
    ];
    for (const [res, message] of cases) {
      assert.equal(res.status, 400);
      const body = await res.json();
      assert.equal(body.error.code, "invalid_request");
      assert.match(body.error.message, message);
    }
  } finally {
    await t.close();
  }
});
