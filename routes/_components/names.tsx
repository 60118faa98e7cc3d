/**
 * Participant names as a comma-separated list, each name in its own `<bdi>`: a right-to-left
 * name never reorders its neighbours ("דני, +1 555 0100" must not read "0100 555 1+ ,דני").
 */
export function Names(props: { names: string[] }) {
  return <>{props.names.flatMap((name, i) => [i > 0 && ", ", <bdi key={i}>{name}</bdi>])}</>;
}
