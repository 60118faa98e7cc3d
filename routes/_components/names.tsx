/**
 * Participant names as a comma-separated list, each name in its own `<bdi>`: a right-to-left
 * name never reorders its neighbours ("דני, +1 555 0100" must not read "0100 555 1+ ,דני").
 * With `max`, the first `max` names and "and N more".
 */
export function Names(props: { names: string[]; max?: number }) {
  const shown = props.max ? props.names.slice(0, props.max) : props.names;
  const more = props.names.length - shown.length;
  return (
    <>
      {shown.flatMap((name, i) => [i > 0 && ", ", <bdi key={i}>{name}</bdi>])}
      {more > 0 && ` and ${more} more`}
    </>
  );
}

/**
 * A conversation's participants with who "you" are (its view-as) marked `Ann (you)`. Each name
 * carries `data-participant`, so the view-as island moves the mark without a reload
 * ({@link markYou} in islands/view_as.tsx).
 */
export function Participants(props: { names: string[]; you: string | null }) {
  return (
    <span class="participants">
      {props.names.flatMap((name, i) => [
        i > 0 && ", ",
        <bdi key={i} data-participant={name}>{name}</bdi>,
        name === props.you && <span key={`you${i}`} class="you">{YOU}</span>,
      ])}
    </span>
  );
}

/** The mark after the participant shown as "me". */
export const YOU = " (you)";
