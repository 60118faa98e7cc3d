import assert from "node:assert/strict";
import { renderToString } from "preact-render-to-string";
import { HitSource } from "./snippet.tsx";

Deno.test("HitSource: the sender in bold, the chat muted after “in” (the page and the island)", () => {
  // Her message in the chat named after her: the two names must not read as one.
  assert.equal(
    renderToString(<HitSource author="María José" title="María José" />),
    '<strong class="who"><bdi>María José</bdi></strong>' +
      '<span class="conv">in <bdi>María José</bdi></span>',
  );
  // One chat's search: no chat named; a system line: no sender.
  assert.equal(
    renderToString(<HitSource author="Ann" />),
    '<strong class="who"><bdi>Ann</bdi></strong>',
  );
  assert.equal(
    renderToString(<HitSource author={null} title="<Trip>" />),
    '<span class="conv">in <bdi>&lt;Trip></bdi></span>',
  );
});
