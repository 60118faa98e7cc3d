// The island build: the manifest, the JavaScript budget of the conversation page, how the
// files are served and how pages load them. No browser needed.
import assert from "node:assert/strict";
import { buildIslands, gzipSize } from "../../lib/build_islands.ts";
import { createTestApp } from "../helpers/app.ts";
import { CONVERSATION_ISLANDS } from "../helpers/browser.ts";

/** The most JavaScript the conversation page may download, gzipped. */
const BUDGET = 40 * 1024;

Deno.test("build: the conversation page's JavaScript is under 40 kB gzipped", async () => {
  const manifest = await buildIslands({ ifStale: true, quiet: true });
  const files = new Set([manifest.client.file, ...manifest.client.imports]);
  for (const name of CONVERSATION_ISLANDS) {
    const island = manifest.islands[name];
    assert.ok(island, `the manifest has the ${name} island`);
    for (const f of [island.file, ...island.imports]) files.add(f);
  }
  let total = 0;
  const sizes: string[] = [];
  for (const url of [...files].sort()) {
    const size = await gzipSize(await Deno.readTextFile(`.${url}`));
    total += size;
    sizes.push(`${url.replace("/static/build/", "")} ${size} B`);
  }
  console.log(`conversation page JavaScript: ${total} B gzipped\n  ${sizes.join("\n  ")}`);
  assert.ok(total < BUDGET, `${total} B gzipped is over the budget of ${BUDGET} B`);
});

Deno.test("build: every island is in the manifest and its files exist", async () => {
  const manifest = await buildIslands({ ifStale: true, quiet: true });
  const names = [
    ...(await Deno.readTextFile("islands/client.ts")).matchAll(/import\("\.\/(\w+)\.tsx"\)/g),
  ]
    .map((m) => m[1]);
  assert.deepEqual(Object.keys(manifest.islands).sort(), names.sort());
  for (const f of [manifest.client, ...Object.values(manifest.islands)]) {
    for (const url of [f.file, ...f.imports]) await Deno.stat(`.${url}`);
  }
  assert.match(manifest.client.file, /^\/static\/build\/client-[0-9A-F]{8}\.js$/);
  assert.match(manifest.css, /^\/static\/build\/islands-[0-9A-F]{8}\.css$/);
  // A second build from the same sources is skipped and gives the same files.
  assert.deepEqual(await buildIslands({ ifStale: true, quiet: true }), manifest);
});

Deno.test("build: pages load the client; built files are cached for good", async () => {
  const manifest = await buildIslands({ ifStale: true, quiet: true });
  const t = await createTestApp();
  try {
    const html = await (await t.app.request("/signin")).text();
    assert.ok(html.includes(`<script type="module" src="${manifest.client.file}"></script>`), html);
    assert.ok(
      html.includes(`<link rel="stylesheet" href="${manifest.css}"/>`) ||
        html.includes(`<link rel="stylesheet" href="${manifest.css}">`),
    );
    for (const f of manifest.client.imports) {
      assert.ok(html.includes(`rel="modulepreload" href="${f}"`));
    }

    const js = await t.app.request(manifest.client.file);
    assert.equal(js.status, 200);
    assert.match(js.headers.get("content-type") ?? "", /javascript/);
    assert.equal(js.headers.get("cache-control"), "public, max-age=31536000, immutable");
    await js.body?.cancel();
    const css = await t.app.request(manifest.css);
    assert.equal(css.headers.get("cache-control"), "public, max-age=31536000, immutable");
    await css.body?.cancel();

    const missing = await t.app.request("/static/build/client-00000000.js");
    assert.equal(missing.status, 404);
    assert.notEqual(missing.headers.get("cache-control"), "public, max-age=31536000, immutable");
    await missing.body?.cancel();
    const hidden = await t.app.request("/static/build/manifest.json");
    assert.equal(hidden.status, 404);
    await hidden.body?.cancel();
  } finally {
    await t.close();
  }
});
