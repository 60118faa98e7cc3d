import { ChartSvg, truncate } from "./svg.tsx";

/** One bar: its label, value, the text shown after it, and its participant colour slot. */
export interface Bar {
  label: string;
  value: number;
  text: string;
  /** Participant colour slot, or null for the theme's accent colour. */
  slot: number | null;
}

const LABEL = 120, PLOT = 250, ROW = 26, WIDTH = 460;

/** Horizontal bars, one row per item, longest bar = the largest value. */
export function BarChart(props: { id: string; title: string; desc?: string; bars: Bar[] }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const height = props.bars.length * ROW + 8;
  return (
    <ChartSvg
      id={props.id}
      title={props.title}
      desc={props.desc}
      width={WIDTH}
      height={height}
      class="bars"
    >
      {props.bars.map((bar, i) => {
        const y = 4 + i * ROW, w = bar.value > 0 ? Math.max(2, (bar.value / max) * PLOT) : 0;
        return (
          <g class={bar.slot === null ? "accent" : `p${bar.slot}`}>
            <text
              class="label"
              x={LABEL - 8}
              y={y + ROW / 2}
              text-anchor="end"
              dominant-baseline="middle"
            >
              {truncate(bar.label, 16)}
            </text>
            <rect class="bar" x={LABEL} y={y + 3} width={w.toFixed(1)} height={ROW - 6} rx="3" />
            <text
              class="value"
              x={(LABEL + w + 6).toFixed(1)}
              y={y + ROW / 2}
              dominant-baseline="middle"
            >
              {bar.text}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
