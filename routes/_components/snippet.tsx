import { type Snippet, snippetSegments } from "../../lib/format/highlight.ts";

/** A search snippet with its matches in `<mark>`: text nodes only, never parsed as HTML. */
export function SnippetText(props: { snippet: Snippet }) {
  return (
    <p class="snippet" dir="auto">
      {snippetSegments(props.snippet).map((s) => (s.mark ? <mark>{s.text}</mark> : s.text))}
    </p>
  );
}

/**
 * Who wrote a hit, in bold, then the chat it is in, muted after "in" (`title`; absent when
 * searching one chat): in the same bold, "María José María José" (her message in the chat
 * named after her) did not say which name was which. Each name isolated (`<bdi>`).
 */
export function HitSource(props: { author: string | null; title?: string }) {
  return (
    <>
      {props.author && (
        <strong class="who">
          <bdi>{props.author}</bdi>
        </strong>
      )}
      {props.title !== undefined && (
        <span class="conv">
          in <bdi>{props.title}</bdi>
        </span>
      )}
    </>
  );
}
