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

/**
 * Live share links, each with what it covers (days), whether it is redacted, its expiry, its
 * link to copy and a Revoke form posting to `revokeAction(share)`. `title` names the
 * conversation (the account page lists every chat's links together).
 */
export function ShareList(props: {
  shares: ListedShare[];
  revokeAction: (share: Share) => string;
}) {
  if (props.shares.length === 0) return <p class="empty">No live share links.</p>;
  return (
    <ul class="shares">
      {props.shares.map((s) => (
        <li key={s.id}>
          <bdi>{s.title}</bdi> ({shareRange(s)})
          {s.redacted && <strong class="redacted">, redacted</strong>}, until {expiry(s.expiresAt)}
          <br />
          <input readOnly value={s.url} aria-label="Share link" size={60} />
          <form method="post" action={props.revokeAction(s)} class="inline">
            <button type="submit" class="link">Revoke</button>
          </form>
        </li>
      ))}
    </ul>
  );
}
