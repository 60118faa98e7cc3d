import type { ComponentChildren } from "preact";

/** A chart with its heading, a one-line summary, the drawing and its table. */
export function ChartFigure(props: {
  id: string;
  title: string;
  summary?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <figure class="chart" id={props.id} aria-labelledby={`${props.id}-heading`}>
      <figcaption>
        <h3 id={`${props.id}-heading`}>{props.title}</h3>
        {props.summary && <p class="muted">{props.summary}</p>}
      </figcaption>
      {props.children}
    </figure>
  );
}

/** Colour swatches naming the series of a chart (the SVG's colours are not its only key). */
export function Legend(props: { items: { label: string; slot: number | null }[] }) {
  return (
    <ul class="legend">
      {props.items.map((item) => (
        <li>
          <span
            class={`swatch ${item.slot === null ? "others" : `p${item.slot}`}`}
            aria-hidden="true"
          />
          <span dir="auto">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
