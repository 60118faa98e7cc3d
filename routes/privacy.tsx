/**
 * A conversation's settings page, working without JavaScript: `GET /c/:id/privacy` (name,
 * share links (routes/conversation_shares.ts), phone's time zone, retention and delete forms),
 * `POST /c/:id/title` (`title`), `POST /c/:id/time-zone` (`timeZone`: re-reads the chat),
 * `POST /c/:id/retention` (`days`: a number, or empty to keep it) and `POST /c/:id/delete`
 * (`confirm` ticked), which answers with what was removed.
 *
 * Stable markup: `form.rename` (`input[name=title]`), `form.time-zone` (`select[name=timeZone]`),
 * `form.retention` (`input[name=days]`),
 * `form.delete-conversation` (`input[name=confirm]`), `p.deleted-report` on the answer to a
 * delete.
 *
 * @module
 */
import { Hono } from "hono";
import { z } from "zod";
import { getConversation, renameConversation } from "../lib/db/conversations.ts";
import { deleteConversationCompletely, describeDeletion } from "../lib/db/delete_conversation.ts";
import { getRetention, setRetention } from "../lib/db/retention.ts";
import { listShares } from "../lib/db/shares.ts";
import { AppError, notFound } from "../lib/errors.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { MAX_RETENTION_DAYS } from "./api/privacy.ts";
import { MAX_TITLE, renameBody } from "./api/conversations.ts";
import { Layout } from "./_components/layout.tsx";
import { render } from "./_components/render.ts";
import { conversationHref } from "./_components/conversation_href.ts";
import { ShareSection } from "./_components/share_section.tsx";
import { publicOrigin, shareJson } from "./api/shares.ts";
import { queueReparse } from "./api/report.ts";
import { getImport } from "../lib/db/imports.ts";
import { reparseBlocker } from "../lib/reparse/db.ts";
import { ZoneOptions } from "./_components/reading_zone.tsx";
import { timeZoneField } from "../lib/time/schema.ts";

const idParam = z.object({ id: z.uuid("must be a conversation id") });

/** A conversation's settings: its name, share links, retention and complete deletion. */
export function privacyPages(deps: AppDeps) {
  const { db, blobs } = deps;
  return new Hono<AppEnv>()
    .get("/c/:id/privacy", requireUserPage, validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      const userId = userIdOf(c);
      const [conv, retention, shares, imp] = await Promise.all([
        getConversation(db, userId, id),
        getRetention(db, userId, id),
        listShares(db, userId, id),
        getImport(db, userId, id),
      ]);
      if (!conv || !retention) throw notFound("conversation");
      // A fused chat cannot be read again from one export: the zone form says why instead.
      const blocked = imp ? await reparseBlocker(db, imp) : "its import is gone";
      const origin = publicOrigin(c);
      return render(
        c,
        <Layout title={`Settings · ${conv.title}`} signedIn>
          <h1>
            Settings of <a href={conversationHref(id)} dir="auto">{conv.title}</a>
          </h1>
          <section class="card">
            <h2>Name</h2>
            <form method="post" action={`/c/${id}/title`} class="rename stack">
              <label>
                Name shown in your library{" "}
                <input
                  type="text"
                  name="title"
                  required
                  maxLength={MAX_TITLE}
                  value={conv.title}
                  dir="auto"
                />
              </label>
              <button type="submit">Rename</button>
            </form>
          </section>
          <ShareSection
            conversationId={id}
            firstDay={conv.firstDate?.slice(0, 10)}
            lastDay={conv.lastDate?.slice(0, 10)}
            shares={shares.map((s) => ({ ...s, url: shareJson(deps.tokens, origin, s).url }))}
            created={c.req.query("created")}
          />
          <section class="card" id="time-zone">
            <h2>Phone's time zone</h2>
            <p class="muted">
              The zone of the phone that exported the chat: its wall clocks are read in it (the
              reading zone in Tools only changes how times are shown). Changing it reads the chat
              again.
            </p>
            {blocked
              ? <p class="blocked">{conv.timeZone}. It cannot be changed: {blocked}.</p>
              : (
                <form method="post" action={`/c/${id}/time-zone`} class="time-zone stack">
                  <label>
                    Time zone{" "}
                    <select name="timeZone">
                      <ZoneOptions value={conv.timeZone} />
                    </select>
                  </label>
                  <button type="submit">Read again in this zone</button>
                </form>
              )}
          </section>
          <section class="card">
            <h2>Delete automatically</h2>
            <p class="muted">
              {retention.deleteAfter
                ? `Deleted automatically on ${
                  retention.deleteAfter.toISOString().slice(0, 16).replace("T", " ")
                } UTC (${retention.retentionDays} days after it was set).`
                : "Kept until you delete it."}
            </p>
            <form method="post" action={`/c/${id}/retention`} class="retention stack">
              <label>
                Delete after{" "}
                <input
                  type="number"
                  name="days"
                  min="1"
                  max={String(MAX_RETENTION_DAYS)}
                  value={retention.retentionDays ? String(retention.retentionDays) : ""}
                />{" "}
                days from now (empty: keep)
              </label>
              <button type="submit">Save</button>
            </form>
          </section>
          <section class="card">
            <h2>Delete now</h2>
            <p>
              Deletes its {conv.messageCount.toLocaleString("en")}{" "}
              messages, media files, search entries, share links and the original upload. This
              cannot be undone.
            </p>
            <form method="post" action={`/c/${id}/delete`} class="delete-conversation stack">
              <label>
                <input type="checkbox" name="confirm" required /> Yes, delete it completely
              </label>
              <button type="submit" class="danger">Delete conversation</button>
            </form>
          </section>
        </Layout>,
      );
    })
    .post(
      "/c/:id/title",
      requireUserPage,
      validate("param", idParam),
      validate("form", renameBody),
      async (c) => {
        const { id } = c.req.valid("param");
        if (!(await renameConversation(db, userIdOf(c), id, c.req.valid("form").title))) {
          throw notFound("conversation");
        }
        return c.redirect(`/c/${id}/privacy`, 303);
      },
    )
    .post("/c/:id/time-zone", requireUserPage, validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      const timeZone = timeZoneField(String((await c.req.parseBody()).timeZone ?? ""));
      if (!timeZone) throw new AppError(400, "invalid_request", "timeZone: choose a time zone");
      // The conversation's first import has its id; a fused one is refused (409, saying why).
      const imp = await queueReparse(deps, c, id, { timeZone });
      return c.redirect(`/imports/${imp.id}`, 303);
    })
    .post("/c/:id/retention", requireUserPage, validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      const raw = String((await c.req.parseBody()).days ?? "").trim();
      const days = raw === "" ? null : Number(raw);
      if (
        days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS)
      ) {
        throw new AppError(
          400,
          "invalid_request",
          `days: must be a whole number from 1 to ${MAX_RETENTION_DAYS}, or empty`,
        );
      }
      if (!(await setRetention(db, userIdOf(c), id, days))) throw notFound("conversation");
      return c.redirect(`/c/${id}/privacy`, 303);
    })
    .post("/c/:id/delete", requireUserPage, validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      if (!(await c.req.parseBody()).confirm) {
        throw new AppError(400, "invalid_request", "confirm: tick the box to delete");
      }
      // Its name, read before it goes: the answer says which chat was deleted.
      const conv = await getConversation(db, userIdOf(c), id);
      const report = conv &&
        await deleteConversationCompletely(db, blobs, userIdOf(c), id, { edge: deps.edge });
      if (!conv || !report) throw notFound("conversation");
      return render(
        c,
        <Layout title={`Conversation “${conv.title}” deleted`} signedIn>
          <h1>
            Conversation “<bdi>{conv.title}</bdi>” deleted
          </h1>
          <p class="deleted-report" role="status">Deleted: {describeDeletion(report)}.</p>
          <p>
            <a href="/">Back to your conversations</a>
          </p>
        </Layout>,
      );
    });
}
