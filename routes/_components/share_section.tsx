import { ExpiryOptions, type ListedShare, ShareList } from "./share_list.tsx";

/**
 * A chat's share links on its Settings page: the form that makes one (for how long, which days,
 * redacted or not; a plain form post) and the live ones with their Revoke buttons.
 *
 * Stable markup: `form.share-create` (`select[name=expiresInHours]`, `input[name=fromDate]`,
 * `input[name=toDate]`, `input[name=redacted]`), `ul.shares`.
 */
export function ShareSection(props: {
  conversationId: string;
  /** The chat's first and last day (`YYYY-MM-DD`), the date fields' bounds. */
  firstDay?: string;
  lastDay?: string;
  shares: ListedShare[];
  /** The share just created (its field has the focus). */
  created?: string;
}) {
  const id = props.conversationId;
  return (
    <section class="card" id="share">
      <h2>Share</h2>
      <p class="muted">
        A read-only link: anyone who has it can read the chat, or the days you choose, until it
        expires or you revoke it. It shows the messages as they are now; a later merge adds nothing
        to it.
      </p>
      <form method="post" action={`/c/${id}/shares`} class="share-create stack">
        <label>
          {/* "For" alone did not say for what. */}
          Link works for{" "}
          <select name="expiresInHours">
            <ExpiryOptions />
          </select>
        </label>
        <fieldset class="share-days">
          <legend>Days (empty: the whole chat)</legend>
          <label>
            From <input type="date" name="fromDate" min={props.firstDay} max={props.lastDay} />
          </label>{" "}
          <label>
            To <input type="date" name="toDate" min={props.firstDay} max={props.lastDay} />
          </label>
        </fieldset>
        <label>
          <input type="checkbox" name="redacted" />{" "}
          Redacted: names, phone numbers, media and contact cards hidden
        </label>
        <button type="submit">Create share link</button>
      </form>
      <h3>Live links</h3>
      <ShareList
        shares={props.shares}
        revokeAction={(s) => `/c/${id}/shares/${s.id}/revoke`}
        created={props.created}
      />
    </section>
  );
}
