import assert from "node:assert/strict";
import { renderToString } from "preact-render-to-string";
import { RichText } from "./rich_text.tsx";
import { SnippetText } from "./snippet.tsx";

const html = (text: string) => renderToString(<RichText text={text} />);

Deno.test("RichText: formatting becomes elements", () => {
  assert.equal(
    html("*bold* _it_ ~no~ `c` ```m```"),
    '<p class="text" dir="auto"><strong>bold</strong> <em>it</em> <s>no</s> <code>c</code> <code>m</code></p>',
  );
  assert.equal(
    html("> q\n- a\n- b\n2. x\n```\nx < y\n```"),
    '<div class="text"><blockquote dir="auto">q</blockquote><ul><li dir="auto">a</li><li dir="auto">b</li></ul>' +
      '<ol start="2"><li dir="auto">x</li></ol><pre dir="ltr"><code>x &lt; y</code></pre></div>',
  );
  assert.equal(html("👍👍"), '<p class="text jumbo" dir="auto">👍👍</p>');
  assert.equal(
    html("مرحبا *بالعالم*"),
    '<p class="text" dir="auto">مرحبا <strong>بالعالم</strong></p>',
  );
  assert.equal(html(""), "");
});

Deno.test("RichText: links are safe anchors", () => {
  assert.equal(
    html("see www.ex.com/a?b=1&c=2"),
    '<p class="text" dir="auto">see <a href="https://www.ex.com/a?b=1&amp;c=2" rel="noopener nofollow ugc" target="_blank">www.ex.com/a?b=1&amp;c=2</a></p>',
  );
  assert.equal(
    html('https://ex.com/"><script>x</script>'),
    '<p class="text" dir="auto"><a href="https://ex.com/" rel="noopener nofollow ugc" target="_blank">https://ex.com/</a>' +
      "&quot;>&lt;script>x&lt;/script></p>",
  );
});

Deno.test("RichText: nothing a chat contains can inject markup", () => {
  const attempts = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "*<b>bold?</b>*",
    "_<i onclick=x>_",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "`<script>`",
    "```\n</pre><script>alert(1)</script>\n```",
    "> <iframe src=//evil>",
    "- <a href=javascript:x>x</a>",
    "&lt;script&gt; &amp; &#60;",
    "https://ex.com/<script>",
    "www.ex.com\u0000<script>",
  ];
  for (const text of attempts) {
    const out = html(text);
    // Every "<" in the output starts one of our own tags with our own attributes; a "<" of
    // the text is escaped.
    for (const [, name, attrs] of out.matchAll(/<\/?([a-z]+)([^>]*)>/g)) {
      assert.ok(
        ["p", "div", "strong", "em", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a"]
          .includes(name),
        `${text} → ${out}`,
      );
      const names = [...attrs.matchAll(/ ([a-z-]+)="[^"]*"/g)].map((m) => m[1]);
      assert.equal(attrs.replace(/ ([a-z-]+)="[^"]*"/g, ""), "", `${text} → ${out}`);
      assert.ok(
        names.every((n) => ["class", "dir", "href", "rel", "target", "start"].includes(n)),
        `${text} → ${out}`,
      );
    }
    assert.doesNotMatch(out, /<(script|img|svg|iframe|b|i)\b/i, text);
    assert.doesNotMatch(out, /href="(?!https?:)/, text);
    // "&" is always escaped: entities in chats are shown as typed.
    if (text.includes("&lt;")) assert.match(out, /&amp;lt;script&amp;gt;/);
  }
});

Deno.test("SnippetText: highlights as <mark>, text escaped", () => {
  assert.equal(
    renderToString(
      <SnippetText snippet={{ text: "a <b>hello</b> & bye", highlights: [[5, 10], [17, 20]] }} />,
    ),
    '<p class="snippet" dir="auto">a &lt;b><mark>hello</mark>&lt;/b> &amp; <mark>bye</mark></p>',
  );
});
