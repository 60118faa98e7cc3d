/// <reference lib="dom" />
// "View as": whose messages are on the right. Choosing a participant saves it with
// `PUT /api/conversations/:id/view-as` and flips the bubbles already on the page at once; in a
// group chat (where names and avatars depend on the side) the loaded messages are then drawn
// again from the API. The list's `data-view-as` tells the other islands. Without JavaScript the
// form posts and the page reloads.
import { useEffect, useState } from "preact/hooks";
import { errorMessage } from "./_http.ts";
import { authorOf, messageList, redrawMessages } from "./_messages.tsx";
import { spokenAuthor } from "../routes/_components/message_item.tsx";
import { YOU } from "../routes/_components/names.tsx";

export type ViewAsProps = {
  conversation: string;
  participants: string[];
  viewAs: string | null;
  group: boolean;
};

/** Puts `participant`'s messages on the right in the list (everyone else's on the left). */
export function flipSides(list: HTMLElement, participant: string | null): void {
  list.dataset.viewAs = participant ?? "";
  for (const li of list.querySelectorAll<HTMLElement>(":scope > li.msg")) {
    const mine = participant !== null && authorOf(li) === participant;
    li.classList.toggle("mine", mine);
    li.classList.toggle("theirs", !mine);
    const spoken = li.querySelector(":scope > article > .sr-only");
    if (spoken) spoken.textContent = spokenAuthor(authorOf(li) ?? "", mine);
  }
}

/** Moves the header's "(you)" to `participant` (routes/_components/names.tsx Names). */
export function markYou(root: ParentNode, participant: string | null): void {
  for (const mark of root.querySelectorAll(".participants .you")) mark.remove();
  for (const name of root.querySelectorAll<HTMLElement>(".participants [data-participant]")) {
    if (name.dataset.participant !== participant) continue;
    const mark = document.createElement("span");
    mark.className = "you";
    mark.textContent = YOU;
    name.after(mark);
  }
}

export default function ViewAs(props: ViewAsProps) {
  const [viewAs, setViewAs] = useState(props.viewAs);
  const [live, setLive] = useState(false);
  const [error, setError] = useState("");
  const [saving, setSaving] = useState(false);
  useEffect(() => setLive(true), []);

  async function choose(value: string) {
    const participant = value === "" ? null : value;
    const before = viewAs;
    setViewAs(participant);
    setSaving(true);
    setError("");
    try {
      const res = await fetch(`/api/conversations/${props.conversation}/view-as`, {
        method: "PUT",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ participant }),
      });
      if (!res.ok) throw new Error(await errorMessage(res));
      markYou(document, participant);
      const list = messageList();
      if (list) {
        flipSides(list, participant);
        if (props.group) {
          await redrawMessages(list, { ...props, viewAs: participant });
        }
      }
    } catch (err) {
      setViewAs(before);
      setError(`Could not switch: ${err instanceof Error ? err.message : err}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      method="post"
      action={`/c/${props.conversation}/view-as`}
      class="view-as"
      aria-busy={saving ? "true" : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        const select = (e.currentTarget as HTMLFormElement).elements.namedItem("participant");
        choose((select as HTMLSelectElement).value);
      }}
    >
      <label>
        View as{" "}
        <select
          name="participant"
          onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}
        >
          {props.participants.map((p) => (
            <option key={p} value={p} selected={p === viewAs} dir="auto">{p}</option>
          ))}
          <option value="" selected={viewAs === null}>Nobody</option>
        </select>
      </label>
      {!live && <button type="submit">Apply</button>}
      {error && <span class="error" role="alert">{error}</span>}
    </form>
  );
}
