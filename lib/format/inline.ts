/**
 * WhatsApp's inline formatting within one line: `*bold*`, `_italic_`, `~strike~`,
 * ```` ```mono``` ````, `` `code` `` and links. Pure: text in, token tree out; nothing here
 * produces markup.
 *
 * Rules (as WhatsApp applies them): a marker opens at the start of the line or after a
 * character that is not a letter or digit, and is followed by a non-space; it closes at the
 * first matching marker preceded by a non-space and not followed by a letter or digit. Code
 * spans and links are atomic (no formatting inside, so `snake_case_url` stays a link). The
 * same style does not nest in itself. Linear-ish time: each opener finds its closer by
 * binary search.
 *
 * @module
 */
import { findLinks } from "./links.ts";

/** A node of formatted text. `text` values are raw text, never markup. */
export type Inline =
  | { type: "text"; text: string }
  | { type: "bold" | "italic" | "strike"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; text: string };

type Style = "bold" | "italic" | "strike";
const STYLES: Record<string, Style> = { "*": "bold", "_": "italic", "~": "strike" };

interface Atom {
  start: number;
  end: number;
  node: Inline;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Code spans and links: ranges formatting never looks into. */
function atoms(line: string): Atom[] {
  const found: Atom[] = [];
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf("`", i);
    if (tick < 0) break;
    const fence = line.startsWith("```", tick);
    const mark = fence ? "```" : "`";
    const close = line.indexOf(mark, tick + mark.length);
    if (close > tick + mark.length) {
      const text = line.slice(tick + mark.length, close);
      found.push({ start: tick, end: close + mark.length, node: { type: "code", text } });
      i = close + mark.length;
    } else i = tick + mark.length;
  }
  const links = findLinks(line).filter((l) =>
    !found.some((a) => l.start < a.end && a.start < l.end)
  );
  for (const l of links) {
    found.push({
      start: l.start,
      end: l.end,
      node: { type: "link", href: l.href, text: line.slice(l.start, l.end) },
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Parses one line (no `\n`) into inline nodes; adjacent text is merged.
 *
 * @example
 * ```ts
 * parseInline("*hi* _there_");
 * // [{ type: "bold", children: [{ type: "text", text: "hi" }] }, { type: "text", text: " " },
 * //  { type: "italic", children: [{ type: "text", text: "there" }] }]
 * ```
 */
export function parseInline(line: string): Inline[] {
  const protectedRanges = atoms(line);
  const atomAt = new Map(protectedRanges.map((a) => [a.start, a]));
  const inside = (p: number) => {
    let lo = 0, hi = protectedRanges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (protectedRanges[mid].end <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo < protectedRanges.length && protectedRanges[lo].start <= p;
  };
  const closers: Record<string, number[]> = { "*": [], "_": [], "~": [] };
  for (let p = 1; p < line.length; p++) {
    const c = line[p];
    if (c in STYLES && !isSpace(line[p - 1]) && !isWordChar(line[p + 1]) && !inside(p)) {
      closers[c].push(p);
    }
  }
  const closerAfter = (c: string, from: number, end: number) => {
    const list = closers[c];
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && list[k] < end; k++) {
      // The content must hold something besides the marker itself (`**` is not bold).
      if (line.slice(from, list[k]).split(c).join("") !== "") return list[k];
    }
    return -1;
  };

  function parse(start: number, end: number, active: Set<Style>): Inline[] {
    const out: Inline[] = [];
    let text = start;
    const flush = (upTo: number) => {
      if (upTo > text) push(out, { type: "text", text: line.slice(text, upTo) });
    };
    let i = start;
    while (i < end) {
      const atom = atomAt.get(i);
      if (atom) {
        flush(i);
        out.push(atom.node);
        i = text = atom.end;
        continue;
      }
      const style = STYLES[line[i]];
      if (
        style && !active.has(style) && !isWordChar(line[i - 1]) && i + 1 < end &&
        !isSpace(line[i + 1])
      ) {
        const close = closerAfter(line[i], i + 1, end);
        if (close > i + 1) {
          flush(i);
          const children = parse(i + 1, close, new Set([...active, style]));
          out.push({ type: style, children });
          i = text = close + 1;
          continue;
        }
      }
      i++;
    }
    flush(end);
    return out;
  }
  return parse(0, line.length, new Set());
}

function push(out: Inline[], node: Inline) {
  const last = out.at(-1);
  if (node.type === "text" && last?.type === "text") last.text += node.text;
  else out.push(node);
}
