/**
 * WhatsApp message text → a token tree of blocks (paragraphs, quotes, lists, code blocks) of
 * inline nodes. Pure and DOM-free, so the server and the browser islands format alike;
 * `routes/_components/rich_text.tsx` renders the tree as Preact VNodes (text is always
 * escaped: nothing here is markup).
 *
 * @module
 */
import { isJumboEmoji } from "./emoji.ts";
import { type Inline, parseInline } from "./inline.ts";

export type { Inline } from "./inline.ts";

/** A block of a message. Paragraph and quote children may contain `"\n"` text (line breaks). */
export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "quote"; children: Inline[] }
  | { type: "list"; ordered: false; items: Inline[][] }
  | { type: "list"; ordered: true; start: number; items: Inline[][] }
  | { type: "codeblock"; text: string };

/** A formatted message: its blocks, and whether it is 1–3 emoji only (shown large). */
export interface RichText {
  blocks: Block[];
  jumbo: boolean;
}

const QUOTE = /^> /;
const BULLET = /^[-*•] /;
const NUMBERED = /^(\d{1,9})\. /;
const FENCE = /```([^]*?)```/g;

type LineKind = "paragraph" | "quote" | "bullet" | "numbered";

function kindOf(line: string): LineKind {
  if (QUOTE.test(line)) return "quote";
  if (BULLET.test(line)) return "bullet";
  if (NUMBERED.test(line)) return "numbered";
  return "paragraph";
}

/** Inline nodes of several lines joined by `"\n"` text nodes. */
function joinLines(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: "text", text: "\n" });
    out.push(...parseInline(line));
  });
  // Merge neighbouring text nodes (the "\n" with the text around it).
  return out.reduce<Inline[]>((acc, node) => {
    const last = acc.at(-1);
    if (node.type === "text" && last?.type === "text") {
      acc[acc.length - 1] = { type: "text", text: last.text + node.text };
    } else acc.push(node);
    return acc;
  }, []);
}

function lineBlocks(text: string, out: Block[]) {
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length) {
    const kind = kindOf(lines[i]);
    let j = i + 1;
    while (j < lines.length && kindOf(lines[j]) === kind) j++;
    const group = lines.slice(i, j);
    if (kind === "quote") {
      out.push({
        type: "quote",
        children: joinLines(group.map((l) => l.slice(2))),
      });
    } else if (kind === "bullet") {
      out.push({ type: "list", ordered: false, items: group.map((l) => parseInline(l.slice(2))) });
    } else if (kind === "numbered") {
      const start = Number(NUMBERED.exec(group[0])![1]);
      out.push({
        type: "list",
        ordered: true,
        start,
        items: group.map((l) => parseInline(l.slice(NUMBERED.exec(l)![0].length))),
      });
    } else if (group.some((l) => l !== "")) {
      out.push({ type: "paragraph", children: joinLines(group) });
    }
    i = j;
  }
}

/**
 * Parses a message's text.
 *
 * @example
 * ```ts
 * parseRichText("> quoted\n*bold* reply").blocks;
 * // [{ type: "quote", children: [{ type: "text", text: "quoted" }] },
 * //  { type: "paragraph", children: [{ type: "bold", children: [{ type: "text", text: "bold" }] },
 * //                                  { type: "text", text: " reply" }] }]
 * ```
 */
export function parseRichText(text: string): RichText {
  if (isJumboEmoji(text)) {
    return {
      blocks: [{ type: "paragraph", children: [{ type: "text", text: text.trim() }] }],
      jumbo: true,
    };
  }
  const blocks: Block[] = [];
  let from = 0;
  FENCE.lastIndex = 0;
  // Fenced spans over several lines are code blocks; one-line ```mono``` is inline.
  for (let m = FENCE.exec(text); m !== null; m = FENCE.exec(text)) {
    if (!m[1].includes("\n")) continue;
    lineBlocks(text.slice(from, m.index).replace(/\n$/, ""), blocks);
    blocks.push({ type: "codeblock", text: m[1].replace(/^\n/, "").replace(/\n$/, "") });
    from = m.index + m[0].length;
    if (text[from] === "\n") from++;
  }
  lineBlocks(text.slice(from), blocks);
  return { blocks, jumbo: false };
}

/** The plain text of inline nodes (for titles, previews and tests). */
export function plainText(nodes: Inline[]): string {
  return nodes.map((n) => ("children" in n ? plainText(n.children) : n.text)).join("");
}
