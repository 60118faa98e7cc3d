/**
 * `GET /c/:id/insights?from=&to=&author=&gap=`: what a chat says about the people in it, drawn
 * server-side as SVG (no script), each chart with its table (routes/_components/
 * insights_sections.tsx). Same data and ETag as `GET /api/conversations/:id/insights`.
 *
 * @module
 */
import { Hono } from "hono";
import { GAP, insightsQuery } from "../lib/insights/filter.ts";
import type { Insights } from "../lib/insights/types.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { insightsParam, withInsights } from "./api/insights.ts";
import { Layout } from "./_components/layout.tsx";
import { render } from "./_components/render.ts";
import { InsightsSections } from "./_components/insights_sections.tsx";
import { day, num } from "./_components/insights_format.ts";
import { conversationHref } from "./_components/conversation_href.ts";

/** `/c/:id/insights`. */
export function insightsPages(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    "/c/:id/insights",
    requireUserPage,
    validate("param", insightsParam),
    validate("query", insightsQuery),
    (c) =>
      withInsights(
        deps,
        c,
        c.req.valid("param").id,
        c.req.valid("query"),
        (insights, conversation) =>
          render(
            c,
            <Layout title={`Insights · ${conversation.title}`} signedIn wide>
              <InsightsPage
                insights={insights}
                title={conversation.title}
                people={conversation.participants}
              />
            </Layout>,
          ),
      ),
  );
}

function InsightsPage(props: { insights: Insights; title: string; people: string[] }) {
  const { insights: ins } = props;
  const id = ins.conversationId;
  return (
    <div class="insights">
      <link rel="stylesheet" href="/static/insights.css" />
      <header class="conv-header">
        <a class="back" href={conversationHref(id)} aria-label="Back to the conversation">←</a>
        <div class="conv-title">
          <h1>
            Insights · <span dir="auto">{props.title}</span>
          </h1>
          <p class="muted">
            {ins.span
              ? `${num(ins.totals.messages)} messages · ${day(ins.span.from)} – ${day(ins.span.to)}`
              : "No messages match these filters."}
          </p>
        </div>
      </header>
      <FilterForm insights={ins} people={props.people} />
      {ins.span && <InsightsSections insights={ins} />}
    </div>
  );
}

function FilterForm(props: { insights: Insights; people: string[] }) {
  const { filter, conversationId } = props.insights;
  return (
    <form class="insights-filter card" method="get" action={`/c/${conversationId}/insights`}>
      <fieldset>
        <legend>Filter</legend>
        <div class="fields">
          <label>
            From <input type="date" name="from" value={filter.from ?? ""} />
          </label>
          <label>
            To <input type="date" name="to" value={filter.to ?? ""} />
          </label>
          <label>
            New conversation after{" "}
            <input
              type="number"
              name="gap"
              min={GAP.min}
              max={GAP.max}
              value={filter.gap}
              required
            />{" "}
            hours of silence
          </label>
        </div>
        <fieldset class="people">
          <legend>People (none ticked: everyone)</legend>
          {props.people.map((name) => (
            <label>
              <input
                type="checkbox"
                name="author"
                value={name}
                checked={filter.authors.includes(name)}
              />{" "}
              <span dir="auto">{name}</span>
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit">Apply</button> <a href={`/c/${conversationId}/insights`}>Reset</a>
        </div>
      </fieldset>
    </form>
  );
}
