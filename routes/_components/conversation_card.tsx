import type { ConversationCard as Card, LastMessage } from "../../lib/db/conversations.ts";
import { wallToInstant } from "../../lib/time/day.ts";
import { formatShortDay, shownAt } from "./dates.ts";
import { conversationHref } from "./conversation_href.ts";
import { Names } from "./names.tsx";

/**
 * A day of the card in the reader's zone (`zone`; none: the chat's own, i.e. the wall clock),
 * with the wall clock as exported in the title when it differs, as on the conversation page.
 */
function Day(
  props: { date: string; at?: string; conv: Card; zone?: string | null; class?: string },
) {
  const { date, conv, zone } = props;
  const at = props.at ??
    (zone && zone !== conv.timeZone ? wallToInstant(date, conv.timeZone) : undefined);
  const shown = shownAt({ date, at }, zone);
  return (
    <time
      class={props.class}
      dateTime={shown}
      title={shown === date ? undefined : `${date.slice(0, 16).replace("T", " ")} as exported`}
    >
      {formatShortDay(shown)}
    </time>
  );
}

const KIND_PREVIEW: Record<string, string> = {
  media: "📎 Media",
  contact: "👤 Contact",
  location: "📍 Location",
  poll: "📊 Poll",
  deleted: "🚫 Deleted message",
};

/** A one-line preview of a message: its text, or what it is when it has none. */
export function preview(m: LastMessage): string {
  const text = m.text.replace(/\s+/g, " ").trim();
  const short = text.length > 120 ? `${text.slice(0, 119)}…` : text;
  if (m.kind === "text" || m.kind === "system") return short;
  if (m.kind === "poll") return `📊 ${m.text.split("\n")[1] ?? "Poll"}`;
  return short && m.kind === "media" ? `📎 ${short}` : KIND_PREVIEW[m.kind] ?? short;
}

/** A library card: title (link), participants, size, date range and the last message. */
export function ConversationCard(props: { conv: Card; zone?: string | null }) {
  const { conv } = props;
  const last = conv.lastMessage;
  // At the newest message, without outlining it as a permalink's target would.
  const href = conversationHref(conv.id);
  return (
    <li>
      <article class="card conv-card">
        <h3>
          <a href={href}>
            <bdi>{conv.title}</bdi>
          </a>
        </h3>
        <p class="muted participants">
          {/* The most active first (a group of 200 would fill a phone's screen). */}
          <Names names={conv.participants} max={6} />
        </p>
        <p class="muted stats">
          <span class="count">{conv.messageCount.toLocaleString("en")} messages</span>
          {conv.firstDate && conv.lastDate && (
            <>
              {" · "}
              <Day date={conv.firstDate} conv={conv} zone={props.zone} /> –{" "}
              <Day date={conv.lastDate} conv={conv} zone={props.zone} />
            </>
          )}
        </p>
        {last && (
          <p class="last-message">
            {
              /* The name isolated, the colon outside it: inside, a right-to-left name took the
                colon to its left ("سارة:" drew as ":سارة" before the text). */
            }
            {last.author && (
              <span class="who">
                <bdi>{last.author}</bdi>:
              </span>
            )} <span class="snippet" dir="auto">{preview(last)}</span>{" "}
            <Day class="muted" date={last.date} at={last.at} conv={conv} zone={props.zone} />
          </p>
        )}
      </article>
    </li>
  );
}
