/**
 * The insights sections about what was sent (routes/_components/insights_sections.tsx): media
 * by type, and the most used emoji, words and sites, for everyone and each person.
 *
 * @module
 */
import { MEDIA_LABELS, MEDIA_TYPES } from "../../lib/insights/media.ts";
import type { Insights, TopTerms } from "../../lib/insights/types.ts";
import { BarChart } from "./charts/bar_chart.tsx";
import { DataTable } from "./charts/data_table.tsx";
import { ChartFigure } from "./charts/figure.tsx";
import { num } from "./insights_format.ts";

/** Media by type: a bar chart and a table per person. */
export function Media(props: { insights: Insights }) {
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

/** The most used emoji, words and sites: everyone's, then each person's. */
export function Terms(props: { insights: Insights }) {
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
      <h4 class={props.slot === null ? undefined : `p${props.slot}`}>
        <bdi>{props.label}</bdi>
      </h4>
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
