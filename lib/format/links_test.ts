import assert from "node:assert/strict";
import { findLinks, safeHref } from "./links.ts";

Deno.test("safeHref: http, https and www only", () => {
  assert.equal(safeHref("https://example.com/a?b=1#c"), "https://example.com/a?b=1#c");
  assert.equal(safeHref("HTTP://Example.com"), "http://example.com/");
  assert.equal(safeHref("www.example.com"), "https://www.example.com/");
  for (
    const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "//evil.com",
      "https://",
      "file:///etc/passwd",
    ]
  ) {
    assert.equal(safeHref(bad), null, bad);
  }
  // Quotes and brackets end a URL, so they can never break out of the attribute.
  assert.equal(safeHref('https://ex.com/"onmouseover="x'), "https://ex.com/%22onmouseover=%22x");
});

Deno.test("findLinks: boundaries and trailing punctuation", () => {
  const one = (line: string) => findLinks(line).map((l) => line.slice(l.start, l.end));
  assert.deepEqual(one("see https://ex.com/x."), ["https://ex.com/x"]);
  assert.deepEqual(one("(https://en.wikipedia.org/wiki/Foo_(bar))"), [
    "https://en.wikipedia.org/wiki/Foo_(bar)",
  ]);
  assert.deepEqual(one("(www.ex.com)"), ["www.ex.com"]);
  assert.deepEqual(one("a https://a.com, b http://b.com!"), ["https://a.com", "http://b.com"]);
  assert.deepEqual(one('<a href="https://x.com">'), ["https://x.com"]);
  assert.deepEqual(one("xhttps://ex.com user@www.ex.com"), []);
  assert.deepEqual(one("https:// and www."), []);
  assert.deepEqual(findLinks("go www.ex.com/p"), [{
    start: 3,
    end: 15,
    href: "https://www.ex.com/p",
  }]);
});
