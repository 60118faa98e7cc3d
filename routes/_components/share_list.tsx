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

/**
 * Live share links, each with its range (refs, as in permalinks `#m12`), whether it is
 * redacted, its expiry, its link to copy and a Revoke form posting to `revokeAction(share)`.
 * `title` names the conversation (the account page lists every chat's links together).
 */
export function ShareList(props: {
  shares: (Share & { url: string; title: string })[];
  revokeAction: (share: Share) => string;
}) {
  if (props.shares.length === 0) return <p class="empty">No live share links.</p>;
  return (
    <ul class="shares">
      {props.shares.map((s) => (
        <li key={s.id}>
          <span dir="auto">{s.title}</span>
          {(s.fromSeq || s.toSeq) && ` (messages ${s.fromSeq ?? 1}–${s.toSeq ?? "end"})`}
          {s.redacted && <strong class="redacted">, redacted</strong>}, until{" "}
          {s.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC
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
