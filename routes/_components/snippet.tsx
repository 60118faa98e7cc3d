import { type Snippet, snippetSegments } from "../../lib/format/highlight.ts";

/** A search snippet with its matches in `<mark>`: text nodes only, never parsed as HTML. */
export function SnippetText(props: { snippet: Snippet }) {
  return (
    <p class="snippet" dir="auto">
      {snippetSegments(props.snippet).map((s) => (s.mark ? <mark>{s.text}</mark> : s.text))}
    </p>
  );
}
