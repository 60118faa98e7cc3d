import type { ComponentChildren } from "preact";

/**
 * An accessible chart drawing: `role="img"`, named by its `<title>` (and described by its
 * `<desc>`) through `aria-labelledby`. Scales down with its container (see static/insights.css);
 * colours come from CSS (`currentColor`, the theme's custom properties, participant slots).
 */
export function ChartSvg(props: {
  id: string;
  title: string;
  desc?: string;
  width: number;
  height: number;
  class?: string;
  children: ComponentChildren;
}) {
  const { id, width, height } = props;
  return (
    <svg
      class={`chart-svg${props.class ? ` ${props.class}` : ""}`}
      role="img"
      aria-labelledby={props.desc ? `${id}-title ${id}-desc` : `${id}-title`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{props.title}</title>
      {props.desc && <desc id={`${id}-desc`}>{props.desc}</desc>}
      {props.children}
    </svg>
  );
}

/** A label cut to `max` characters (whole code points) with an ellipsis. */
export function truncate(label: string, max = 18): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join("")}…`;
}
