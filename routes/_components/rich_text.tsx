import type { ComponentChildren } from "preact";
import { type Block, type Inline, parseRichText } from "../../lib/format/rich_text.ts";

/** Attributes of every link taken from a message: untrusted, new tab, no referrer power. */
const LINK = { rel: "noopener nofollow ugc", target: "_blank" } as const;

function inlines(nodes: Inline[]): ComponentChildren[] {
  return nodes.map((n) => {
    switch (n.type) {
      case "text":
        return n.text;
      case "bold":
        return <strong>{inlines(n.children)}</strong>;
      case "italic":
        return <em>{inlines(n.children)}</em>;
      case "strike":
        return <s>{inlines(n.children)}</s>;
      case "code":
        return <code>{n.text}</code>;
      case "link":
        return <a href={n.href} {...LINK}>{n.text}</a>;
    }
  });
}

function block(b: Block) {
  switch (b.type) {
    case "paragraph":
      return <p dir="auto">{inlines(b.children)}</p>;
    case "quote":
      return <blockquote dir="auto">{inlines(b.children)}</blockquote>;
    case "codeblock":
      return <pre dir="ltr"><code>{b.text}</code></pre>;
    case "list":
      return b.ordered
        ? (
          <ol start={b.start}>
            {b.items.map((item, i) => <li key={i} dir="auto">{inlines(item)}</li>)}
          </ol>
        )
        : <ul>{b.items.map((item, i) => <li key={i} dir="auto">{inlines(item)}</li>)}</ul>;
  }
}

/**
 * A message's text with WhatsApp formatting, as VNodes only (every character of the text is
 * escaped by Preact; no `dangerouslySetInnerHTML`). One paragraph renders as `<p class="text">`,
 * several blocks as `<div class="text">`; 1–3 emoji only get `class="text jumbo"`.
 */
export function RichText(props: { text: string }) {
  const { blocks, jumbo } = parseRichText(props.text);
  if (blocks.length === 0) return null;
  if (blocks.length === 1 && blocks[0].type === "paragraph") {
    return <p class={jumbo ? "text jumbo" : "text"} dir="auto">{inlines(blocks[0].children)}</p>;
  }
  return <div class="text">{blocks.map(block)}</div>;
}
