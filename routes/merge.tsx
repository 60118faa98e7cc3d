/**
 * Merging exports of one chat (issue 9), without script.
 *
 * Routes: `GET /c/:id/merge` (this conversation's look-alikes with the messages they share,
 * and any other of the user's conversations to choose from), `POST /c/:id/merge` (form field
 * `into`: fuse this conversation into that one, then go there; this one is deleted and its
 * links redirect, see routes/merge_redirect.ts). A big merge is queued for the worker
 * (lib/merge/queue.ts) and the form leads to `GET /c/:into/merging/:from`, which refreshes until
 * the merge is done and then redirects to the fused conversation.
 *
 * @module
 */
import { Hono } from "hono";
import { z } from "zod";
import { getConversation } from "../lib/db/conversations.ts";
import { mergeChoices } from "../lib/merge/candidates.ts";
import { notFound } from "../lib/errors.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { mergeOrQueue } from "./api/merge.ts";
import { mergeState } from "../lib/merge/queue.ts";
import { formatDay } from "./_components/dates.ts";
import { Layout } from "./_components/layout.tsx";
import { conversationHref } from "./_components/conversation_href.ts";
import { render } from "./_components/render.ts";

const idParam = z.object({ id: z.uuid("must be a conversation id") });
const mergeForm = z.object({ into: z.uuid("must be a conversation id") });
const mergingParam = idParam.extend({ from: z.uuid("must be a conversation id") });
const REFRESH_SECONDS = 2;

const days = (first: string | null, last: string | null) =>
  first && last ? `${formatDay(first)} – ${formatDay(last)}` : "no messages";

/** The merge page and its form. */
export function mergePages(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/c/:id/merge", requireUserPage, validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      const userId = userIdOf(c);
      const conv = await getConversation(deps.db, userId, id);
      if (!conv) throw notFound("conversation");
      const { candidates, others } = await mergeChoices(deps.db, userId, id);
      return render(
        c,
        <Layout title={`Merge ${conv.title}`} signedIn>
          <p>
            <a href={conversationHref(id)}>← Back to the chat</a>
          </p>
          <h1>
            Merge “<bdi>{conv.title}</bdi>” into another conversation
          </h1>
          <p>
            {conv.messageCount.toLocaleString("en")} messages,{" "}
            {days(conv.firstDate, conv.lastDate)}.{" "}
            Messages both have are kept once; files of this export attach to the other's “media
            omitted” messages. This conversation is then removed: its links lead to the merged one,
            and its share links stop working.
          </p>
          {candidates.length > 0 && <h2>Looks like the same chat</h2>}
          <ul class="merge-candidates">
            {candidates.map((x) => (
              <li>
                <strong dir="auto">{x.title}</strong>: {x.messageCount.toLocaleString("en")}{" "}
                messages, {days(x.firstDate, x.lastDate)} ·{" "}
                <span class="overlap">
                  {x.shared.toLocaleString("en")} of this chat's messages are in it
                </span>
                <form method="post" action={`/c/${id}/merge`} class="inline">
                  <input type="hidden" name="into" value={x.id} />
                  <button type="submit">Merge into {x.title}</button>
                </form>
              </li>
            ))}
          </ul>
          {others.length > 0
            ? (
              <form method="post" action={`/c/${id}/merge`} class="merge-choose">
                <label>
                  Merge into{" "}
                  <select name="into" required>
                    {others.map((o) => (
                      <option value={o.id}>
                        {o.title} ({o.messageCount.toLocaleString("en")} messages)
                      </option>
                    ))}
                  </select>
                </label>{" "}
                <button type="submit">Merge</button>
              </form>
            )
            : <p class="empty">You have no other conversation to merge with.</p>}
        </Layout>,
      );
    })
    .post(
      "/c/:id/merge",
      requireUserPage,
      validate("param", idParam),
      validate("form", mergeForm),
      async (c) => {
        const { id } = c.req.valid("param");
        const { into } = c.req.valid("form");
        const done = await mergeOrQueue(deps, c, { into, from: id });
        // Big merges run in the worker: a page that refreshes until it is done.
        return c.redirect(done ? conversationHref(into) : `/c/${into}/merging/${id}`, 303);
      },
    )
    .get("/c/:id/merging/:from", requireUserPage, validate("param", mergingParam), async (c) => {
      const { id: into, from } = c.req.valid("param");
      const state = await mergeState(deps.db, { userId: userIdOf(c), into, from });
      if (state === null) throw notFound("merge");
      if (state === "done") return c.redirect(conversationHref(into), 303);
      return render(
        c,
        <Layout title="Merging…" signedIn>
          {state === "queued" && <meta http-equiv="refresh" content={String(REFRESH_SECONDS)} />}
          <h1>{state === "queued" ? "Merging…" : "The merge did not happen"}</h1>
          {state === "queued"
            ? (
              <p role="status">
                This is a big merge, done in the background: this page refreshes every{" "}
                {REFRESH_SECONDS} seconds and then takes you to the merged conversation.
              </p>
            )
            : (
              <p role="alert">
                One of the conversations was deleted meanwhile.{" "}
                <a href={`/c/${from}/merge`}>
                  Try again
                </a>
              </p>
            )}
          <p>
            <a href={conversationHref(into)}>Go to the conversation</a>
          </p>
        </Layout>,
      );
    });
}
