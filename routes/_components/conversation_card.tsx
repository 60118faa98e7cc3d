import type { ConversationCard as Card, LastMessage } from "../../lib/db/conversations.ts";
import { formatShortDay } from "./dates.ts";

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
export function ConversationCard(props: { conv: Card }) {
  const { conv } = props;
  const last = conv.lastMessage;
  const href = last ? `/c/${conv.id}#m${last.ref ?? last.seq}` : `/c/${conv.id}`;
  return (
    <li>
      <article class="card conv-card">
        <h3 dir="auto">
          <a href={href}>{conv.title}</a>
        </h3>
        <p class="muted participants" dir="auto">{conv.participants.join(", ")}</p>
        <p class="muted stats">
          <span class="count">{conv.messageCount.toLocaleString("en")} messages</span>
          {conv.firstDate && conv.lastDate && (
            <>
              {" · "}
              <time dateTime={conv.firstDate}>{formatShortDay(conv.firstDate)}</time> –{" "}
              <time dateTime={conv.lastDate}>{formatShortDay(conv.lastDate)}</time>
            </>
          )}
        </p>
        {last && (
          <p class="last-message">
            {last.author && <span class="who" dir="auto">{last.author}:</span>}{" "}
            <span class="snippet" dir="auto">{preview(last)}</span>{" "}
            <time class="muted" dateTime={last.date}>{formatShortDay(last.date)}</time>
          </p>
        )}
      </article>
    </li>
  );
}
