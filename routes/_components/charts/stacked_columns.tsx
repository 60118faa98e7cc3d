import { ChartSvg } from "./svg.tsx";

/** A series of a stacked chart: a participant (colour slot) or "others" (slot null). */
export interface Series {
  name: string;
  slot: number | null;
  values: number[];
}

const WIDTH = 860, HEIGHT = 260, LEFT = 44, BOTTOM = 24, TOP = 10, RIGHT = 8;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `YYYY-MM` as "Jan 2024". */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** Columns per month (`categories`, `YYYY-MM`), each stacking the series bottom-up. */
export function StackedColumns(
  props: { id: string; title: string; desc?: string; categories: string[]; series: Series[] },
) {
  const n = props.categories.length;
  const totals = props.categories.map((_, i) => props.series.reduce((s, x) => s + x.values[i], 0));
  const max = Math.max(1, ...totals);
  const plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
  const step = plotW / Math.max(1, n), gap = step > 4 ? Math.min(4, step * 0.2) : 0;
  const x = (i: number) => LEFT + i * step + gap / 2;
  const h = (v: number) => (v / max) * plotH;
  const base = props.categories.map(() => 0);
  const labelled = (i: number) => n <= 12 || props.categories[i].endsWith("-01") || i === 0;
  return (
    <ChartSvg
      id={props.id}
      title={props.title}
      desc={props.desc}
      width={WIDTH}
      height={HEIGHT}
      class="columns"
    >
      <g class="axis">
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotH} y2={TOP + plotH} />
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP} y2={TOP} class="grid" />
        <text x={LEFT - 6} y={TOP} text-anchor="end" dominant-baseline="middle">
          {max.toLocaleString("en")}
        </text>
        <text x={LEFT - 6} y={TOP + plotH} text-anchor="end" dominant-baseline="middle">0</text>
        {props.categories.map((c, i) =>
          labelled(i) && (
            <text x={x(i) + (step - gap) / 2} y={HEIGHT - 6} text-anchor="middle">
              {n <= 12 ? monthLabel(c).slice(0, 3) : c.slice(0, 4)}
            </text>
          )
        )}
      </g>
      {props.series.map((s) => (
        <g class={s.slot === null ? "others" : `p${s.slot}`}>
          {s.values.map((v, i) => {
            if (v === 0) return null;
            const y = TOP + plotH - base[i] - h(v);
            base[i] += h(v);
            return (
              <rect
                x={x(i).toFixed(1)}
                y={y.toFixed(1)}
                width={(step - gap).toFixed(1)}
                height={h(v).toFixed(1)}
              />
            );
          })}
        </g>
      ))}
    </ChartSvg>
  );
}
