import type { Contact } from "../../lib/format/message_kinds.ts";
import { parseLocation, parsePoll } from "../../lib/format/message_kinds.ts";
import { initials } from "../../lib/format/participant.ts";
import type { ComponentChildren } from "preact";
import { RichText } from "./rich_text.tsx";

/** A poll: question, options with their votes as meters, total. */
export function PollView(props: { text: string }) {
  const poll = parsePoll(props.text);
  if (!poll) return <RichText text={props.text} />;
  const total = poll.options.reduce((n, o) => n + o.votes, 0);
  return (
    <figure class="poll">
      <figcaption dir="auto">
        <span aria-hidden="true">📊</span> {poll.question}
      </figcaption>
      <ul>
        {poll.options.map((o) => (
          <li>
            <span class="option" dir="auto">{o.text}</span>
            <meter min={0} max={Math.max(total, 1)} value={o.votes} />
            <span class="votes">{o.votes} {o.votes === 1 ? "vote" : "votes"}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A shared location: coordinates and a link to the map (live locations have no link). */
export function LocationView(props: { text: string }) {
  const loc = parseLocation(props.text);
  if (!loc.href) {
    return (
      <p class="location">
        <span aria-hidden="true">📍</span> <span dir="auto">{props.text}</span>
      </p>
    );
  }
  return (
    <div class="location">
      <p>
        <span aria-hidden="true">📍</span> Location
        {loc.lat !== null && <span class="coords">{` ${loc.lat}, ${loc.lng}`}</span>}
      </p>
      {loc.note && <p dir="auto">{loc.note}</p>}
      <a href={loc.href} rel="noopener nofollow ugc" target="_blank">Open in maps</a>
    </div>
  );
}

/** One contact: initials, name and phone numbers. */
function ContactCard(props: { contact: Contact; children?: ComponentChildren }) {
  const { contact } = props;
  return (
    <div class="contact-card">
      <span class="avatar" aria-hidden="true">{initials(contact.name || "#")}</span>
      <div>
        <strong dir="auto">{contact.name || "Contact"}</strong>
        {contact.phones.map((p) => (
          <a key={p} class="phone" href={`tel:${p.replace(/[^\d+]/g, "")}`}>{p}</a>
        ))}
        {props.children}
      </div>
    </div>
  );
}

/**
 * The contact cards of a message (name and phone numbers when the .vcf was read; one file may
 * share several contacts) and the file to save.
 */
export function ContactView(
  props: { contacts: Contact[]; fileUrl: string | null; fileName: string | null },
) {
  const { contacts, fileUrl } = props;
  const n = contacts.length;
  const save = fileUrl && (
    <a href={fileUrl} download={props.fileName ?? "contact.vcf"}>
      {n > 1 ? `Save ${n} contacts` : "Save contact"}
    </a>
  );
  if (n === 1) return <ContactCard contact={contacts[0]}>{save}</ContactCard>;
  return (
    <div class="contact-cards">
      {contacts.map((c, i) => <ContactCard key={i} contact={c} />)}
      {save}
    </div>
  );
}
