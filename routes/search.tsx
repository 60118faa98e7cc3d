import { Hono } from "hono";
import { z } from "zod";
import { listAuthors, listConversations } from "../lib/db/conversations.ts";
import type { SearchHit } from "../lib/db/search.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { encodeCursor } from "../lib/db/search.ts";
import { runSearch, type SearchQuery, searchQuery } from "./api/search.ts";
import { formatShortDay, formatTime, shownAt } from "./_components/dates.ts";
import { Layout } from "./_components/layout.tsx";
import { conversationHref } from "./_components/conversation_href.ts";
import { permalink } from "./_components/message_item.tsx";
import { render } from "./_components/render.ts";
import { HitSource, SnippetText } from "./_components/snippet.tsx";

// The page shows the form alone when there is no query yet: `q` is optional here.
const pageQuery = z.union([
  searchQuery,
  z.object({ q: z.literal("").optional(), conversation: z.string().optional() }),
]);

/** The search `q` with some parameters changed (`before: undefined` drops the cursor). */
function searchUrl(q: SearchQuery, change: Partial<SearchQuery>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...change })) {
    if (v === undefined) continue;
    params.set(
      k,
      k === "before" ? encodeCursor(v as NonNullable<SearchQuery["before"]>) : String(v),
    );
  }
  return `/search?${params}`;
}

function Result(props: { hit: SearchHit; showTitle: boolean; zone: string | null }) {
  const { hit } = props;
  // In the reader's zone; the wall clock as exported on hover when it differs.
  const shown = shownAt(hit, props.zone);
  return (
    <li>
      <article class="result">
        <header>
          <HitSource author={hit.author} title={props.showTitle ? hit.title : undefined} />
          <time
            dateTime={shown}
            title={shown === hit.date
              ? undefined
              : `${hit.date.slice(0, 16).replace("T", " ")} as exported`}
          >
            {formatShortDay(shown)}, {formatTime(shown)}
          </time>
        </header>
        <a href={permalink(hit.conversationId, hit.ref)} class="result-link">
          <SnippetText snippet={hit.snippet} />
        </a>
      </article>
    </li>
  );
}

/** `/search`: search the user's chats without JavaScript, with the API's filters. */
export function searchPage(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    "/search",
    requireUserPage,
    async (c) => {
      const userId = userIdOf(c);
      // The form shows what was typed, as typed. A refused filter (from after to, a blank query)
      // shows it again with why, not a bare error page that loses the search.
      const parsed = pageQuery.safeParse(c.req.query());
      const typed = c.req.query();
      const invalid = parsed.success ? null : parsed.error.issues[0];
      const raw = parsed.success ? parsed.data : {};
      const q = "q" in raw && raw.q ? raw as SearchQuery : null;
      const conversationId = q?.conversation ?? (parsed.success ? raw.conversation : undefined);
      const [conversations, authors, found] = await Promise.all([
        listConversations(deps.db, userId, "title"),
        listAuthors(deps.db, userId, q?.conversation),
        q ? runSearch(deps, userId, q) : null,
      ]);
      const inChat = conversations.find((conv) => conv.id === conversationId);
      return render(
        c,
        <Layout title={q ? `Search: ${q.q}` : "Search"} signedIn>
          {/* Searched from a chat's Tools: the way back to it (else only the library was). */}
          {inChat && (
            <p>
              <a href={conversationHref(inChat.id)}>← Back to the chat</a>
            </p>
          )}
          <h1>
            {inChat
              ? (
                <>
                  Search in <span dir="auto">{inChat.title}</span>
                </>
              )
              : "Search your chats"}
          </h1>
          <form method="get" action="/search" class="search-form stack" role="search">
            <label>
              Words{" "}
              <input
                type="search"
                name="q"
                value={typed.q ?? ""}
                required
                maxLength={200}
              />
            </label>
            <div class="filters">
              <label>
                Chat{" "}
                <select name="conversation">
                  <option value="">All chats</option>
                  {conversations.map((conv) => (
                    <option
                      value={conv.id}
                      selected={conv.id === (conversationId ?? typed.conversation)}
                    >
                      {conv.title}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Sender{" "}
                <input
                  type="text"
                  name="author"
                  list="authors"
                  value={typed.author ?? ""}
                />
              </label>
              <datalist id="authors">{authors.map((a) => <option key={a} value={a} />)}</datalist>
              <label>
                From <input type="date" name="from" value={typed.from ?? ""} />
              </label>
              <label>
                To <input type="date" name="to" value={typed.to ?? ""} />
              </label>
            </div>
            <button type="submit">Search</button>
          </form>
          {invalid && (
            <p class="error" role="alert">
              {issueText(invalid)}
            </p>
          )}
          {q && found && found.indexing > 0 && (
            <p class="notice" role="status">
              Still indexing {found.indexing}{" "}
              {found.indexing === 1 ? "conversation" : "conversations"}:{" "}
              {found.indexing === 1 ? "its messages are" : "their messages are"}{" "}
              not in these results yet. Try again in a moment.
            </p>
          )}
          {q && found && (
            <section aria-labelledby="results-heading">
              <h2 id="results-heading">
                {found.hits.length === 0
                  ? "No messages found"
                  : `${found.hits.length}${found.more ? "+" : ""} ${
                    found.hits.length === 1 ? "message" : "messages"
                  }, newest first`}
              </h2>
              {found.hits.length === 0 && !/[\p{L}\p{N}]/u.test(q.q) && (
                <p class="muted">
                  Search looks for words: emoji and punctuation alone cannot be searched.
                </p>
              )}
              {found.hits.length === 0 && q.conversation && (
                <p>
                  <a href={searchUrl(q, { conversation: undefined, before: undefined })}>
                    Search all your chats for “{q.q}”
                  </a>
                </p>
              )}
              <ol class="results">
                {found.hits.map((hit) => (
                  <Result
                    key={`${hit.conversationId}/${hit.seq}`}
                    hit={hit}
                    showTitle={!q.conversation}
                    zone={found.zone}
                  />
                ))}
              </ol>
              {(found.next || q.before) && (
                <nav class="muted" aria-label="More results">
                  {q.before && <a href={searchUrl(q, { before: undefined })}>Newest results</a>}
                  {q.before && found.next && " · "}
                  {found.next && <a href={searchUrl(q, { before: found.next })}>Older results</a>}
                  {found.next && !q.before && q.limit < 100 && (
                    <>
                      {" · "}
                      <a href={searchUrl(q, { limit: 100 })}>Show up to 100 a page</a>
                    </>
                  )}
                </nav>
              )}
            </section>
          )}
        </Layout>,
        invalid ? 400 : 200,
      );
    },
  );
}

/** A refused query as the form's reader puts it ("From: must not be after To"). */
function issueText(issue: z.core.$ZodIssue): string {
  const labels: Record<string, string> = {
    q: "Words",
    conversation: "Chat",
    author: "Sender",
    from: "From",
    to: "To",
  };
  const field = String(issue.path[0] ?? "");
  return `${labels[field] ?? field}: ${issue.message.replace(/\bto\b$/, "To")}`;
}
