import { ChartSvg } from "./svg.tsx";

const CELL = 14, LEFT = 44, HEAD = 14, YEAR_H = HEAD + 7 * CELL + 10, WIDTH = LEFT + 54 * CELL;
const MONTHS = "JFMAMJJASOND";
const DAY_MS = 86_400_000;

/**
 * One row of weeks per year (columns: weeks, rows: Monday to Sunday), each day shaded by its
 * number of messages in four levels of the busiest day; days without messages drawn empty.
 * Each level is one `<path>`, so a ten-year chat stays a few kilobytes.
 */
export function Calendar(
  props: { id: string; title: string; desc?: string; days: { day: string; messages: number }[] },
) {
  if (props.days.length === 0) return null;
  const first = Number(props.days[0].day.slice(0, 4));
  const last = Number(props.days[props.days.length - 1].day.slice(0, 4));
  const counts = new Map(props.days.map((d) => [d.day, d.messages]));
  const max = Math.max(...props.days.map((d) => d.messages));
  const paths = ["", "", "", "", ""]; // level 0 (empty) … 4
  const years: number[] = [];
  for (let year = first; year <= last; year++) {
    const top = (year - first) * YEAR_H + HEAD;
    years.push(year);
    const jan1 = Date.UTC(year, 0, 1);
    const offset = (new Date(jan1).getUTCDay() + 6) % 7; // Monday = 0
    for (let t = jan1; new Date(t).getUTCFullYear() === year; t += DAY_MS) {
      const index = Math.round((t - jan1) / DAY_MS) + offset;
      const v = counts.get(new Date(t).toISOString().slice(0, 10)) ?? 0;
      const level = v === 0 ? 0 : Math.min(4, Math.ceil((4 * v) / max));
      const x = LEFT + Math.floor(index / 7) * CELL, y = top + (index % 7) * CELL;
      paths[level] += `M${x} ${y}h${CELL - 2}v${CELL - 2}h${2 - CELL}z`;
    }
  }
  return (
    <ChartSvg
      id={props.id}
      title={props.title}
      desc={props.desc}
      width={WIDTH}
      height={years.length * YEAR_H}
      class="calendar"
    >
      <g class="axis">
        {years.map((year, i) => (
          <>
            <text
              x={LEFT - 6}
              y={i * YEAR_H + HEAD + 3.5 * CELL}
              text-anchor="end"
              dominant-baseline="middle"
            >
              {year}
            </text>
            {[...MONTHS].map((initial, month) => (
              <text x={LEFT + weekOf(year, month) * CELL} y={i * YEAR_H + HEAD - 4}>{initial}</text>
            ))}
          </>
        ))}
      </g>
      {paths.map((d, level) => d && <path key={level} class={`day l${level}`} d={d} />)}
    </ChartSvg>
  );
}

/** The week column (Monday-first weeks, 0 = the week of January 1st) of a month's first day. */
function weekOf(year: number, month: number): number {
  const jan1 = Date.UTC(year, 0, 1);
  const offset = (new Date(jan1).getUTCDay() + 6) % 7;
  return Math.floor((Math.round((Date.UTC(year, month, 1) - jan1) / DAY_MS) + offset) / 7);
}
