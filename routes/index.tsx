import { Hono } from "hono";
import { listConversations } from "../lib/db/conversations.ts";
import { listImports } from "../lib/db/imports.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { Layout } from "./_components/layout.tsx";
import { render } from "./_components/render.ts";
import { formatDay } from "./_components/dates.ts";

/** `/`: the library of the user's conversations, with the upload form and recent imports. */
export function libraryPage(deps: AppDeps) {
  return new Hono<AppEnv>().get("/", requireUserPage, async (c) => {
    const userId = userIdOf(c);
    const [conversations, imports] = await Promise.all([
      listConversations(deps.db, userId),
      listImports(deps.db, userId, 10),
    ]);
    const pending = imports.filter((i) => i.status !== "done");
    return render(
      c,
      <Layout title="Your chats" signedIn>
        <h1>Your chats</h1>
        <section class="card upload">
          <h2>Import a chat</h2>
          <p>
            In WhatsApp, open a chat, choose <em>More → Export chat</em>, and upload the
            <code>.txt</code> or <code>.zip</code> it gives you.
          </p>
          <form method="post" action="/imports" enctype="multipart/form-data" class="stack">
            <input type="file" name="file" accept=".txt,.zip,text/plain,application/zip" required />
            <button type="submit">Upload</button>
          </form>
        </section>
        {pending.length > 0 && (
          <section>
            <h2>Imports</h2>
            <ul class="imports">
              {pending.map((i) => (
                <li>
                  <a href={`/imports/${i.id}`}>{i.filename}</a> — {i.status}
                  {i.error && <span class="error">: {i.error}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section>
          {conversations.length === 0
            ? <p class="empty">No chats yet: import your first export above.</p>
            : (
              <ul class="library">
                {conversations.map((conv) => (
                  <li class="card">
                    <a href={`/c/${conv.id}`}>
                      <h3 dir="auto">{conv.title}</h3>
                    </a>
                    <p class="muted" dir="auto">{conv.participants.join(", ")}</p>
                    <p class="muted">
                      {conv.messageCount.toLocaleString("en")} messages
                      {conv.firstDate && ` · ${formatDay(conv.firstDate)} – ${formatDay(conv.lastDate!)}`}
                    </p>
                  </li>
                ))}
              </ul>
            )}
        </section>
      </Layout>,
    );
  });
}
