import type { Coverage, DayRange } from "../../lib/merge/coverage.ts";
import { formatDay } from "./dates.ts";

const WIDTH = 1000, ROW = 14, GAP = 6;
const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(day.slice(0, 10) + "T00:00:00Z") / DAY_MS;
const plural = (n: number, one: string, many = one + "s") =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

function Days(props: { range: DayRange }) {
  const { first, last } = props.range;
  if (first === last) return <time dateTime={first}>{formatDay(first)}</time>;
  return (
    <>
      <time dateTime={first}>{formatDay(first)}</time> –{" "}
      <time dateTime={last}>{formatDay(last)}</time>
    </>
  );
}

/**
 * The coverage timeline of a conversation: one bar per fused export on a shared day axis (a
 * tick under it when it carried media), dashed boxes over the gaps no export covers, and the
 * same as a list (the drawing is hidden from screen readers). SVG presentation attributes
 * only, in `currentColor`: no script, no inline style (CSP), follows the theme. Open when the
 * conversation was fused from several exports.
 */
export function CoverageTimeline(props: { coverage: Coverage }) {
  const { sources, span, gaps } = props.coverage;
  if (!span || sources.length === 0) return null;
  const start = dayNumber(span.first);
  const days = dayNumber(span.last) - start + 1;
  const x = (day: string) => ((dayNumber(day) - start) / days) * WIDTH;
  const w = (r: DayRange) =>
    Math.max(3, ((dayNumber(r.last) - dayNumber(r.first) + 1) / days) * WIDTH);
  const dated = sources.filter((s) => s.firstDate && s.lastDate);
  const height = dated.length * (ROW + GAP);
  const summary = `${plural(sources.length, "export")} · ${plural(gaps.length, "gap")}`;
  return (
    <details class="coverage" open={sources.length > 1}>
      <summary>Coverage: {summary}</summary>
      <svg
        class="coverage-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="none"
        width="100%"
        height={height}
        aria-hidden="true"
      >
        {gaps.map((g) => (
          <rect
            class="gap"
            x={x(g.first)}
            y={0}
            width={w(g)}
            height={height}
            fill="none"
            stroke="currentColor"
            stroke-opacity="0.6"
            stroke-dasharray="4 3"
          />
        ))}
        {dated.map((s, i) => {
          const r = { first: s.firstDate!.slice(0, 10), last: s.lastDate!.slice(0, 10) };
          const y = i * (ROW + GAP) + GAP / 2;
          return (
            <g>
              <title>{s.filename ?? "Export"}</title>
              <rect
                class={s.mediaCount > 0 ? "range with-media" : "range"}
                x={x(r.first)}
                y={y}
                width={w(r)}
                height={ROW}
                rx={3}
                fill="currentColor"
                fill-opacity="0.35"
              />
              {s.mediaCount > 0 && (
                <rect
                  class="media"
                  x={x(r.first)}
                  y={y + ROW - 3}
                  width={w(r)}
                  height={3}
                  fill="currentColor"
                  fill-opacity="0.9"
                />
              )}
            </g>
          );
        })}
      </svg>
      <ul class="coverage-list">
        {sources.map((s) => (
          <li class="range">
            <span dir="auto">{s.filename ?? "An export"}</span>: {s.firstDate && s.lastDate
              ? (
                <Days
                  range={{ first: s.firstDate.slice(0, 10), last: s.lastDate.slice(0, 10) }}
                />
              )
              : "no messages"} · {plural(s.messageCount, "message")}
            {s.addedCount !== s.messageCount && ` (${s.addedCount.toLocaleString("en")} new)`} ·
            {" "}
            {s.mediaCount > 0 ? plural(s.mediaCount, "media file") : "no media"}
          </li>
        ))}
        {gaps.map((g) => (
          <li class="gap">
            Gap: <Days range={g} /> — no export covers these days
          </li>
        ))}
      </ul>
    </details>
  );
}
