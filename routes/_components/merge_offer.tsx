import type { Candidate } from "../../lib/merge/candidates.ts";

/**
 * "This looks like another export of X": shown on a conversation's page when an older one of
 * the user's has the same title, or the same people on overlapping dates. A plain form (works without script)
 * merges this conversation into X; the link leads to the merge page (overlap counts, another
 * target).
 */
export function MergeOffer(props: { conversationId: string; candidate: Candidate }) {
  const { conversationId, candidate: x } = props;
  const why = [x.sameTitle && "same title", x.overlaps && "the same people, overlapping dates"]
    .filter(Boolean);
  return (
    <aside class="notice merge-offer" aria-label="Merge offer">
      <p>
        This looks like another export of <strong dir="auto">{x.title}</strong> ({why.join(", ")}).
      </p>
      <form method="post" action={`/c/${conversationId}/merge`} class="inline">
        <input type="hidden" name="into" value={x.id} />
        <button type="submit">Merge into {x.title}</button>
      </form>{" "}
      <a href={`/c/${conversationId}/merge`}>Compare or choose another conversation</a>
    </aside>
  );
}
