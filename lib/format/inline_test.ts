import assert from "node:assert/strict";
import { parseInline } from "./inline.ts";

const t = (text: string) => ({ type: "text", text });
const b = (...children: unknown[]) => ({ type: "bold", children });
const i = (...children: unknown[]) => ({ type: "italic", children });
const s = (...children: unknown[]) => ({ type: "strike", children });

Deno.test("inline: the three styles, nested, at word boundaries", () => {
  assert.deepEqual(parseInline("*bold* _it_ ~gone~"), [
    b(t("bold")),
    t(" "),
    i(t("it")),
    t(" "),
    s(t("gone")),
  ]);
  assert.deepEqual(parseInline("*_both_*"), [b(i(t("both")))]);
  assert.deepEqual(parseInline("a *b _c_ d* e"), [
    t("a "),
    b(t("b "), i(t("c")), t(" d")),
    t(" e"),
  ]);
  assert.deepEqual(parseInline("(*x*)"), [t("("), b(t("x")), t(")")]);
  assert.deepEqual(parseInline("*multi word bold*!"), [b(t("multi word bold")), t("!")]);
});

Deno.test("inline: markers that do not format stay text", () => {
  for (
    const text of [
      "snake_case_name",
      "2*3*4",
      "* not bold*",
      "*not bold *",
      "**",
      "*",
      "a*b* c",
      "*unclosed",
      "x_y_",
      "~ ~",
      "*bold*s",
    ]
  ) {
    assert.deepEqual(parseInline(text), [t(text)], text);
  }
});

Deno.test("inline: the same style does not nest; first closer wins", () => {
  assert.deepEqual(parseInline("*a *b* c*"), [b(t("a *b")), t(" c*")]);
});

Deno.test("inline: code and mono spans are atomic", () => {
  assert.deepEqual(parseInline("run `rm *.tmp*` now"), [t("run "), {
    type: "code",
    text: "rm *.tmp*",
  }, t(" now")]);
  assert.deepEqual(parseInline("```*mono*```"), [{ type: "code", text: "*mono*" }]);
  assert.deepEqual(parseInline("*see `x`*"), [b(t("see "), { type: "code", text: "x" })]);
  assert.deepEqual(parseInline("``"), [t("``")]);
  assert.deepEqual(parseInline("a ` b"), [t("a ` b")]);
});

Deno.test("inline: links are atomic and safe", () => {
  assert.deepEqual(parseInline("go to https://ex.com/a_b_c now"), [
    t("go to "),
    { type: "link", href: "https://ex.com/a_b_c", text: "https://ex.com/a_b_c" },
    t(" now"),
  ]);
  assert.deepEqual(parseInline("_www.ex.com_"), [
    i({ type: "link", href: "https://www.ex.com/", text: "www.ex.com" }),
  ]);
  assert.deepEqual(parseInline("*https://ex.com*"), [
    b({ type: "link", href: "https://ex.com/", text: "https://ex.com" }),
  ]);
  // A link inside code is code.
  assert.deepEqual(parseInline("`https://ex.com`"), [{ type: "code", text: "https://ex.com" }]);
  for (
    const text of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://ex.com", "mailto:a@b.c"]
  ) {
    assert.deepEqual(parseInline(text), [t(text)], text);
  }
});

Deno.test("inline: long adversarial lines stay fast", () => {
  const line = "*a _b ~c `d ".repeat(20_000);
  const start = performance.now();
  const nodes = parseInline(line);
  assert.ok(performance.now() - start < 1000, "parsed in under a second");
  assert.ok(nodes.length >= 1);
  const unclosed = "*x ".repeat(30_000);
  const s2 = performance.now();
  assert.deepEqual(parseInline(unclosed), [t(unclosed)]);
  assert.ok(performance.now() - s2 < 1000);
});
