import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { z } from "zod";
import { LIBRARY_SORTS, listConversations } from "../lib/db/conversations.ts";
import { type ImportRow, listImports } from "../lib/db/imports.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { ConversationCard } from "./_components/conversation_card.tsx";
import { Layout } from "./_components/layout.tsx";
import { THEME_COOKIE, THEMES } from "./_components/page_context.ts";
import { render } from "./_components/render.ts";
import { Island } from "./_components/island.tsx";
import Upload from "../islands/upload.tsx";
import { timeZoneNames } from "../lib/time/names.ts";
import { getReadingZone } from "../lib/db/users.ts";
import ImportList, { type ListedImport } from "../islands/import_list.tsx";

const SORT_LABELS = { recent: "Recent", title: "Title", size: "Size" } as const;

/** A same-site path to return to (no scheme, no `//host`, no backslash tricks), else "/". */
export function localPath(next: unknown): string {
  return typeof next === "string" && /^\/(?![\/\\])[^\s\\]*$/.test(next) ? next : "/";
}

/** What the library's list of imports shows of one (its island's props). */
function listedImport(row: ImportRow): ListedImport {
  const { id, filename, status, progress, error, conversationId } = row;
  return { id, filename, status, progress, error, conversationId };
}

/**
 * `/`: the library of the user's conversations (sortable cards), the upload form and recent
 * imports. `POST /theme`: the no-JS theme toggle (cookie `theme` = light|dark|auto).
 */
export function libraryPage(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get(
      "/",
      requireUserPage,
      validate("query", z.object({ sort: z.enum(LIBRARY_SORTS).default("recent") })),
      async (c) => {
        const userId = userIdOf(c);
        const { sort } = c.req.valid("query");
        const [conversations, imports, readingZone] = await Promise.all([
          listConversations(deps.db, userId, sort),
          listImports(deps.db, userId, 10),
          getReadingZone(deps.db, userId),
        ]);
        const pending = imports.filter((i) => i.status !== "done");
        return render(
          c,
          <Layout title="Your chats" signedIn>
            <h1>Your chats</h1>
            <section class="card upload">
              <h2>Import a chat</h2>
              <p>
                In WhatsApp, open a chat, choose <em>More → Export chat</em>, and upload the{" "}
                <code>.txt</code> or <code>.zip</code> it gives you.
              </p>
              <Island
                name="upload"
                component={Upload}
                props={{
                  maxBytes: deps.config.maxUploadBytes,
                  direct: deps.config.s3 !== null,
                  zones: timeZoneNames(),
                  zone: readingZone ?? "UTC",
                }}
              />
            </section>
            {pending.length > 0 && (
              <Island
                name="import_list"
                component={ImportList}
                props={{ imports: pending.map(listedImport) }}
              />
            )}
            <section aria-labelledby="chats-heading">
              <div class="library-head">
                <h2 id="chats-heading">Chats</h2>
                <a href="/media" class="chip all-media">All media</a>
                {conversations.length > 1 && (
                  <nav class="sort" aria-label="Sort chats">
                    Sort by {LIBRARY_SORTS.map((s) => (
                      <a
                        href={`/?sort=${s}`}
                        class="chip"
                        aria-current={s === sort ? "true" : undefined}
                      >
                        {SORT_LABELS[s]}
                      </a>
                    ))}
                  </nav>
                )}
              </div>
              {conversations.length === 0
                ? <p class="empty">No chats yet: import your first export above.</p>
                : (
                  <ul class="library">
                    {conversations.map((conv) => (
                      <ConversationCard key={conv.id} conv={conv} zone={readingZone} />
                    ))}
                  </ul>
                )}
            </section>
          </Layout>,
        );
      },
    )
    .post("/theme", async (c) => {
      const form = await c.req.parseBody();
      const theme = (THEMES as readonly unknown[]).includes(form.theme)
        ? form.theme as string
        : "auto";
      setCookie(c, THEME_COOKIE, theme, {
        path: "/",
        maxAge: 365 * 24 * 3600,
        sameSite: "Lax",
        secure: new URL(c.req.url).protocol === "https:",
      });
      return c.redirect(localPath(form.next), 303);
    });
}
