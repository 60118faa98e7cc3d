/**
 * The sections of the insights page (`routes/insights.tsx`): volume, over time, when, calendar,
 * media, dynamics, monologues, terms. Each is an SVG chart (no script) with its table.
 *
 * @module
 */
import { MEDIA_LABELS, MEDIA_TYPES } from "../../lib/insights/media.ts";
import type { Insights, ParticipantInsights, TopTerms } from "../../lib/insights/types.ts";
import { formatDay } from "./dates.ts";
import { permalink } from "./message_item.tsx";
import { BarChart } from "./charts/bar_chart.tsx";
import { Calendar } from "./charts/calendar.tsx";
import { type Cell, DataTable } from "./charts/data_table.tsx";
import { ChartFigure, Legend } from "./charts/figure.tsx";
import { Heatmap, WEEKDAYS } from "./charts/heatmap.tsx";
import { monthLabel, type Series, StackedColumns } from "./charts/stacked_columns.tsx";

/** The monthly chart stacks this many participants; the rest are summed as "Others". */
const STACKED = 8;

export const num = (n: number) => n.toLocaleString("en");
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
export const day = (d: string) => formatDay(d);

/** Minutes as "7 min", "2 h 5 min", "3 d 4 h". */
export function duration(minutes: number): string {
  if (minutes < 60) return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
  const m = Math.round(minutes);
  if (m < 1440) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
  const h = Math.round(m / 60);
  return `${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} h` : ""}`;
}

/** Every section, in page order (the page shows them when some message matches the filters). */
export function InsightsSections(props: { insights: Insights }) {
  const ins = props.insights;
  return (
    <>
      <Volume insights={ins} />
      <OverTime insights={ins} />
      <When insights={ins} />
      <CalendarSection insights={ins} />
      <Media insights={ins} />
      <Dynamics insights={ins} />
      <Monologues insights={ins} />
      <Terms insights={ins} />
    </>
  );
}

const personRow = (p: ParticipantInsights, ...cells: Cell[]): Cell[] => [
  { node: <span dir="auto">{p.name}</span> },
  ...cells,
];

function Volume(props: { insights: Insights }) {
  const people = props.insights.participants;
  return (
    <section aria-labelledby="volume">
      <h2 id="volume">Messages and words</h2>
      <div class="pair">
        <ChartFigure id="chart-messages" title="Messages per person">
          <BarChart
            id="svg-messages"
            title="Messages per person"
            bars={people.map((p) => ({
              label: p.name,
              value: p.messages,
              text: `${num(p.messages)} (${pct(p.messageShare)})`,
              slot: p.color,
            }))}
          />
        </ChartFigure>
        <ChartFigure id="chart-words" title="Words per person">
          <BarChart
            id="svg-words"
            title="Words per person"
            bars={people.map((p) => ({
              label: p.name,
              value: p.words,
              text: `${num(p.words)} (${pct(p.wordShare)})`,
              slot: p.color,
            }))}
          />
        </ChartFigure>
      </div>
      <DataTable
        caption="Messages and words per person"
        head={[
          "Person",
          "Messages",
          "Share",
          "Words",
          "Share",
          "Words per message",
          "Emoji",
          "Links",
          "Deleted",
        ]}
        rows={people.map((p) =>
          personRow(
            p,
            p.messages,
            pct(p.messageShare),
            p.words,
            pct(p.wordShare),
            p.messages ? (p.words / p.messages).toFixed(1) : "–",
            p.emoji,
            p.links,
            p.deleted,
          )
        )}
      />
    </section>
  );
}

function OverTime(props: { insights: Insights }) {
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

function When(props: { insights: Insights }) {
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

function CalendarSection(props: { insights: Insights }) {
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

function Media(props: { insights: Insights }) {
  const { totals, participants } = props.insights;
  const types = MEDIA_TYPES.filter((t) => totals.media[t] > 0);
  return (
    <section aria-labelledby="media">
      <h2 id="media">Media</h2>
      {types.length === 0 ? <p class="muted">No media.</p> : (
        <>
          <ChartFigure id="chart-media" title="Media by type">
            <BarChart
              id="svg-media"
              title="Media by type"
              bars={types.map((t) => ({
                label: MEDIA_LABELS[t],
                value: totals.media[t],
                text: num(totals.media[t]),
                slot: null,
              }))}
            />
          </ChartFigure>
          <DataTable
            caption="Media by type and person"
            head={["Type", ...participants.map((p) => p.name), "Total"]}
            rows={types.map((t) => [
              MEDIA_LABELS[t],
              ...participants.map((p) => p.media[t]),
              totals.media[t],
            ])}
          />
        </>
      )}
    </section>
  );
}

function Dynamics(props: { insights: Insights }) {
  const { participants, filter } = props.insights;
  const replied = participants.filter((p) => p.medianReplyMinutes !== null);
  return (
    <section aria-labelledby="dynamics">
      <h2 id="dynamics">Who starts, who replies</h2>
      <div class="pair">
        <ChartFigure
          id="chart-starts"
          title="Conversations started"
          summary={`First message after at least ${filter.gap} ${
            filter.gap === 1 ? "hour" : "hours"
          } of silence.`}
        >
          <BarChart
            id="svg-starts"
            title="Conversations started per person"
            bars={participants.map((p) => ({
              label: p.name,
              value: p.starts,
              text: `${num(p.starts)} (${pct(p.startShare)})`,
              slot: p.color,
            }))}
          />
        </ChartFigure>
        <ChartFigure
          id="chart-replies"
          title="Median reply time"
          summary={`Replies to someone else within ${filter.gap} ${
            filter.gap === 1 ? "hour" : "hours"
          }.`}
        >
          {replied.length === 0 ? <p class="muted">No replies.</p> : (
            <BarChart
              id="svg-replies"
              title="Median reply time per person"
              bars={replied.map((p) => ({
                label: p.name,
                value: p.medianReplyMinutes!,
                text: duration(p.medianReplyMinutes!),
                slot: p.color,
              }))}
            />
          )}
        </ChartFigure>
      </div>
      <DataTable
        caption="Conversations started and replies per person"
        head={["Person", "Started", "Share", "Replies", "Median reply time", "Longest monologue"]}
        rows={participants.map((p) =>
          personRow(
            p,
            p.starts,
            pct(p.startShare),
            p.replies,
            p.medianReplyMinutes === null ? "–" : duration(p.medianReplyMinutes),
            p.longestMonologue,
          )
        )}
      />
    </section>
  );
}

function Monologues(props: { insights: Insights }) {
  const { monologues, conversationId } = props.insights;
  return (
    <section aria-labelledby="monologues">
      <h2 id="monologues">Longest monologues</h2>
      {monologues.length === 0
        ? <p class="muted">Nobody sent two messages in a row.</p>
        : (
          <div class="table-scroll">
            <table class="monologues">
              <caption>Most messages in a row by one person</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Messages</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                </tr>
              </thead>
              <tbody>
                {monologues.map((m) => (
                  <tr>
                    <th scope="row" dir="auto">{m.author}</th>
                    <td class="num">{num(m.length)}</td>
                    <td>
                      <a href={permalink(conversationId, m.startRef ?? m.startSeq)}>
                        <time dateTime={m.from}>{day(m.from)} {m.from.slice(11, 16)}</time>
                      </a>
                    </td>
                    <td>
                      <time dateTime={m.to}>{day(m.to)} {m.to.slice(11, 16)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </section>
  );
}

function Terms(props: { insights: Insights }) {
  const { terms, participants } = props.insights;
  const blocks: { id: string; title: string; top: TopTerms; cls: string }[] = [
    { id: "emoji", title: "Most used emoji", top: terms.emoji, cls: "emoji" },
    { id: "words", title: "Most used words", top: terms.words, cls: "words" },
    { id: "domains", title: "Most shared sites", top: terms.domains, cls: "domains" },
  ];
  return (
    <section aria-labelledby="terms">
      <h2 id="terms">Most used</h2>
      {blocks.map((b) => (
        <div class="terms-block">
          <h3 id={`terms-${b.id}`}>{b.title}</h3>
          {b.top.all.length === 0 ? <p class="muted">None.</p> : (
            <div class="terms-grid">
              <TermList label="Everyone" list={b.top.all} cls={b.cls} slot={null} />
              {participants.length > 1 &&
                participants.map((p) => (
                  <TermList
                    label={p.name}
                    list={b.top.byParticipant[p.name] ?? []}
                    cls={b.cls}
                    slot={p.color}
                  />
                ))}
            </div>
          )}
        </div>
      ))}
    </section>
  );
}

function TermList(
  props: {
    label: string;
    list: { term: string; count: number }[];
    cls: string;
    slot: number | null;
  },
) {
  return (
    <div class="terms">
      <h4 class={props.slot === null ? undefined : `p${props.slot}`} dir="auto">{props.label}</h4>
      {props.list.length === 0 ? <p class="muted">None.</p> : (
        <ol class={props.cls}>
          {props.list.map((t) => (
            <li>
              <span class="term" dir="auto">{t.term}</span>{" "}
              <span class="count">{num(t.count)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
