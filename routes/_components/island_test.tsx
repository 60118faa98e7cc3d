import assert from "node:assert/strict";
import { renderToString } from "preact-render-to-string";
import type { IslandManifest } from "../../lib/build_islands.ts";
import { Island, IslandAssets, IslandScripts, propsJson } from "./island.tsx";

/** What a browser's `element.dataset.props` gives back from the rendered attribute. */
function attribute(html: string, name: string): string {
  const raw = html.match(new RegExp(`${name}="([^"]*)"`))?.[1];
  assert.ok(raw !== undefined, `no ${name} in ${html}`);
  return raw.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(
    /&amp;/g,
    "&",
  );
}

Deno.test("Island: a data-island wrapper with the props, around the component's output", () => {
  const props = { title: `</script><b onclick="x">'&amp;"`, n: 3, tags: ["a", "b"], none: null };
  const html = renderToString(
    <Island
      name="view_as"
      props={props}
      component={(p: typeof props) => <b>{p.title}</b>}
    />,
  );
  assert.match(html, /^<div data-island="view_as" data-props="[^"]*"><b>/);
  assert.ok(!html.includes("</script>"), "nothing in the props can close a tag");
  assert.deepEqual(JSON.parse(attribute(html, "data-props")), props);
});

Deno.test("Island: children stand in for the component", () => {
  const html = renderToString(
    <Island name="lightbox" props={{}}>
      <p>fallback</p>
    </Island>,
  );
  assert.equal(html, '<div data-island="lightbox" data-props="{}"><p>fallback</p></div>');
});

Deno.test("propsJson: refuses what JSON would lose, naming where", () => {
  assert.throws(
    () => propsJson("search", { a: { b: [1, () => {}] } }),
    /Island "search": expected serialisable props \(JSON values\), got function at props\.a\.b\[1\]/,
  );
  assert.throws(() => propsJson("x", { when: new Date(0) }), /got Date at props\.when/);
  assert.throws(() => propsJson("x", { n: Infinity }), /got number at props\.n/);
  assert.throws(() => propsJson("x", { n: 1n }), /got bigint at props\.n/);
  assert.equal(propsJson("x", { s: "<b>" }), '{"s":"\\u003cb>"}');
});

Deno.test("IslandScripts: the client, its preloads and the styles; nothing without a build", () => {
  assert.equal(renderToString(<IslandScripts />), "");
  const manifest: IslandManifest = {
    client: { file: "/static/build/client-AAAA.js", imports: ["/static/build/chunk-B.js"] },
    css: "/static/build/islands-C.css",
    islands: {},
    sources: "",
  };
  const html = renderToString(
    <IslandAssets.Provider value={manifest}>
      <IslandScripts />
    </IslandAssets.Provider>,
  );
  assert.equal(
    html,
    '<link rel="modulepreload" href="/static/build/chunk-B.js"/>' +
      '<script type="module" src="/static/build/client-AAAA.js"></script>' +
      '<link rel="stylesheet" href="/static/build/islands-C.css"/>',
  );
});
