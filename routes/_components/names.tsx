/**
 * Participant names as a comma-separated list, each name in its own `<bdi>`: a right-to-left
 * name never reorders its neighbours ("דני, +1 555 0100" must not read "0100 555 1+ ,דני").
 * With `max`, the first `max` names and "and N more". With `you` (a conversation's view-as, or
 * null for nobody), who "you" are is marked `Ann (you)` and each name carries
 * `data-participant`, so the view-as island moves the mark without a reload ({@link markYou}
 * in islands/view_as.tsx).
 */
export function Names(props: { names: string[]; max?: number; you?: string | null }) {
  const shown = props.max ? props.names.slice(0, props.max) : props.names;
  const more = props.names.length - shown.length;
  const marked = props.you !== undefined;
  const list = (
    <>
      {shown.flatMap((name, i) => [
        i > 0 && ", ",
        <bdi key={i} data-participant={marked ? name : undefined}>{name}</bdi>,
        marked && name === props.you && <span key={`you${i}`} class="you">{YOU}</span>,
      ])}
      {more > 0 && ` and ${more} more`}
    </>
  );
  return marked ? <span class="participants">{list}</span> : list;
}

/** The mark after the participant shown as "me". */
export const YOU = " (you)";
