import { initials, participantColor } from "../../lib/format/participant.ts";

/** A participant's initials in a circle of their colour (decorative: the name is shown too). */
export function Avatar(props: { name: string }) {
  return (
    <span class={`avatar p${participantColor(props.name)}`} aria-hidden="true">
      {initials(props.name)}
    </span>
  );
}
