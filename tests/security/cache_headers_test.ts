// The headers every class of route sends, as docs/caching.md and the CloudFront policies
// (infra/terraform/cloudfront.tf) assume them: security headers everywhere; private pages,
// API answers and media never `public`; strong ETags and 304s for conversation views; shared
// pages `public, s-maxage=60` without reading cookies; content-addressed assets immutable.
import assert from "node:assert/strict";
import { CONTENT_SECURITY_POLICY } from "../../routes/_middleware/security_headers.ts";
import { createTestApp, signUp, type TestApp } from "../helpers/app.ts";
import { PHOTO_NAME, userWithChat } from "./_fixtures.ts";

const REQUIRED_CSP = [
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
];

function assertSecurityHeaders(res: Response, label: string) {
  const h = res.headers;
  const csp = h.get("content-security-policy") ?? "";
  if (!csp.includes("sandbox")) {
    for (const directive of REQUIRED_CSP) {
      assert.ok(csp.includes(directive), `${label}: CSP lacks ${directive}`);
    }
  }
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/, `${label}: CSP too lax`);
  assert.equal(h.get("x-content-type-options"), "nosniff", label);
  assert.match(
    h.get("referrer-policy") ?? "",
    /^(same-origin|strict-origin-when-cross-origin)$/,
    label,
  );
  assert.equal(h.get("x-frame-options"), "DENY", label);
  assert.ok(h.get("permissions-policy")?.includes("camera=()"), label);
  assert.ok(h.get("cache-control"), `${label}: no Cache-Control`);
}

/** A user with a conversation and a share link: the values to fill route parameters with. */
async function world(t: TestApp) {
  const ann = await userWithChat(t, 8);
  const share = await (await t.app.request(`/api/conversations/${ann.conversationId}/shares`, {
    method: "POST",
    headers: { ...ann.headers, "content-type": "application/json" },
    body: JSON.stringify({ expiresInHours: 24 }),
  })).json();
  const shareToken = new URL(share.url).pathname.slice(3);
  return { ann, share, shareToken, cookie: `session=${ann.token}` };
}

Deno.test("every GET route: security headers, a Cache-Control, never public outside /s/ and /static/", async () => {
  const t = await createTestApp();
  try {
    const w = await world(t);
    const values: Record<string, string> = {
      id: w.ann.conversationId,
      name: encodeURIComponent(PHOTO_NAME),
      token: w.shareToken,
      shareId: w.share.id,
      seq: "2",
    };
    const paths = new Set(
      t.app.routes.filter((r) => r.method === "GET" && !r.path.includes("*"))
        .map((r) => r.path.replace(/:(\w+)/g, (_, p: string) => values[p] ?? "x")),
    );
    assert.ok(paths.size > 15, `only ${paths.size} GET routes found`);
    for (const path of paths) {
      for (const [who, headers] of [["owner", { cookie: w.cookie }], ["anonymous", {}]] as const) {
        const res = await t.app.request(path, { headers });
        const label = `${who} GET ${path} (${res.status})`;
        await res.body?.cancel();
        assert.ok(res.status < 500, label);
        assertSecurityHeaders(res, label);
        const cc = res.headers.get("cache-control")!;
        if (
          !path.startsWith("/s/") && !path.startsWith("/static/") &&
          !path.startsWith("/files/") && path !== "/favicon.ico"
        ) {
          assert.doesNotMatch(cc, /public|s-maxage/, `${label}: ${cc}`);
        }
        if (path.startsWith("/s/")) assert.equal(res.headers.get("set-cookie"), null, label);
      }
    }
    // Errors and unknown routes too.
    for (const path of ["/nope", "/api/nope", `/api/conversations/${crypto.randomUUID()}`]) {
      const res = await t.app.request(path, { headers: { cookie: w.cookie } });
      await res.body?.cancel();
      assertSecurityHeaders(res, path);
      assert.doesNotMatch(res.headers.get("cache-control")!, /public/);
    }
    assert.ok(CONTENT_SECURITY_POLICY.includes("default-src 'self'"));
  } finally {
    await t.close();
  }
});

Deno.test("no response carrying a user's data is public (cookie or Bearer, API or page)", async () => {
  const t = await createTestApp();
  try {
    const w = await world(t);
    const id = w.ann.conversationId;
    const [imp] = await t.db.sql`select id from imports where user_id = ${w.ann.userId}`;
    const urls = [
      "/",
      `/c/${id}`,
      `/c/${id}/m/2`,
      "/account",
      `/imports/${imp.id}?stay`,
      "/search?q=message",
      "/api/conversations",
      `/api/conversations/${id}`,
      `/api/conversations/${id}/messages?after=0`,
      `/api/conversations/${id}/media/${encodeURIComponent(PHOTO_NAME)}`,
      `/api/conversations/${id}/media/x.html`,
      `/api/conversations/${id}/export`,
      `/api/conversations/${id}/export?format=original`,
      `/api/conversations/${id}/shares`,
      `/api/conversations/${id}/insights`,
      "/api/imports",
      `/api/imports/${imp.id}`,
      "/api/tokens",
      "/api/account",
      "/api/search?q=message",
    ];
    for (const url of urls) {
      for (const headers of [{ cookie: w.cookie }, w.ann.headers]) {
        const res = await t.app.request(url, { headers });
        await res.body?.cancel();
        const cc = res.headers.get("cache-control") ?? "";
        assert.ok(res.status === 200 || res.status === 303, `${url}: ${res.status}`);
        assert.match(cc, /\bprivate\b|\bno-store\b/, `${url}: ${cc}`);
        assert.doesNotMatch(cc, /public|s-maxage/, `${url}: ${cc}`);
      }
    }
  } finally {
    await t.close();
  }
});

Deno.test("conversation views: private, no-cache + strong ETag; 304 until the version changes", async () => {
  const t = await createTestApp();
  try {
    const w = await world(t);
    const id = w.ann.conversationId;
    for (
      const [url, headers] of [
        [`/api/conversations/${id}`, w.ann.headers],
        [`/api/conversations/${id}/messages?after=0&limit=5`, w.ann.headers],
        [`/c/${id}`, { cookie: w.cookie }],
        [`/c/${id}/m/3`, { cookie: w.cookie }],
      ] as const
    ) {
      const first = await t.app.request(url, { headers });
      assert.equal(first.status, 200, url);
      await first.body?.cancel();
      assert.equal(first.headers.get("cache-control"), "private, no-cache", url);
      const etag = first.headers.get("etag")!;
      assert.match(etag, /^"[\w-]{20,}"$/, `${url}: a strong ETag`);
      const again = await t.app.request(url, { headers: { ...headers, "if-none-match": etag } });
      assert.equal(again.status, 304, url);
      assert.equal(await again.text(), "", `${url}: a 304 has no body`);
      assert.equal(again.headers.get("etag"), etag);
      assert.equal(again.headers.get("cache-control"), "private, no-cache");
      assertSecurityHeaders(again, `${url} 304`);
      const weak = await t.app.request(url, {
        headers: { ...headers, "if-none-match": `W/${etag}, "other"` },
      });
      assert.equal(weak.status, 304, `${url}: If-None-Match compares weakly`);
      // Another page of the same conversation has another tag.
      const other = await t.app.request(`${url}${url.includes("?") ? "&" : "?"}before=4`, {
        headers,
      });
      await other.body?.cancel();
      assert.notEqual(other.headers.get("etag"), etag, `${url}: the query is part of the tag`);
    }

    // A change (view-as) bumps the version: every old tag is stale at once.
    const url = `/api/conversations/${id}`;
    const before = await t.app.request(url, { headers: w.ann.headers });
    const { version } = await before.json();
    const etag = before.headers.get("etag")!;
    const page = await t.app.request(`/c/${id}`, { headers: { cookie: w.cookie } });
    await page.body?.cancel();
    const put = await t.app.request(`/api/conversations/${id}/view-as`, {
      method: "PUT",
      headers: { ...w.ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ participant: "Bob" }),
    });
    assert.equal(put.status, 200);
    await put.body?.cancel();
    const after = await t.app.request(url, {
      headers: { ...w.ann.headers, "if-none-match": etag },
    });
    assert.equal(after.status, 200);
    assert.equal((await after.json()).version, version + 1);
    assert.notEqual(after.headers.get("etag"), etag);
    const pageAfter = await t.app.request(`/c/${id}`, {
      headers: { cookie: w.cookie, "if-none-match": page.headers.get("etag")! },
    });
    assert.equal(pageAfter.status, 200);
    await pageAfter.body?.cancel();
    // The page follows the theme cookie: another theme, another tag.
    const dark = await t.app.request(`/c/${id}`, {
      headers: {
        cookie: `${w.cookie}; theme=dark`,
        "if-none-match": pageAfter.headers.get("etag")!,
      },
    });
    assert.equal(dark.status, 200);
    await dark.body?.cancel();
    // Another user's request with the owner's tag: 404, not 304.
    const eve = await signUp(t.app);
    const peek = await t.app.request(url, {
      headers: { ...eve.headers, "if-none-match": after.headers.get("etag")! },
    });
    assert.equal(peek.status, 404);
    // A deleted conversation is gone, tag or not.
    await t.app.request(url, { method: "DELETE", headers: w.ann.headers });
    const gone = await t.app.request(url, {
      headers: { ...w.ann.headers, "if-none-match": after.headers.get("etag")! },
    });
    assert.equal(gone.status, 404);
  } finally {
    await t.close();
  }
});

Deno.test("media: real type + nosniff for images, an attachment for anything else, private", async () => {
  const t = await createTestApp();
  try {
    const w = await world(t);
    const base = `/api/conversations/${w.ann.conversationId}/media`;
    const photo = await t.app.request(`${base}/${encodeURIComponent(PHOTO_NAME)}`, {
      headers: w.ann.headers,
    });
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get("content-type"), "image/jpeg");
    assert.match(photo.headers.get("content-disposition")!, /^inline/);
    assert.equal(photo.headers.get("x-content-type-options"), "nosniff");
    assert.match(photo.headers.get("cache-control")!, /^private\b/);
    await photo.body?.cancel();
    const html = await t.app.request(`${base}/x.html`, { headers: w.ann.headers });
    assert.equal(html.status, 200);
    assert.equal(html.headers.get("content-type"), "application/octet-stream");
    assert.match(
      html.headers.get("content-disposition")!,
      /^attachment; filename\*=UTF-8''x\.html$/,
    );
    assert.equal(html.headers.get("x-content-type-options"), "nosniff");
    assert.match(html.headers.get("content-security-policy")!, /sandbox/);
    assert.equal(
      await html.text(),
      "<script>alert(document.cookie)</script>",
      "served as bytes, unchanged",
    );
  } finally {
    await t.close();
  }
});

Deno.test("capability media (/files/…): public immutable, no cookie, the same safe headers", async () => {
  const t = await createTestApp();
  try {
    const w = await world(t);
    const id = w.ann.conversationId;
    const res = await t.app.request(`/api/conversations/${id}/messages`, {
      headers: w.ann.headers,
    });
    const urls = Object.fromEntries(
      (await res.json()).messages.filter((m: { mediaUrl: string | null }) => m.mediaUrl)
        .map((m: { attachment: string; mediaUrl: string }) => [m.attachment, m.mediaUrl]),
    ) as Record<string, string>;
    for (const [name, url] of Object.entries(urls)) {
      assert.match(url, new RegExp(`^/files/${id}/[\\w-]{22}/`), name);
      const file = await t.app.request(url);
      await file.body?.cancel();
      assert.equal(file.status, 200, url);
      assertSecurityHeaders(file, url);
      assert.equal(file.headers.get("cache-control"), "public, max-age=31536000, immutable");
      assert.equal(file.headers.get("set-cookie"), null);
      assert.doesNotMatch(file.headers.get("vary") ?? "", /cookie/i);
      assert.equal(file.headers.get("x-content-type-options"), "nosniff");
    }
    const html = await t.app.request(urls["x.html"]);
    assert.equal(html.headers.get("content-type"), "application/octet-stream");
    assert.match(
      html.headers.get("content-disposition")!,
      /^attachment; filename\*=UTF-8''x\.html$/,
    );
    assert.match(html.headers.get("content-security-policy")!, /sandbox/);
    await html.body?.cancel();
    const photo = await t.app.request(urls[PHOTO_NAME]);
    assert.equal(photo.headers.get("content-type"), "image/jpeg");
    await photo.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("shared pages: public, s-maxage=60, ETag; no cookie read, no Vary on it", async () => {
  const t = await createTestApp();
  try {
    const w = await world(t);
    const path = `/s/${w.shareToken}`;
    const anon = await t.app.request(path);
    assert.equal(anon.status, 200);
    assert.equal(anon.headers.get("cache-control"), "public, max-age=0, s-maxage=60");
    assert.doesNotMatch(anon.headers.get("vary") ?? "", /cookie|authorization/i);
    assert.equal(anon.headers.get("set-cookie"), null);
    assert.equal(anon.headers.get("x-robots-tag"), "noindex, nofollow");
    const body = await anon.text();
    // The owner's cookie (session and theme) changes nothing: the edge may serve it to anyone.
    const owner = await t.app.request(path, { headers: { cookie: `${w.cookie}; theme=dark` } });
    assert.equal(await owner.text(), body);
    assert.equal(owner.headers.get("etag"), anon.headers.get("etag"));
    assert.doesNotMatch(body, /Sign out|\/account/);
    const revisit = await t.app.request(path, {
      headers: { "if-none-match": anon.headers.get("etag")! },
    });
    assert.equal(revisit.status, 304);
    assert.equal(revisit.headers.get("cache-control"), "public, max-age=0, s-maxage=60");

    const media = await t.app.request(`${path}/media/${encodeURIComponent(PHOTO_NAME)}`);
    assert.equal(media.status, 200);
    assert.equal(media.headers.get("cache-control"), "public, max-age=0, s-maxage=60");
    assert.equal(media.headers.get("content-type"), "image/jpeg");
    await media.body?.cancel();

    // Never cached past the link's expiry.
    await t.db
      .sql`update shares set expires_at = now() + interval '10 seconds' where id = ${w.share.id}`;
    const soon = await t.app.request(path);
    await soon.body?.cancel();
    const maxAge = Number(soon.headers.get("cache-control")!.match(/s-maxage=(\d+)/)![1]);
    assert.ok(maxAge <= 10, `s-maxage=${maxAge}`);
    // A revoked link: 404 at once, and that answer is not public.
    await t.db.sql`update shares set revoked_at = now() where id = ${w.share.id}`;
    const revoked = await t.app.request(path, {
      headers: { "if-none-match": anon.headers.get("etag")! },
    });
    assert.equal(revoked.status, 404);
    assert.doesNotMatch(revoked.headers.get("cache-control")!, /public/);
    await revoked.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("static files: /static/build/* immutable, other static files revalidated, /favicon.ico", async () => {
  const t = await createTestApp();
  try {
    const css = await t.app.request("/static/app.css");
    assert.equal(css.status, 200);
    assert.equal(css.headers.get("cache-control"), "public, no-cache");
    assertSecurityHeaders(css, "/static/app.css");
    await css.body?.cancel();
    let built: string | undefined;
    try {
      for await (const e of Deno.readDir("static/build")) {
        if (e.name.endsWith(".js")) built ??= e.name;
      }
    } catch { /* not built: nothing to check */ }
    if (built) {
      const js = await t.app.request(`/static/build/${built}`);
      assert.equal(js.status, 200);
      assert.equal(js.headers.get("cache-control"), "public, max-age=31536000, immutable");
      await js.body?.cancel();
    }
    // Browsers ask for /favicon.ico on every site: a permanent redirect to the SVG the pages link.
    const ico = await t.app.request("/favicon.ico");
    assert.equal(ico.status, 301);
    assert.equal(ico.headers.get("location"), "/static/favicon.svg");
    assert.equal(ico.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(ico.headers.get("set-cookie"), null);
    assertSecurityHeaders(ico, "/favicon.ico");
    const svg = await t.app.request("/static/favicon.svg");
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get("content-type") ?? "", /^image\/svg\+xml\b/);
    assert.equal(svg.headers.get("cache-control"), "public, no-cache");
    assert.match(await svg.text(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const missing = await t.app.request("/static/build/nope-0000.js");
    assert.doesNotMatch(missing.headers.get("cache-control") ?? "", /immutable/);
    await missing.body?.cancel();
  } finally {
    await t.close();
  }
});
