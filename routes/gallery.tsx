/**
 * The media gallery pages: `GET /media` (every chat of the user) and `GET /c/:id/media` (one
 * chat; another user's id is a 404). Server-rendered, filtered by a GET form and paged by a
 * "More" link, so both work without JavaScript; the lightbox island only enlarges images.
 * Markup names: see routes/_components/gallery.tsx.
 *
 * @module
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { type Conversation, getConversation, listAuthors } from "../lib/db/conversations.ts";
import { countOmittedMedia } from "../lib/db/gallery.ts";
import { getReadingZone } from "../lib/db/users.ts";
import { notFound } from "../lib/errors.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { idParam } from "./api/conversations.ts";
import { galleryFields, type GalleryQuery, runGallery } from "./api/media.ts";
import { GalleryFilter, GalleryGrid, gallerySearch } from "./_components/gallery.tsx";
import { Island } from "./_components/island.tsx";
import { Layout } from "./_components/layout.tsx";
import { render } from "./_components/render.ts";
import Lightbox from "../islands/lightbox.tsx";
import { conversationHref } from "./_components/conversation_href.ts";

/** The page's query: the API's filter; the page size is the page's own (a grid's rows). */
const { limit: _limit, ...pageFields } = galleryFields;
const pageQuery = z.object(pageFields)
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "must not be after to",
    path: ["from"],
  });
const PAGE = 48;

const filtered = (q: GalleryQuery) => Boolean(q.type || q.author || q.from || q.to || q.cursor);

/** Why a gallery is empty: filters, an export without media, or no media at all. */
function Empty(props: { query: GalleryQuery; action: string; omitted: number }) {
  if (filtered(props.query)) {
    return (
      <p class="empty">
        No media matches these filters. <a href={props.action}>Show all media</a>
      </p>
    );
  }
  if (props.omitted > 0) {
    return (
      <p class="empty omitted-media">
        {props.query.conversationId ? "This chat was" : "Your chats were"} exported without media:
        {" "}
        {props.omitted.toLocaleString("en")} {props.omitted === 1 ? "message says" : "messages say"}
        {" "}
        “&lt;Media omitted&gt;”, and there is no file to show. In WhatsApp, export the chat again
        with <em>Include media</em> and import the <code>.zip</code>{" "}
        to see its photos, videos and files here.
      </p>
    );
  }
  return <p class="empty">No photos, videos, voice notes or files here yet.</p>;
}

async function galleryPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  q: GalleryQuery,
  conv: Conversation | null,
) {
  const userId = userIdOf(c);
  const action = conv ? `/c/${conv.id}/media` : "/media";
  const query = { ...q, conversationId: conv?.id, limit: PAGE };
  const [page, people, zone] = await Promise.all([
    runGallery(deps, userId, query),
    conv ? Promise.resolve(conv.participants) : listAuthors(deps.db, userId),
    getReadingZone(deps.db, userId),
  ]);
  const omitted = page.items.length === 0 && !filtered(q)
    ? await countOmittedMedia(deps.db, userId, conv?.id)
    : 0;
  const title = conv ? `Media · ${conv.title}` : "All media";
  return render(
    c,
    <Layout title={title} signedIn wide>
      <link rel="stylesheet" href="/static/gallery.css" />
      <header class="conv-header gallery-head">
        <a
          class="back"
          href={conv ? conversationHref(conv.id) : "/"}
          aria-label={conv ? "Back to the chat" : "Back to your chats"}
        >
          ←
        </a>
        <div class="conv-title">
          <h1>
            {conv
              ? (
                <>
                  Media of <bdi>{conv.title}</bdi>
                </>
              )
              : "All media"}
          </h1>
          <p class="muted">
            {conv
              ? <a href="/media">Media of all your chats</a>
              : "Photos, videos, voice notes and files of all your chats"}
          </p>
        </div>
      </header>
      <GalleryFilter action={action} query={q} people={people} />
      {page.items.length === 0
        ? <Empty query={query} action={action} omitted={omitted} />
        : <GalleryGrid items={page.items} showTitle={!conv} zone={zone} />}
      {page.next && (
        <a class="pager more" rel="next" href={action + gallerySearch(q, page.next)}>More</a>
      )}
      <Island name="lightbox" component={Lightbox} props={{}} />
    </Layout>,
  );
}

/** `/media` and `/c/:id/media`. */
export function galleryPages(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/media", requireUserPage, validate("query", pageQuery), async (c) => {
      return await galleryPage(c, deps, { ...c.req.valid("query"), limit: PAGE }, null);
    })
    .get(
      "/c/:id/media",
      requireUserPage,
      validate("param", idParam),
      validate("query", pageQuery),
      async (c) => {
        const conv = await getConversation(deps.db, userIdOf(c), c.req.valid("param").id);
        if (!conv) throw notFound("conversation");
        return await galleryPage(c, deps, { ...c.req.valid("query"), limit: PAGE }, conv);
      },
    );
}
