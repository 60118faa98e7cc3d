import { formatShortDay } from "./dates.ts";
import type { Share } from "../../lib/db/shares.ts";

/** How long a new share link lives: the choices of the forms that create one. */
export const EXPIRY_CHOICES = [
  [24, "1 day"],
  [24 * 7, "1 week"],
  [24 * 30, "30 days"],
  [24 * 365, "1 year"],
] as const;

/** The `<option>`s of {@link EXPIRY_CHOICES}. */
export function ExpiryOptions() {
  return (
    <>
      {EXPIRY_CHOICES.map(([hours, label]) => (
        <option key={hours} value={String(hours)}>{label}</option>
      ))}
    </>
  );
}

/** A shown share: its conversation's title, link and the days its range's ends were written. */
export type ListedShare = Share & {
  url: string;
  title: string;
  fromDay?: string | null;
  toDay?: string | null;
};

/**
 * What a share covers, in days as the owner picked them ("Jul 12, 2019 – Jul 31, 2019", "from
 * Jul 12, 2019", "the whole chat"); message positions ("messages 834–881") meant nothing to
 * the owner. Positions stay only for an end whose message is gone.
 */
export function shareRange(s: ListedShare): string {
  if (s.fromSeq === null && s.toSeq === null) return "the whole chat";
  const end = (ref: number | null, day: string | null | undefined) =>
    ref === null ? null : day ? formatShortDay(day) : `message ${ref}`;
  const from = end(s.fromSeq, s.fromDay), to = end(s.toSeq, s.toDay);
  if (from === null) return `up to ${to}`;
  if (to === null) return `from ${from}`;
  return from === to ? from : `${from} – ${to}`;
}

/** When a share ends, to the minute (UTC: the lists are the same for every reading zone). */
function expiry(at: Date): string {
  return `${formatShortDay(at.toISOString())}, ${at.toISOString().slice(11, 16)} UTC`;
}

/** Where a share link is on its page (`li#share-<id>`). */
export const shareAnchor = (shareId: string) => `share-${shareId}`;

/**
 * `page` opened on the share just made: `?created=` puts the focus on its link's field
 * (`autofocus`, which also scrolls it into view; the page opened at its top, the new link
 * somewhere below). No `#share-<id>` fragment: a fragment naming an element cancels autofocus
 * (HTML's "flush autofocus candidates"), and the field would not have the focus.
 */
export const createdShareUrl = (page: string, shareId: string) => `${page}?created=${shareId}`;

/**
 * Live share links, each with what it covers (days), whether it is redacted, its expiry, its
 * link to copy and a Revoke form posting to `revokeAction(share)`. `title` names the
 * conversation (the account page lists every chat's links together).
 *
 * Each is `li#share-<id>`; the link just made (`created`) has the focus on its field, so the
 * page opens on it instead of its top. The Copy button is hidden until JavaScript shows it
 * (islands/_lib/copy_buttons.ts); without it the read-only field is there to select.
 */
export function ShareList(props: {
  shares: ListedShare[];
  revokeAction: (share: Share) => string;
  /** The id of the share just created. */
  created?: string;
}) {
  if (props.shares.length === 0) return <p class="empty">No live share links.</p>;
  return (
    <ul class="shares">
      {props.shares.map((s) => {
        const field = `${shareAnchor(s.id)}-url`;
        return (
          <li key={s.id} id={shareAnchor(s.id)}>
            <bdi>{s.title}</bdi> ({shareRange(s)})
            {s.redacted && <strong class="redacted">, redacted</strong>}, until{" "}
            {expiry(s.expiresAt)}
            <br />
            <input
              readOnly
              value={s.url}
              aria-label="Share link"
              size={48}
              id={field}
              autofocus={s.id === props.created}
            />{" "}
            <button
              type="button"
              class="link"
              data-copy={field}
              data-copy-status={`${field}-status`}
              hidden
            >
              Copy
            </button>{" "}
            <span class="copy-status" id={`${field}-status`} role="status" />{" "}
            <form method="post" action={props.revokeAction(s)} class="inline">
              <button type="submit" class="link">Revoke</button>
            </form>
          </li>
        );
      })}
    </ul>
  );
}
