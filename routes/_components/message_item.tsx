import type { StoredMessage } from "../../lib/db/messages.ts";
import { attachmentDisplayName } from "../../lib/format/attachment_name.ts";
import { type Contact, contactNameFromFile } from "../../lib/format/message_kinds.ts";
import { participantColor } from "../../lib/format/participant.ts";
import { Attachment, type FileView, isSticker, Omitted } from "./attachment.tsx";
import { Avatar } from "./avatar.tsx";
import { YOU } from "./names.tsx";
import { formatDay, formatShortDay, formatTime, shownAt } from "./dates.ts";
import { ContactView, LocationView, PollView } from "./message_kinds.tsx";
import { RichText } from "./rich_text.tsx";

/** Everything one message needs to render. */
export interface MessageProps {
  m: StoredMessage;
  /** When given, timestamps link to the message's permalink in the owner's view. */
  conversationId?: string;
  /** The "view as" participant wrote it: on the right. */
  mine: boolean;
  /**
   * Shown to someone else than the owner (a shared page): the owner's messages stay on the
   * right, named at the start of each run (with `group`), and a screen reader never calls their
   * author "you".
   */
  visitor?: boolean;
  /** A group chat: names and avatars on other people's messages. */
  group?: boolean;
  /** First of a run of messages by the same author (name and avatar shown there only). */
  runStart?: boolean;
  /** The attachment's file when it is in the export. */
  file?: FileView | null;
  /** The contact cards read from an attached .vcf (one file may hold several). */
  contacts?: Contact[] | null;
  /** The message a permalink or date jump points at. */
  current?: boolean;
  /** The zone the reader reads in (lib/time); none: the wall clock as exported. */
  zone?: string;
}

/**
 * The permalink of a message by its stable `ref` (a merge renumbers seqs, never refs); the
 * fragment scrolls the browser to it.
 */
export const permalink = (conversationId: string, ref: number) =>
  `/c/${conversationId}/m/${ref}#m${ref}`;

/** How a screen reader hears a message's author ("Ann:"; one's own "Ann (you):"). */
export const spokenAuthor = (author: string, mine: boolean) => `${author}${mine ? YOU : ""}:`;

function Stamp(
  props: { m: StoredMessage; conversationId?: string; edited?: boolean; zone?: string },
) {
  const { m } = props;
  // Shown in the reader's zone; the hover names the wall clock the export wrote.
  const shown = shownAt(m, props.zone);
  const time = <time dateTime={shown}>{formatTime(shown)}</time>;
  const original = `${formatDay(m.date)}, ${formatTime(m.date)}`;
  const title = shown.startsWith(m.date.slice(0, 16))
    ? original
    : `${formatDay(shown)}, ${formatTime(shown)} (on the phone: ${original})`;
  return (
    <footer>
      {props.edited && <span class="edited">Edited</span>}
      {props.conversationId
        ? (
          <a class="stamp" href={permalink(props.conversationId, m.ref ?? m.seq)} title={title}>
            {time}
          </a>
        )
        : <span class="stamp" title={title}>{time}</span>}
    </footer>
  );
}

/** "from Ann, 3 May 2024, 14:02" (in the reader's zone): what a picture's alt text says. */
function sentBy(m: StoredMessage, zone?: string): string {
  const shown = shownAt(m, zone);
  return `from ${m.author ?? "the chat"}, ${formatShortDay(shown)}, ${formatTime(shown)}`;
}

function Body(props: MessageProps & { file: FileView | null }) {
  const { m, file } = props;
  switch (m.kind) {
    case "deleted":
      return (
        <p class="deleted" dir="auto">
          <span aria-hidden="true">🚫</span> {m.text}
        </p>
      );
    case "poll":
      return <PollView text={m.text} />;
    case "location":
      return <LocationView text={m.text} />;
    case "contact": {
      if (!m.attachment) return <Omitted what="Contact card" detail={m.text} />;
      const contacts = props.contacts?.length
        ? props.contacts
        : [{ name: contactNameFromFile(m.attachment), phones: [] }];
      return (
        <>
          <ContactView
            contacts={contacts}
            fileUrl={file?.url ?? null}
            fileName={attachmentDisplayName(m.attachment)}
          />
          {m.text && <RichText text={m.text} />}
        </>
      );
    }
    case "media":
      return (
        <>
          {!m.attachment
            ? <Omitted detail={m.text} />
            : file
            ? <Attachment name={m.attachment} file={file} from={sentBy(m, props.zone)} />
            : <Omitted name={m.attachment} />}
          {m.attachment && m.text && <RichText text={m.text} />}
        </>
      );
    default:
      return (
        <>
          {m.attachment &&
            (file
              ? <Attachment name={m.attachment} file={file} from={sentBy(m, props.zone)} />
              : <Omitted name={m.attachment} />)}
          <RichText text={m.text} />
        </>
      );
  }
}

/**
 * One message as `<li id="m<ref>">` holding an `<article>`: system events centred, others as
 * bubbles (mine on the right), names and avatars in group chats on the first message of a run,
 * stickers without a bubble. The author is always in the text for screen readers.
 */
export function MessageItem(props: MessageProps) {
  const { m } = props;
  const file = props.file ?? null;
  const group = props.group ?? false;
  const runStart = props.runStart ?? true;
  const current = props.current ? "true" : undefined;
  if (m.kind === "system" || m.author === null) {
    return (
      <li
        class={props.current ? "system current" : "system"}
        id={`m${m.ref ?? m.seq}`}
        aria-current={current}
      >
        <article>
          <p dir="auto">{m.text}</p>
          <Stamp m={m} conversationId={props.conversationId} zone={props.zone} />
        </article>
      </li>
    );
  }
  // A group names other people's runs (with an avatar); a shared page also names the owner's,
  // whose visitor would not know whose the right-hand side is (in a 1:1 chat, nothing said so).
  const theirs = group && !props.mine;
  const named = group && (!props.mine || props.visitor === true);
  const classes = [
    "msg",
    props.mine ? "mine" : "theirs",
    `kind-${m.kind}`,
    runStart && "run-start",
    file && isSticker(m.attachment) && "sticker",
    props.current && "current",
  ].filter(Boolean).join(" ");
  return (
    <li
      class={classes}
      id={`m${m.ref ?? m.seq}`}
      data-author={m.author}
      aria-current={current}
    >
      {theirs && runStart && <Avatar name={m.author} />}
      <article class={theirs ? `p${participantColor(m.author)}` : undefined}>
        {named && runStart
          ? (
            <header class="author">
              <bdi>{m.author}</bdi>
            </header>
          )
          : (
            <span class="sr-only" dir="auto">
              {spokenAuthor(m.author, props.mine && !props.visitor)}
            </span>
          )}
        <Body {...props} file={file} />
        <Stamp
          m={m}
          conversationId={props.conversationId}
          edited={m.edited}
          zone={props.zone}
        />
      </article>
    </li>
  );
}
