/// <reference lib="dom" />
// Search as you type: `GET /api/search` a moment after the last keystroke (an older request
// still running is aborted), results listed below as links to `/c/:id/m/:ref`. Arrow keys move
// through them (the input keeps focus, `aria-activedescendant` follows), Enter follows the
// chosen one, Escape closes the list. Without JavaScript the form submits to the search page.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Snippet } from "../lib/format/highlight.ts";
import { formatShortDay, formatTime } from "../routes/_components/dates.ts";
import { HitSource, SnippetText } from "../routes/_components/snippet.tsx";
import { errorMessage } from "./_http.ts";

export type SearchProps = {
  /** Limit to one conversation (the conversation page's "Search this chat"). */
  conversation?: string;
  /** The input's label and placeholder. */
  label?: string;
  /** Class of the form (its no-JavaScript look). */
  class?: string;
  /** Milliseconds of quiet typing before a request. */
  debounce?: number;
};

/** A search hit as `GET /api/search` returns it (routes/api/search.ts). */
type Hit = {
  conversation: { id: string; title: string };
  seq: number;
  ref?: number;
  date: string;
  /** The time in the reader's zone (with offset); older servers: absent. */
  shownAt?: string;
  author: string | null;
  url: string;
  snippet: Snippet;
};

type State =
  | { name: "idle" }
  | { name: "loading" }
  | { name: "results"; hits: Hit[]; query: string }
  | { name: "error"; message: string };

export default function Search(props: SearchProps) {
  const [q, setQ] = useState("");
  const [state, setState] = useState<State>({ name: "idle" });
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const pending = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const id = `search-${props.conversation ?? "all"}`;

  useEffect(() => () => {
    clearTimeout(timer.current);
    pending.current?.abort();
  }, []);

  function onInput(value: string) {
    setQ(value);
    clearTimeout(timer.current);
    pending.current?.abort();
    if (value.trim().length < 2) {
      setState({ name: "idle" });
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => run(value.trim()), props.debounce ?? 200);
  }

  async function run(query: string) {
    const controller = pending.current = new AbortController();
    setState({ name: "loading" });
    setOpen(true);
    try {
      const params = new URLSearchParams({ q: query });
      if (props.conversation) params.set("conversation", props.conversation);
      const res = await fetch(`/api/search?${params}`, {
        signal: controller.signal,
        headers: { accept: "application/json" },
      });
      if (!res.ok) throw new Error(await errorMessage(res));
      const body = await res.json();
      const hits: Hit[] = body.results ?? [];
      setState({ name: "results", hits, query });
      setActive(-1);
    } catch (err) {
      if (controller.signal.aborted) return;
      setState({ name: "error", message: err instanceof Error ? err.message : String(err) });
    }
  }

  useEffect(() => {
    if (active >= 0) {
      document.getElementById(`${id}-${active}`)?.scrollIntoView({ block: "nearest" });
    }
  }, [active]);

  const hits = state.name === "results" ? state.hits : [];
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!hits.length) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      const n = hits.length;
      setActive((i) => step > 0 ? (i + 1) % n : i <= 0 ? n - 1 : i - 1);
    } else if (event.key === "Enter" && open && active >= 0 && hits[active]) {
      event.preventDefault();
      follow(hits[active], false);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const showList = open && state.name !== "idle";
  return (
    <form
      method="get"
      action="/search"
      role="search"
      class={`search-box ${props.class ?? ""}`}
      onFocusOut={(e) => {
        const to = e.relatedTarget as Node | null;
        if (!to || !(e.currentTarget as HTMLFormElement).contains(to)) setOpen(false);
      }}
    >
      {props.conversation && <input type="hidden" name="conversation" value={props.conversation} />}
      <input
        type="search"
        name="q"
        value={q}
        placeholder={props.label ?? "Search messages"}
        aria-label={props.label ?? "Search messages"}
        required
        autocomplete="off"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-${active}` : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        onFocus={() => state.name !== "idle" && setOpen(true)}
      />
      <button type="submit">Search</button>
      {
        /* The drop-down: a listbox of options only (no links inside: an option is one
         control; a click or Enter follows it), its state and the link to the search page
         beside it. Mouse-down keeps the focus in the input, so the list stays open. */
      }
      <div
        class="search-results"
        hidden={!showList}
        data-query={state.name === "results" ? state.query : undefined}
        onMouseDown={(e) => e.preventDefault()}
      >
        {state.name === "loading" && <p class="muted">Searching…</p>}
        {state.name === "error" && <p class="error">{state.message}</p>}
        {state.name === "results" && hits.length === 0 && <p class="muted">No messages match.</p>}
        <ul id={`${id}-list`} role="listbox" aria-label="Results" hidden={!hits.length}>
          {hits.map((hit, i) => (
            <li
              key={`${hit.conversation.id}/${hit.seq}`}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? "active" : undefined}
              onMouseEnter={() => setActive(i)}
              onClick={(e) => follow(hit, e.ctrlKey || e.metaKey)}
            >
              <span class="meta">
                <HitSource
                  author={hit.author}
                  title={props.conversation ? undefined : hit.conversation.title}
                />
                <time
                  dateTime={hit.shownAt ?? hit.date}
                  title={hit.shownAt && hit.shownAt !== hit.date
                    ? `${hit.date.slice(0, 16).replace("T", " ")} as exported`
                    : undefined}
                >
                  {formatShortDay(hit.shownAt ?? hit.date)}, {formatTime(hit.shownAt ?? hit.date)}
                </time>
              </span>
              <SnippetText snippet={hit.snippet} />
            </li>
          ))}
        </ul>
        {state.name === "results" && (
          <p class="all">
            <a
              href={`/search?${new URLSearchParams({
                q: state.query,
                conversation: props.conversation ?? "",
              })}`}
            >
              All results and filters
            </a>
          </p>
        )}
      </div>
      <p class="sr-only" role="status">{announcement(state)}</p>
    </form>
  );
}

/** Opens a hit (in a new tab with Ctrl or ⌘, as a link would). */
function follow(hit: Hit, newTab: boolean): void {
  if (newTab) open(permalink(hit), "_blank", "noopener");
  else location.assign(permalink(hit));
}

/** What the status region says once a search has answered (nothing while typing). */
function announcement(state: State): string {
  if (state.name === "error") return state.message;
  if (state.name !== "results") return "";
  const n = state.hits.length;
  return n === 0
    ? "No messages match."
    : `${n} ${n === 1 ? "result" : "results"}: arrow keys to choose.`;
}

/** The permalink of a hit (`/c/:id/m/:ref#m:ref`, the fragment scrolls to the message). */
function permalink(hit: Hit): string {
  return hit.url ?? `/c/${hit.conversation.id}/m/${hit.ref ?? hit.seq}#m${hit.ref ?? hit.seq}`;
}
