/**
 * Links in chat text: where a URL starts and ends, and the only hrefs we ever emit
 * (`http:`/`https:`, or `www.` which becomes `https://www.`).
 *
 * @module
 */

/** A URL candidate: `http://`, `https://` or `www.` not glued to a preceding letter or digit. */
const URL_START = /(?<![\p{L}\p{N}@.\/-])(?:https?:\/\/|www\.)/giu;
/** Characters a URL never contains in chat text (whitespace, quotes, angle brackets, backtick). */
// deno-lint-ignore no-control-regex
const URL_STOP = /[\s<>"'`\u0000-\u001f\u007f]/u;
/** Punctuation that ends a sentence rather than the URL, and WhatsApp's formatting markers. */
const TRAILING = /[.,:;!?*_~]/;

/**
 * The safe href for a URL written in a message, or null: only `http:` and `https:` URLs with a
 * host survive; `www.example.com` becomes `https://www.example.com/`.
 *
 * @example
 * ```ts
 * safeHref("www.example.com/a?b=1"); // "https://www.example.com/a?b=1"
 * safeHref("javascript:alert(1)"); // null
 * ```
 */
export function safeHref(raw: string): string | null {
  const candidate = /^www\./i.test(raw) ? `https://${raw}` : raw;
  if (!/^https?:\/\//i.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return null;
  return url.href;
}

/** A URL found in a line: `[start, end)` of the text as written, and its safe href. */
export interface FoundLink {
  start: number;
  end: number;
  href: string;
}

/** Trims sentence punctuation and unbalanced closing brackets off the end of a URL. */
function trimEnd(s: string): string {
  let end = s.length;
  for (;;) {
    const last = s[end - 1];
    if (last !== undefined && TRAILING.test(last)) {
      end--;
      continue;
    }
    const pairs: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
    if (last !== undefined && last in pairs) {
      const body = s.slice(0, end);
      const opens = body.split(pairs[last]).length - 1, closes = body.split(last).length - 1;
      if (closes > opens) {
        end--;
        continue;
      }
    }
    return s.slice(0, end);
  }
}

/**
 * Every link in `line`, left to right, not overlapping.
 *
 * @example
 * ```ts
 * findLinks("see https://example.com/x.");
 * // [{ start: 4, end: 25, href: "https://example.com/x" }]
 * ```
 */
export function findLinks(line: string): FoundLink[] {
  const found: FoundLink[] = [];
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(line); m !== null; m = URL_START.exec(line)) {
    const start = m.index;
    let end = start + m[0].length;
    while (end < line.length && !URL_STOP.test(line[end])) end++;
    const text = trimEnd(line.slice(start, end));
    const href = text.length > m[0].length ? safeHref(text) : null;
    if (href !== null) found.push({ start, end: start + text.length, href });
    URL_START.lastIndex = Math.max(start + text.length, start + 1);
  }
  return found;
}
