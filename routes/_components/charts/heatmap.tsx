import { ChartSvg } from "./svg.tsx";

/** ISO weekdays, Monday first. */
export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const CELL = 32, LEFT = 44, TOP = 22;

/** Opacity of a cell holding `v` when the busiest holds `max` (empty cells are drawn apart). */
export const intensity = (v: number, max: number) =>
  (0.15 + 0.85 * (v / Math.max(1, max))).toFixed(2);

/** Weekday × hour grid; `cells[weekday][hour]`, Monday first. */
export function Heatmap(props: { id: string; title: string; desc?: string; cells: number[][] }) {
  const max = Math.max(0, ...props.cells.flat());
  return (
    <ChartSvg
      id={props.id}
      title={props.title}
      desc={props.desc}
      width={LEFT + 24 * CELL}
      height={TOP + 7 * CELL}
      class="heatmap"
    >
      <g class="axis">
        {WEEKDAYS.map((d, r) => (
          <text
            x={LEFT - 6}
            y={TOP + r * CELL + CELL / 2}
            text-anchor="end"
            dominant-baseline="middle"
          >
            {d}
          </text>
        ))}
        {Array.from(
          { length: 8 },
          (_, k) => (
            <text x={LEFT + k * 3 * CELL + CELL / 2} y={TOP - 6} text-anchor="middle">
              {String(k * 3).padStart(2, "0")}
            </text>
          ),
        )}
      </g>
      {props.cells.map((row, r) =>
        row.map((v, hour) => (
          <rect
            class={v === 0 ? "cell empty" : "cell"}
            x={LEFT + hour * CELL + 1}
            y={TOP + r * CELL + 1}
            width={CELL - 2}
            height={CELL - 2}
            rx="3"
            fill-opacity={v === 0 ? undefined : intensity(v, max)}
          >
            <title>
              {`${WEEKDAYS[r]} ${String(hour).padStart(2, "0")}:00: ${v.toLocaleString("en")}`}
            </title>
          </rect>
        ))
      )}
    </ChartSvg>
  );
}
