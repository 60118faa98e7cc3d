import assert from "node:assert/strict";
import { parseRichText, plainText } from "./rich_text.ts";

const t = (text: string) => ({ type: "text", text });

Deno.test("rich text: plain lines stay one paragraph with their line breaks", () => {
  assert.deepEqual(parseRichText("hello\n\nworld"), {
    blocks: [{ type: "paragraph", children: [t("hello\n\nworld")] }],
    jumbo: false,
  });
  assert.deepEqual(parseRichText(""), { blocks: [], jumbo: false });
});

Deno.test("rich text: quotes, bullet and numbered lists", () => {
  const { blocks } = parseRichText(
    "> who said\n> this?\nme\n- one\n* *two*\n3. three\n4. four\nbye",
  );
  assert.deepEqual(blocks, [
    { type: "quote", children: [t("who said\nthis?")] },
    { type: "paragraph", children: [t("me")] },
    { type: "list", ordered: false, items: [[t("one")], [{ type: "bold", children: [t("two")] }]] },
    { type: "list", ordered: true, start: 3, items: [[t("three")], [t("four")]] },
    { type: "paragraph", children: [t("bye")] },
  ]);
  // Not list or quote syntax: no space after the marker.
  assert.deepEqual(parseRichText(">x\n-1\n2.5").blocks, [{
    type: "paragraph",
    children: [t(">x\n-1\n2.5")],
  }]);
});

Deno.test("rich text: multi-line ``` fences are code blocks, formatting untouched", () => {
  const { blocks } = parseRichText("look:\n```\nconst *a* = `b`;\n_x_\n```\ndone ```mono```");
  assert.deepEqual(blocks, [
    { type: "paragraph", children: [t("look:")] },
    { type: "codeblock", text: "const *a* = `b`;\n_x_" },
    { type: "paragraph", children: [t("done "), { type: "code", text: "mono" }] },
  ]);
});

Deno.test("rich text: emoji-only messages are jumbo", () => {
  assert.deepEqual(parseRichText(" 🎉🎉 "), {
    blocks: [{ type: "paragraph", children: [t("🎉🎉")] }],
    jumbo: true,
  });
  assert.equal(parseRichText("🎉 yes").jumbo, false);
});

Deno.test("rich text: markup in messages is only ever text", () => {
  const evil = `<script>alert(1)</script><img src=x onerror=alert(1)> &amp; "quotes" 'apos'`;
  const { blocks } = parseRichText(evil);
  assert.equal(blocks.length, 1);
  const p = blocks[0];
  assert.ok(p.type === "paragraph");
  assert.equal(plainText(p.children), evil);
  assert.ok(p.children.every((n) => n.type === "text"));
});
