/**
 * The sections of the insights page (`routes/insights.tsx`): volume, over time, when, calendar,
 * media, dynamics, monologues, terms. Each is an SVG chart (no script) with its table; they are
 * drawn by `insights_people.tsx` (volume, dynamics, monologues), `insights_activity.tsx` (over
 * time, when, calendar) and `insights_content.tsx` (media, terms), with the number formats of
 * `insights_format.ts`.
 *
 * @module
 */
import type { Insights } from "../../lib/insights/types.ts";
import { CalendarSection, OverTime, When } from "./insights_activity.tsx";
import { Media, Terms } from "./insights_content.tsx";
import { Dynamics, Monologues, Volume } from "./insights_people.tsx";

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
