import { Hono } from "hono";
import { z } from "zod";
import { getConversation } from "../lib/db/conversations.ts";
import { mediaNames } from "../lib/db/media.ts";
import { listMessages } from "../lib/db/messages.ts";
import { notFound } from "../lib/errors.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { mediaUrl } from "./api/conversations.ts";
import { Layout } from "./_components/layout.tsx";
import { MessageItem } from "./_components/message_item.tsx";
import { render } from "./_components/render.ts";
import { formatDay } from "./_components/dates.ts";

const PAGE = 100;
const query = z.object({
  before: z.coerce.number().int().min(1).optional(),
  after: z.coerce.number().int().min(0).optional(),
});

/** `/c/:id`: the conversation, newest page first, keyset-paged with `?before=` / `?after=`. */
export function conversationPages(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    "/c/:id",
    requireUserPage,
    validate("param", z.object({ id: z.uuid() })),
    validate("query", query),
    async (c) => {
      const { id } = c.req.valid("param");
      const conv = await getConversation(deps.db, userIdOf(c), id);
      if (!conv) throw notFound("conversation");
      const q = c.req.valid("query");
      const page = q.after !== undefined
        ? { after: q.after, limit: PAGE }
        : { before: q.before ?? conv.messageCount + 1, limit: PAGE };
      const [messages, media] = await Promise.all([
        listMessages(deps.db, id, page),
        mediaNames(deps.db, id),
      ]);
      const group = conv.participants.length > 2;
      const first = messages[0]?.seq ?? 0, last = messages.at(-1)?.seq ?? 0;
      let day = "";
      return render(
        c,
        <Layout title={conv.title} signedIn wide>
          <header class="conv-header">
            <a href="/" aria-label="Back to your chats">←</a>
            <h1 dir="auto">{conv.title}</h1>
            <p class="muted">{conv.messageCount.toLocaleString("en")} messages · {conv.participants.join(", ")}</p>
          </header>
          {first > 1 && <a class="pager" href={`/c/${id}?before=${first}`} rel="prev">Older messages</a>}
          <ol class="messages">
            {messages.flatMap((m) => {
              const items = [];
              const d = m.date.slice(0, 10);
              if (d !== day) {
                day = d;
                items.push(<li class="day"><time dateTime={d}>{formatDay(m.date)}</time></li>);
              }
              items.push(
                <MessageItem
                  m={m}
                  mine={m.author !== null && m.author === conv.viewAs}
                  showAuthor={group}
                  mediaUrl={m.attachment && media.has(m.attachment) ? mediaUrl(id, m.attachment) : null}
                />,
              );
              return items;
            })}
          </ol>
          {last < conv.messageCount && <a class="pager" href={`/c/${id}?after=${last}`} rel="next">Newer messages</a>}
        </Layout>,
      );
    },
  );
}
