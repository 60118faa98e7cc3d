/// <reference lib="dom" />
// The Content-Security-Policy in a real browser: the pages work under it (no violation is
// reported) and an injected inline script would not run.
import assert from "node:assert/strict";
import { browserTest, chatZip, importChat, type Reader, startReader } from "../helpers/browser.ts";

browserTest("browser: pages run under the CSP without a single violation", async () => {
  let reader: Reader | undefined;
  try {
    reader = await startReader();
    const id = await importChat(reader, await chatZip());
    const share = await (await reader.t.app.request(`/api/conversations/${id}/shares`, {
      method: "POST",
      headers: { authorization: `Bearer ${reader.token}`, "content-type": "application/json" },
      body: JSON.stringify({ fromSeq: 1, toSeq: 40, expiresInHours: 1 }),
    })).json();
    const context = await reader.context({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        // deno-lint-ignore no-explicit-any
        (globalThis as any).reportViolation(
          `${e.violatedDirective} ${e.blockedURI} at ${location.pathname}`,
        );
      });
    });
    for (
      const path of [
        "/",
        `/c/${id}`,
        "/account",
        "/api/docs",
        new URL(share.url).pathname,
        "/search?q=a",
      ]
    ) {
      const res = await page.goto(path, { waitUntil: "load" });
      assert.equal(res?.status(), 200, path);
      assert.ok(res?.headers()["content-security-policy"]?.includes("script-src 'self'"), path);
    }
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(violations.length, 0, `the pages need nothing the policy forbids: ${violations}`);
    assert.deepEqual(reader.errors, []);
    // An inline script (as an injection would add) is refused by the browser.
    await page.goto("/account");
    const ran = await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.injected = true";
      document.body.append(s);
      // deno-lint-ignore no-explicit-any
      return (globalThis as any).injected === true;
    });
    assert.equal(ran, false);
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(
      violations.some((v) => v.startsWith("script-src")),
      "the blocked script was reported",
    );
  } finally {
    await reader?.close();
  }
});
