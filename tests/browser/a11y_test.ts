/// <reference lib="dom" />
// Every page of the reader through axe-core (WCAG 2.0/2.1 A and AA, and axe's best practices),
// in the light theme (the `theme` cookie) and the dark one (`auto` following
// `prefers-color-scheme: dark`), at phone and desktop widths, with its menus and dialogs open
// where a page has them. One browser; one page per theme and width, reused for every path.
import assert from "node:assert/strict";
import axe from "axe-core";
import type { Page } from "playwright-core";
import { signUp } from "../helpers/app.ts";
import {
  chatZip,
  importChat,
  openTools,
  type Reader,
  readerTest,
  waitHydrated,
} from "../helpers/browser.ts";
import { kindsZip } from "../helpers/kinds_zip.ts";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** One page to check: a path, and what to do once it is loaded (open a menu, a dialog). */
type Check = { name: string; path: string; then?: (page: Page) => Promise<void> };

/** The violations axe finds in the page as it is now ("rule: target, target (summary)"). */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP does not apply.
  if (!await page.evaluate(() => "axe" in globalThis)) await page.evaluate(axe.source);
  const found = await page.evaluate(async (tags) => {
    // deno-lint-ignore no-explicit-any
    const result = await (globalThis as any).axe.run(document, {
      runOnly: { type: "tag", values: tags },
    });
    return (result.violations as axe.Result[]).map((v) =>
      `${v.id}: ${
        v.nodes.slice(0, 4).map((n) =>
          `${n.target.join(" ")} (${n.failureSummary?.split("\n")[1]?.trim()})`
        )
          .join("; ")
      }${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ""}`
    );
  }, TAGS);
  return found;
}

/** Opens each path in each theme and width and returns every violation, labelled. */
async function audit(
  reader: Reader,
  checks: Check[],
  options: { signedIn?: boolean } = {},
): Promise<string[]> {
  const out: string[] = [];
  for (const theme of ["light", "dark"] as const) {
    for (const width of [375, 1280]) {
      const context = options.signedIn === false
        ? await reader.browser.newContext({ baseURL: reader.url })
        : await reader.context();
      await context.addCookies([
        { name: "theme", value: theme === "light" ? "light" : "auto", url: reader.url },
      ]);
      await context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 800 });
      for (const check of checks) {
        await page.goto(check.path);
        // Error pages have no islands, hence no island client to mark them.
        if (await page.locator("script[type=module]").count()) await waitHydrated(page);
        await check.then?.(page);
        for (const v of await violations(page)) out.push(`${check.name} [${theme} ${width}]: ${v}`);
      }
      await context.close();
    }
  }
  return out;
}

readerTest("browser: axe finds no accessibility violations on any page", async (reader, t) => {
  await t.step("signed out: sign-in, sign-up, 404", async () => {
    const found = await audit(reader, [
      { name: "sign-in", path: "/signin" },
      { name: "sign-up", path: "/signup" },
      { name: "404 signed out", path: "/no-such-page" },
    ], { signedIn: false });
    assert.deepEqual(found, []);
  });

  await t.step("an empty library", async () => {
    const other = await signUp(reader.t.app);
    const context = await reader.browser.newContext({ baseURL: reader.url });
    await context.addCookies([{ name: "session", value: other.token, url: reader.url }]);
    const page = await context.newPage();
    const found: string[] = [];
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto("/");
      await waitHydrated(page);
      found.push(...(await violations(page)).map((v) => `empty library [${theme}]: ${v}`));
    }
    await context.close();
    assert.deepEqual(found, []);
  });

  const long = await importChat(reader, await chatZip({ group: true }));
  const kinds = await importChat(reader, await kindsZip(), "WhatsApp Chat with Bob (2).zip");
  const headers = { authorization: `Bearer ${reader.token}`, "content-type": "application/json" };
  const failed = await reader.t.app.request("/api/imports?filename=broken.zip", {
    method: "POST",
    headers: { ...headers, "content-type": "application/zip" },
    body: new Uint8Array([80, 75, 3, 4, 1, 2, 3]),
  });
  const failedId = (await failed.json()).id as string;
  for (let status = ""; status !== "failed";) {
    const res = await reader.t.app.request(`/api/imports/${failedId}`, { headers });
    status = (await res.json()).status;
    if (status !== "failed") await new Promise((r) => setTimeout(r, 50));
  }
  const shares: string[] = [];
  for (const redacted of [false, true]) {
    const res = await reader.t.app.request(`/api/conversations/${kinds}/shares`, {
      method: "POST",
      headers,
      body: JSON.stringify({ redacted, expiresInHours: 24 }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    shares.push(new URL((await res.json()).url).pathname);
  }

  await t.step("signed in: every page", async () => {
    const lightbox = async (page: Page) => {
      await page.locator("[data-lightbox]").first().click();
      await page.locator("dialog.lightbox[open] img").waitFor();
    };
    const search = async (page: Page) => {
      await openTools(page);
      await page.fill("[data-island=search] input[type=search]", "message 7");
      await page.waitForSelector(".search-results li[role=option]");
    };
    const exportMenu = async (page: Page) => {
      await page.click("details.export-menu > summary");
      await page.locator("details.export-menu[open] form").first().waitFor();
    };
    const found = await audit(reader, [
      { name: "library", path: "/" },
      { name: "failed import", path: `/imports/${failedId}` },
      { name: "import report", path: `/imports/${kinds}/report` },
      { name: "conversation (kinds)", path: `/c/${kinds}` },
      { name: "conversation (kinds) tools", path: `/c/${kinds}`, then: openTools },
      { name: "conversation (kinds) lightbox", path: `/c/${kinds}`, then: lightbox },
      { name: "conversation (long)", path: `/c/${long}` },
      { name: "conversation (long) search", path: `/c/${long}`, then: search },
      { name: "conversation (long) export", path: `/c/${long}`, then: exportMenu },
      { name: "conversation (permalink)", path: `/c/${long}/m/40#m40` },
      { name: "search", path: "/search?q=message" },
      { name: "gallery", path: `/c/${kinds}/media` },
      { name: "gallery lightbox", path: `/c/${kinds}/media`, then: lightbox },
      { name: "all media", path: "/media" },
      { name: "insights", path: `/c/${long}/insights` },
      { name: "privacy", path: `/c/${kinds}/privacy` },
      { name: "merge", path: `/c/${long}/merge` },
      { name: "account", path: "/account" },
      { name: "share", path: shares[0] },
      { name: "share (redacted)", path: shares[1] },
      { name: "404", path: `/c/${crypto.randomUUID()}` },
    ]);
    assert.deepEqual(found, []);
  });
  assert.deepEqual(reader.errors, []);
});
