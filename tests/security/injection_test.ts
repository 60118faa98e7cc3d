// Break-in attempts through text inputs: SQL and markup in emails, token names, filenames,
// conversation titles, message text and search queries. Everything is stored as typed and
// rendered as text; no query breaks.
import assert from "node:assert/strict";
import { createTestApp, signUp } from "../helpers/app.ts";
import { chatZip, runImport, upload } from "./_fixtures.ts";

const SCRIPT = "<script>alert(1)</script>";
const IMG = `<img src=x onerror="alert(1)">`;
const SQL = "'; drop table users; --";

/** The page holds none of the payloads as markup, and shows them as text. */
function assertEscaped(html: string, payload: string, where: string) {
  assert.ok(!html.includes(payload), `${where}: the raw payload is in the page`);
  assert.ok(!/<script>alert|<img src=x/i.test(html), `${where}: markup got through`);
  const text = html.replace(
    /&(lt|gt|quot|#39|#x27|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", amp: "&" })[e]!,
  );
  assert.ok(text.includes(payload), `${where}: the payload is not shown as text`);
}

Deno.test("injection: emails and credentials with SQL are data, not code", async () => {
  const t = await createTestApp();
  try {
    const odd = await signUp(t.app, "o'hara+test@example.com");
    assert.equal((await t.app.request("/api/conversations", { headers: odd.headers })).status, 200);
    const tryLogin = (email: string, password: string) =>
      t.app.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
    assert.equal((await tryLogin("o'hara+test@example.com", "correct horse battery")).status, 200);
    for (const email of [`' OR '1'='1`, `admin@example.com' --`, `x@example.com${SQL}`]) {
      const res = await tryLogin(email, "' OR '1'='1");
      assert.ok(res.status === 400 || res.status === 401, `${email}: ${res.status}`);
    }
    assert.equal((await tryLogin("o'hara+test@example.com", "' OR '1'='1")).status, 401);
    const [users] = await t.db.sql`select count(*)::int as n from users`;
    assert.equal(users.n, 1);
    // The sign-up page echoes a bad email back escaped.
    const page = await t.app.request("/signup", {
      method: "POST",
      headers: { origin: "http://localhost" },
      body: new URLSearchParams({ email: `"><script>alert(1)</script>`, password: "long enough" }),
    });
    assert.equal(page.status, 400);
    assert.ok(!(await page.text()).includes("<script>alert(1)"));
  } finally {
    await t.close();
  }
});

Deno.test("injection: token names and upload filenames render escaped on every page", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const cookie = { cookie: `session=${ann.token}` };
    for (const name of [SCRIPT, SQL]) {
      const res = await t.app.request("/api/tokens", {
        method: "POST",
        headers: { ...ann.headers, "content-type": "application/json" },
        body: JSON.stringify({ name }),
      });
      assert.equal(res.status, 201);
      assert.equal((await res.json()).name, name, "stored exactly as typed");
    }
    assertEscaped(
      await (await t.app.request("/account", { headers: cookie })).text(),
      SCRIPT,
      "/account",
    );
    const bad = await t.app.request("/api/tokens", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "line\nbreak\u0000" }),
    });
    assert.equal(bad.status, 400);

    // A pending upload named with markup: the library and the import page show it as text.
    // (A "/" would cut the name to its last segment, as for a path: the payload has none.)
    const res = await t.app.request(
      `/api/imports?filename=${encodeURIComponent(`${IMG}.txt`)}`,
      {
        method: "POST",
        headers: { ...ann.headers, "content-type": "text/plain" },
        body: "01/02/2024, 10:00 - Ann: hello\n",
      },
    );
    assert.equal(res.status, 202);
    const { id } = await res.json();
    assertEscaped(
      await (await t.app.request("/", { headers: cookie })).text(),
      `${IMG}.txt`,
      "library",
    );
    const importPage = await t.app.request(`/imports/${id}?stay`, { headers: cookie });
    assertEscaped(await importPage.text(), `${IMG}.txt`, "import page");
    const status = await (await t.app.request(`/api/imports/${id}`, { headers: ann.headers }))
      .json();
    assert.equal(status.filename, `${IMG}.txt`);
    // The issue's example: `<script>alert(1)</script>.txt` (kept as its last path segment).
    const script = await t.app.request(
      `/api/imports?filename=${encodeURIComponent(`${SCRIPT}.txt`)}`,
      {
        method: "POST",
        headers: { ...ann.headers, "content-type": "text/plain" },
        // Another file: the same bytes again would be refused as already imported.
        body: "01/02/2024, 10:00 - Ann: hello again\n",
      },
    );
    const scriptId = (await script.json()).id;
    for (const path of ["/", `/imports/${scriptId}?stay`]) {
      const html = await (await t.app.request(path, { headers: cookie })).text();
      assert.ok(html.includes("script&gt;.txt") || html.includes("script>.txt"), path);
      assert.ok(!/<script>alert/i.test(html), path);
    }
  } finally {
    await t.close();
  }
});

Deno.test("injection: a title and messages with markup stay text (owner pages, API, shared page)", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const cookie = { cookie: `session=${ann.token}` };
    const zip = await chatZip([
      `[02/01/2024, 10:00:00] Ann: ${SCRIPT}`,
      `[02/01/2024, 10:01:00] ${IMG}: hi ${SQL}`,
      `[02/01/2024, 10:02:00] Ann: javascript:alert(1) and https://example.com/?q=<b>x</b>`,
    ]);
    const id = await upload(t, ann.headers, zip, `WhatsApp Chat - ${IMG}.zip`);
    await runImport(t, id);
    const conv = await (await t.app.request(`/api/conversations/${id}`, { headers: ann.headers }))
      .json();
    assert.equal(conv.title, IMG);
    assert.ok(conv.participants.includes(IMG));

    assertEscaped(await (await t.app.request("/", { headers: cookie })).text(), IMG, "library");
    const page = await (await t.app.request(`/c/${id}`, { headers: cookie })).text();
    assertEscaped(page, SCRIPT, "conversation page");
    assertEscaped(page, IMG, "conversation page title");
    assert.doesNotMatch(page, /href="javascript:/i);
    assertEscaped(
      await (await t.app.request("/account", { headers: cookie })).text(),
      IMG,
      "/account",
    );

    const share = await (await t.app.request(`/api/conversations/${id}/shares`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ expiresInHours: 1 }),
    })).json();
    const shared = await (await t.app.request(new URL(share.url).pathname)).text();
    assertEscaped(shared, SCRIPT, "shared page");
    assertEscaped(shared, IMG, "shared page title");

    // The export is JSON (never HTML) and holds the text exactly.
    const exp = await t.app.request(`/api/conversations/${id}/export`, { headers: ann.headers });
    assert.equal(exp.headers.get("x-content-type-options"), "nosniff");
    const doc = await exp.json();
    assert.equal(doc.messages[0].text, SCRIPT);
  } finally {
    await t.close();
  }
});

Deno.test("injection: search queries with SQL and markup neither break nor render", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const zip = await chatZip([`[02/01/2024, 10:00:00] Ann: it's a café ${SCRIPT}`]);
    await runImport(t, await upload(t, ann.headers, zip, "WhatsApp Chat - Bob.zip"));
    for (const q of [SQL, "' OR 1=1 --", "\\", "%", "_", "a & b | !c", "(((", SCRIPT, "café:*"]) {
      const res = await t.app.request(`/api/search?q=${encodeURIComponent(q)}`, {
        headers: ann.headers,
      });
      assert.equal(res.status, 200, `${q}: ${res.status}`);
      await res.json();
      const author = await t.app.request(`/api/search?q=cafe&author=${encodeURIComponent(q)}`, {
        headers: ann.headers,
      });
      assert.equal(author.status, 200, `author ${q}`);
      await author.body?.cancel();
    }
    const hit = await (await t.app.request("/api/search?q=cafe", { headers: ann.headers })).json();
    assert.equal(hit.results.length, 1);
    const page = await t.app.request(`/search?q=${encodeURIComponent(SCRIPT)}`, {
      headers: { cookie: `session=${ann.token}` },
    });
    assert.equal(page.status, 200);
    assertEscaped(await page.text(), SCRIPT, "search page");
    const [users] = await t.db.sql`select count(*)::int as n from users`;
    assert.equal(users.n, 1);
  } finally {
    await t.close();
  }
});
