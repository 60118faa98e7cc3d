import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { type Conversation, listConversations } from "../lib/db/conversations.ts";
import { listShares } from "../lib/db/shares.ts";
import { type ApiToken, createApiToken, listApiTokens, revokeApiToken } from "../lib/db/tokens.ts";
import { getReadingZone, getUser, setReadingZone, type User } from "../lib/db/users.ts";
import { AppError, notFound } from "../lib/errors.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, SESSION_COOKIE, userIdOf, viaApiToken } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { CLEAR_SITE_DATA, deleteAccount } from "./api/account.ts";
import { createShareFrom, publicOrigin, revokeAndPurge, shareJson } from "./api/shares.ts";
import {
  createdShareUrl,
  ExpiryOptions,
  type ListedShare,
  ShareList,
} from "./_components/share_list.tsx";
import { tokenName } from "./api/tokens.ts";
import { Layout } from "./_components/layout.tsx";
import { render } from "./_components/render.ts";
import { ReadingZoneForm } from "./_components/reading_zone.tsx";
import { timeZoneField } from "../lib/time/schema.ts";
import { localPath } from "./index.tsx";

interface AccountView {
  user: User;
  tokens: ApiToken[];
  conversations: Conversation[];
  shares: ListedShare[];
  /** The zone the user reads in (null: each conversation's own). */
  readingZone: string | null;
  /** A token just created: shown this once. */
  newToken?: { name: string; token: string };
  /** The share link just created (its field has the focus). */
  created?: string;
  notice?: string;
  error?: string;
}

function AccountPage(v: AccountView) {
  return (
    <Layout title="Your account" signedIn>
      <h1>Your account</h1>
      <p class="muted">Signed in as {v.user.email}</p>
      {v.error && <p class="error" role="alert">{v.error}</p>}
      {v.notice && <p class="notice" role="status">{v.notice}</p>}

      <section class="card" id="tokens">
        <h2>API tokens</h2>
        <p>
          For scripts: send <code>Authorization: Bearer wcr_…</code> to the{" "}
          <a href="/api/docs">API</a>.
        </p>
        {v.newToken && (
          <div class="notice" role="status">
            <p>
              New token “{v.newToken.name}” — copy it now, it will not be shown again:
            </p>
            <pre><code>{v.newToken.token}</code></pre>
          </div>
        )}
        {v.tokens.length > 0 && (
          <ul class="tokens">
            {v.tokens.map((t) => (
              <li>
                <strong>{t.name}</strong> <code>{t.hint}…</code>{" "}
                <span class="muted">
                  created {t.createdAt.toISOString().slice(0, 10)}
                  {t.lastUsedAt
                    ? `, last used ${t.lastUsedAt.toISOString().slice(0, 10)}`
                    : ", never used"}
                </span>
                <form method="post" action={`/account/tokens/${t.id}/revoke`} class="inline">
                  <button type="submit" class="link">Revoke</button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action="/account/tokens" class="stack">
          <label>
            Name <input name="name" required maxLength={100} placeholder="backup script" />
          </label>
          <button type="submit">Create token</button>
        </form>
      </section>

      <section class="card" id="data">
        <h2>Your data</h2>
        {v.conversations.length === 0
          ? <p class="empty">No conversations yet.</p>
          : (
            <ul class="export">
              {v.conversations.map((conv) => (
                <li>
                  <span dir="auto">{conv.title}</span> — download as{" "}
                  <a href={`/api/conversations/${conv.id}/export?format=json`} download>JSON</a>
                  {" "}
                  or the{" "}
                  <a href={`/api/conversations/${conv.id}/export?format=original`} download>
                    original file
                  </a>
                  {" · "}
                  <form method="post" action="/account/shares" class="inline">
                    <input type="hidden" name="conversationId" value={conv.id} />
                    <label>
                      Share for{" "}
                      <select name="expiresInHours">
                        <ExpiryOptions />
                      </select>
                    </label>{" "}
                    <label>
                      <input type="checkbox" name="redacted" /> redacted (no names, numbers, media)
                    </label>{" "}
                    <button type="submit" class="link">Create share link</button>
                  </form>
                </li>
              ))}
            </ul>
          )}
      </section>

      <section class="card" id="shares">
        <h2>Share links</h2>
        <ShareList
          shares={v.shares}
          revokeAction={(s) => `/account/shares/${s.id}/revoke`}
          created={v.created}
        />
      </section>

      <section class="card" id="reading-zone">
        <h2>Time zone</h2>
        <p>
          Exports carry the phone's wall clock. Read every chat in one zone, or each in the zone of
          the phone that exported it.
        </p>
        <ReadingZoneForm
          next="/account#reading-zone"
          zones={{ chosen: v.readingZone }}
          label="Show times in"
        />
      </section>

      <section class="card danger" id="delete">
        <h2>Delete your account</h2>
        <p>
          Deletes every conversation, message, upload, media file, token and share link. This cannot
          be undone.
        </p>
        <form method="post" action="/account/delete" class="stack">
          <label>
            Password{" "}
            <input type="password" name="password" required autocomplete="current-password" />
          </label>
          <button type="submit" class="danger">Delete my account</button>
        </form>
      </section>
    </Layout>
  );
}

const idParam = z.object({ id: z.uuid() });
const shareForm = z.object({
  conversationId: z.uuid("must be a conversation id"),
  expiresInHours: z.coerce.number().positive().max(24 * 366),
  // A checkbox: present ("on") when ticked.
  redacted: z.string().optional().transform((v) => v !== undefined),
});

/**
 * `/account`: API tokens (create, revoke), exports, share links (create, revoke) and account
 * deletion. Form posts (CSRF-checked) re-render the page or redirect back to it.
 */
export function accountPages(deps: AppDeps) {
  const { db, tokens } = deps;
  const view = async (
    c: Context<AppEnv>,
    extra: Pick<AccountView, "newToken" | "notice" | "error" | "created"> = {},
    status: 200 | 400 = 200,
  ) => {
    const userId = userIdOf(c);
    const [user, tokenRows, conversations, shares, readingZone] = await Promise.all([
      getUser(db, userId),
      listApiTokens(db, userId),
      listConversations(db, userId),
      listShares(db, userId),
      getReadingZone(db, userId),
    ]);
    if (!user) throw notFound("account");
    const origin = publicOrigin(c);
    c.header("Cache-Control", "private, no-store");
    return render(
      c,
      <AccountPage
        user={user}
        tokens={tokenRows}
        conversations={conversations}
        shares={shares.map((s) => ({ ...s, url: shareJson(tokens, origin, s).url }))}
        readingZone={readingZone}
        {...extra}
      />,
      status,
    );
  };
  const back = (c: Context, anchor: string) => c.redirect(`/account#${anchor}`, 303);
  // A signed-in browser only: an API token (Bearer, exempt from the CSRF check) must not reach
  // these forms, or it could mint tokens or share links here.
  const browserOnly = createMiddleware<AppEnv>(async function browserOnly(c, next) {
    if (viaApiToken(c)) {
      throw new AppError(403, "forbidden", "the account page needs a signed-in session");
    }
    await next();
  });
  return new Hono<AppEnv>()
    .use("/account", requireUserPage, browserOnly)
    .use("/account/*", requireUserPage, browserOnly)
    .get("/account", (c) => view(c, { created: c.req.query("created") }))
    .post("/account/tokens", async (c) => {
      const form = await c.req.parseBody();
      const name = tokenName.safeParse(form.name);
      if (!name.success) return view(c, { error: `name: ${name.error.issues[0].message}` }, 400);
      const created = await createApiToken(db, userIdOf(c), name.data);
      return view(c, { newToken: { name: created.name, token: created.token } });
    })
    .post("/account/tokens/:id/revoke", validate("param", idParam), async (c) => {
      if (!(await revokeApiToken(db, userIdOf(c), c.req.valid("param").id))) {
        throw notFound("token");
      }
      return back(c, "tokens");
    })
    .post("/account/shares", async (c) => {
      const form = shareForm.safeParse(await c.req.parseBody());
      if (!form.success) {
        const issue = form.error.issues[0];
        return view(c, { error: `${issue.path.join(".")}: ${issue.message}` }, 400);
      }
      const { conversationId, ...body } = form.data;
      const share = await createShareFrom(db, userIdOf(c), conversationId, body);
      return c.redirect(createdShareUrl("/account", share.id), 303);
    })
    .post("/account/shares/:id/revoke", validate("param", idParam), async (c) => {
      const shareId = c.req.valid("param").id;
      await revokeAndPurge(deps, userIdOf(c), shareId);
      return back(c, "shares");
    })
    .post("/account/reading-zone", async (c) => {
      const form = await c.req.parseBody();
      let zone: string | undefined;
      try {
        zone = timeZoneField(typeof form.zone === "string" ? form.zone : undefined, "zone");
      } catch (err) {
        if (err instanceof AppError) return view(c, { error: err.message }, 400);
        throw err;
      }
      await setReadingZone(db, userIdOf(c), zone ?? null);
      return c.redirect(localPath(form.next), 303);
    })
    .post("/account/delete", async (c) => {
      const form = await c.req.parseBody();
      const password = typeof form.password === "string" ? form.password : "";
      try {
        await deleteAccount(deps, c.var.logger, userIdOf(c), password);
      } catch (err) {
        if (err instanceof AppError && err.status === 403) {
          return view(c, { error: err.message }, 400);
        }
        throw err;
      }
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      c.header("Clear-Site-Data", CLEAR_SITE_DATA);
      return c.redirect("/signup", 303);
    });
}
