/**
 * The insights sections about each person (routes/_components/insights_sections.tsx): messages
 * and words, who starts and who replies, the longest monologues.
 *
 * @module
 */
import type { Insights, ParticipantInsights } from "../../lib/insights/types.ts";
import { permalink } from "./message_item.tsx";
import { BarChart } from "./charts/bar_chart.tsx";
import { type Cell, DataTable } from "./charts/data_table.tsx";
import { ChartFigure } from "./charts/figure.tsx";
import { day, duration, num, pct } from "./insights_format.ts";

const personRow = (p: ParticipantInsights, ...cells: Cell[]): Cell[] => [
  { node: <span dir="auto">{p.name}</span> },
  ...cells,
];

/** Messages and words per person: two bar charts and their table. */
export function Volume(props: { insights: Insights }) {
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

/** Conversations started and median reply times per person. */
export function Dynamics(props: { insights: Insights }) {
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

/** The longest runs of messages by one person, each linked to its first message. */
export function Monologues(props: { insights: Insights }) {
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
                    <th scope="row">
                      <bdi>{m.author}</bdi>
                    </th>
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
