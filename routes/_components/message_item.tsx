import type { StoredMessage } from "../../lib/db/messages.ts";
import { contentTypeFor, mediaClass } from "../../lib/media_types.ts";

/** One message: system events centred; others as bubbles, mine on the right. */
export function MessageItem(
  props: { m: StoredMessage; mine: boolean; showAuthor: boolean; mediaUrl: string | null },
) {
  const { m } = props;
  const time = m.date.slice(11, 16);
  if (m.kind === "system") {
    return (
      <li class="system" id={`m${m.seq}`}>
        <span dir="auto">{m.text}</span>
      </li>
    );
  }
  return (
    <li class={`msg ${props.mine ? "mine" : "theirs"} kind-${m.kind}`} id={`m${m.seq}`}>
      <article>
        {props.showAuthor && m.author && <header class="author" dir="auto">{m.author}</header>}
        {m.attachment && <Attachment name={m.attachment} url={props.mediaUrl} />}
        {m.kind === "deleted"
          ? <p class="deleted">🚫 {m.text}</p>
          : m.text && <p class="text" dir="auto">{m.text}</p>}
        <footer>
          {m.edited && <span class="edited">edited</span>}
          <time dateTime={m.date}>{time}</time>
        </footer>
      </article>
    </li>
  );
}

function Attachment(props: { name: string; url: string | null }) {
  if (!props.url) {
    return <p class="attachment missing">📎 {props.name} (not included in this export)</p>;
  }
  const kind = mediaClass(contentTypeFor(props.name));
  if (kind === "image") {
    return (
      <a href={props.url} class="media">
        <img src={props.url} alt={props.name} loading="lazy" />
      </a>
    );
  }
  if (kind === "video") return <video class="media" src={props.url} controls preload="metadata" />;
  if (kind === "audio") return <audio src={props.url} controls preload="none" />;
  return <a class="attachment file" href={props.url} download={props.name}>📄 {props.name}</a>;
}
