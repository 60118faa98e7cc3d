/**
 * The media gallery's markup (pages `/media` and `/c/:id/media`). Stable names for tests:
 * `form.gallery-filter` (GET; `select[name=type]`, `select[name=author]`, `input[name=from]`,
 * `input[name=to]`), `ul.gallery > li.tile.type-<type>[data-conversation][data-ref]`, in each
 * tile `a.show-in-chat` and `a.download`, and `a.pager.more[rel=next]`.
 *
 * @module
 */
import { MEDIA_LABELS, MEDIA_TYPES, type MediaType } from "../../lib/insights/media.ts";
import type { GalleryEntry, GalleryQuery } from "../api/media.ts";
import { formatShortDay, formatTime, shownAt } from "./dates.ts";
import { permalink } from "./message_item.tsx";
import { formatSize } from "./attachment.tsx";
import { attachmentDisplayName } from "../../lib/format/attachment_name.ts";

/** The types a file in an export can have (locations and omitted media have no file). */
export const GALLERY_TYPES: MediaType[] = MEDIA_TYPES.filter((t) =>
  t !== "location" && t !== "other"
);

const ICONS: Record<MediaType, string> = {
  image: "🖼️",
  video: "🎬",
  audio: "🎵",
  voice: "🎤",
  sticker: "🏷️",
  document: "📄",
  contact: "👤",
  location: "📍",
  other: "📎",
};

/** Images and stickers show the file itself, sized by CSS (no thumbnails are generated). */
const shownAsPicture = (type: MediaType) => type === "image" || type === "sticker";

function Tile(props: { item: GalleryEntry; showTitle: boolean; zone: string | null }) {
  const { item } = props;
  const shown = shownAt(item, props.zone);
  const url = item.url;
  const label = MEDIA_LABELS[item.type].replace(/s$/, "");
  return (
    <li
      class={`tile type-${item.type}`}
      data-conversation={item.conversationId}
      data-ref={item.ref}
    >
      {shownAsPicture(item.type)
        ? (
          <a class="thumb" href={url} data-lightbox="">
            <img
              src={url}
              alt={`${label} from ${item.author ?? "the chat"}, ${formatShortDay(shown)}, ${
                formatTime(shown)
              }`}
              data-kind={label}
              loading="lazy"
              decoding="async"
              width={200}
              height={200}
            />
          </a>
        )
        : (
          <a class="thumb file" href={url}>
            <span class="icon" aria-hidden="true">{ICONS[item.type]}</span>
            <span class="name" dir="auto">{attachmentDisplayName(item.name)}</span>
            <span class="size">{label} · {formatSize(item.size)}</span>
          </a>
        )}
      <div class="meta">
        {item.author && <span class="who" dir="auto">{item.author}</span>}
        {/* The chat muted after "in", as search results name it: not a second bold name. */}
        {props.showTitle && (
          <span class="conv">
            in <bdi>{item.conversationTitle}</bdi>
          </span>
        )}
        <time dateTime={shown}>
          {formatShortDay(shown)}, {formatTime(shown)}
        </time>
      </div>
      <div class="actions">
        <a class="show-in-chat" href={permalink(item.conversationId, item.ref)}>Show in chat</a>
        <a class="download" href={item.downloadUrl} download={attachmentDisplayName(item.name)}>
          Download
        </a>
      </div>
    </li>
  );
}

/** The grid of items (`showTitle`: name each item's chat, for the whole library). */
export function GalleryGrid(
  props: { items: GalleryEntry[]; showTitle: boolean; zone: string | null },
) {
  return (
    <ul class="gallery" aria-label="Media">
      {props.items.map((item) => (
        <Tile
          key={`${item.conversationId}-${item.ref}`}
          item={item}
          showTitle={props.showTitle}
          zone={props.zone}
        />
      ))}
    </ul>
  );
}

/** The filter form: a GET form, so it works without JavaScript. */
export function GalleryFilter(props: { action: string; query: GalleryQuery; people: string[] }) {
  const q = props.query;
  // A person no longer among the participants still shows as selected.
  const people = q.author && !props.people.includes(q.author)
    ? [q.author, ...props.people]
    : props.people;
  return (
    <form class="gallery-filter filters card" method="get" action={props.action}>
      <label>
        Type
        <select name="type">
          <option value="">All types</option>
          {GALLERY_TYPES.map((t) => (
            <option key={t} value={t} selected={t === q.type}>{MEDIA_LABELS[t]}</option>
          ))}
        </select>
      </label>
      <label>
        Person
        <select name="author">
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p} value={p} selected={p === q.author} dir="auto">{p}</option>
          ))}
        </select>
      </label>
      <label>
        From <input type="date" name="from" value={q.from ?? ""} />
      </label>
      <label>
        To <input type="date" name="to" value={q.to ?? ""} />
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}

/** The query string of the same filter at another page (`cursor`), empty fields left out. */
export function gallerySearch(q: GalleryQuery, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const key of ["type", "author", "from", "to"] as const) {
    if (q[key]) params.set(key, q[key]!);
  }
  if (cursor) params.set("cursor", cursor);
  const s = params.toString();
  return s ? `?${s}` : "";
}
