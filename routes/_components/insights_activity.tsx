/**
 * The insights sections about time (routes/_components/insights_sections.tsx): messages over
 * the months, by weekday and hour, and the calendar of active days.
 *
 * @module
 */
import type { Insights } from "../../lib/insights/types.ts";
import { Calendar } from "./charts/calendar.tsx";
import { DataTable } from "./charts/data_table.tsx";
import { ChartFigure, Legend } from "./charts/figure.tsx";
import { Heatmap, WEEKDAYS } from "./charts/heatmap.tsx";
import { monthLabel, type Series, StackedColumns } from "./charts/stacked_columns.tsx";
import { day, num } from "./insights_format.ts";

/** The monthly chart stacks this many participants; the rest are summed as "Others". */
const STACKED = 8;

/** Messages per month, stacked by person (the first {@link STACKED}, then "Others"). */
export function OverTime(props: { insights: Insights }) {
  const { months, participants } = props.insights;
  const shown = participants.slice(0, STACKED), rest = participants.slice(STACKED);
  const series: Series[] = shown.map((p) => ({
    name: p.name,
    slot: p.color,
    values: months.map((m) => m.byParticipant[p.name] ?? 0),
  }));
  if (rest.length > 0) {
    series.push({
      name: `Others (${rest.length})`,
      slot: null,
      values: months.map((m) => rest.reduce((s, p) => s + (m.byParticipant[p.name] ?? 0), 0)),
    });
  }
  const busiest = months.reduce((a, b) => (b.total > a.total ? b : a), months[0]);
  return (
    <section aria-labelledby="over-time">
      <h2 id="over-time">Over time</h2>
      <ChartFigure
        id="chart-months"
        title="Messages per month"
        summary={`Busiest month: ${monthLabel(busiest.month)}, ${num(busiest.total)} messages.`}
      >
        <StackedColumns
          id="svg-months"
          title="Messages per month, stacked by person"
          categories={months.map((m) => m.month)}
          series={series}
        />
        <Legend items={series.map((s) => ({ label: s.name, slot: s.slot }))} />
      </ChartFigure>
      <DataTable
        caption="Messages per month and person"
        head={["Month", ...series.map((s) => s.name), "Total"]}
        rows={months.map((
          m,
          i,
        ) => [monthLabel(m.month), ...series.map((s) => s.values[i]), m.total])}
      />
    </section>
  );
}

/** Messages by weekday and hour: a heatmap and its table. */
export function When(props: { insights: Insights }) {
  const { heatmap } = props.insights;
  let peak = { d: 0, h: 0, v: -1 };
  heatmap.forEach((row, d) => row.forEach((v, h) => v > peak.v && (peak = { d, h, v })));
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));
  return (
    <section aria-labelledby="when">
      <h2 id="when">When</h2>
      <ChartFigure
        id="chart-heatmap"
        title="Messages by weekday and hour"
        summary={`Busiest hour: ${WEEKDAYS[peak.d]} ${hours[peak.h]}:00–${hours[peak.h]}:59, ${
          num(peak.v)
        } messages.`}
      >
        <Heatmap id="svg-heatmap" title="Messages by weekday and hour" cells={heatmap} />
      </ChartFigure>
      <DataTable
        caption="Messages by weekday (rows) and hour (columns)"
        head={["Weekday", ...hours]}
        rows={heatmap.map((row, d) => [WEEKDAYS[d], ...row])}
      />
    </section>
  );
}

/** Days with messages: streak, silence, the calendar and a table per month. */
export function CalendarSection(props: { insights: Insights }) {
  const { calendar, totals, months } = props.insights;
  const { longestStreak: streak, longestSilence: silence } = calendar;
  const activeByMonth = new Map<string, number>();
  for (const d of calendar.days) {
    activeByMonth.set(d.day.slice(0, 7), (activeByMonth.get(d.day.slice(0, 7)) ?? 0) + 1);
  }
  return (
    <section aria-labelledby="calendar">
      <h2 id="calendar">Calendar</h2>
      <ul class="facts">
        <li>
          <strong>{num(totals.activeDays)}</strong> days with messages
        </li>
        {streak && (
          <li>
            Longest streak: <strong>{num(streak.days)}</strong> days in a row ({day(streak.from)} –
            {" "}
            {day(streak.to)})
          </li>
        )}
        {silence && (
          <li>
            Longest silence: <strong>{num(silence.days)}</strong>{" "}
            days without a message ({day(silence.from)} – {day(silence.to)})
          </li>
        )}
      </ul>
      <ChartFigure id="chart-calendar" title="Days with messages">
        <Calendar
          id="svg-calendar"
          title="Days with messages"
          desc="Darker days have more messages."
          days={calendar.days}
        />
      </ChartFigure>
      <DataTable
        caption="Days with messages per month"
        head={["Month", "Days with messages", "Messages"]}
        rows={months.map((m) => [monthLabel(m.month), activeByMonth.get(m.month) ?? 0, m.total])}
      />
    </section>
  );
}
