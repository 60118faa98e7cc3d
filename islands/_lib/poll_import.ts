/// <reference lib="dom" />
/**
 * Follows one import to its end by polling `GET /api/imports/:id`, sooner at first and less
 * often as it goes on (250 ms, then ×1.5 up to every 2 s). While the page is hidden it asks
 * nothing; when the page shows again it asks at once and starts the backoff over. Used by the
 * upload form (the import it just sent) and the library's list of imports (those still running
 * when the page was rendered).
 *
 * @module
 */
import type { ImportStatus } from "../../lib/db/imports.ts";
import { sleep } from "../../lib/sleep.ts";
import { errorMessage } from "../_http.ts";

/** What `GET /api/imports/:id` says of an import, as far as its followers need. */
export interface ImportProgress {
  status: ImportStatus;
  /** 0..1, while it is processing. */
  progress: number;
  conversationId: string | null;
  error: string | null;
  /** A refused repeat: the earlier import of the same file. */
  duplicateOf?: string | null;
}

/** The page's visibility, as `document` has it (a stand-in in tests). */
export type PageVisibility = Pick<Document, "hidden" | "addEventListener" | "removeEventListener">;

/** The first wait between two polls, and the longest. */
export const POLL_DELAYS = { first: 250, max: 2000 } as const;

/**
 * Polls the import until it is done (with its conversation) or failed, and resolves with that
 * last answer; `onStatus` hears every answer, the last included. Rejects with the API's message
 * when a poll is refused (the import is gone, the session ended), and when `signal` aborts.
 *
 * @example
 * ```ts
 * const end = await pollImport(id, { signal, onStatus: (s) => console.log(s.progress) });
 * if (end.status === "done") location.assign(`/c/${end.conversationId}`);
 * ```
 */
export async function pollImport(
  id: string,
  options: {
    signal: AbortSignal;
    onStatus?: (status: ImportProgress) => void;
    /** Default: `document`. */
    page?: PageVisibility;
  },
): Promise<ImportProgress> {
  const { signal } = options;
  const page = options.page ?? globalThis.document;
  for (let delay: number = POLL_DELAYS.first;; delay = Math.min(delay * 1.5, POLL_DELAYS.max)) {
    if (page?.hidden) {
      await shown(page, signal);
      delay = POLL_DELAYS.first;
    }
    signal.throwIfAborted();
    const res = await fetch(`/api/imports/${id}`, {
      signal,
      headers: { accept: "application/json" },
    });
    if (!res.ok) throw new Error(await errorMessage(res));
    const s: ImportProgress = await res.json();
    options.onStatus?.(s);
    if ((s.status === "done" && s.conversationId) || s.status === "failed") return s;
    await sleep(delay, signal);
  }
}

/** Resolves when the page is shown again, or `signal` aborts. */
function shown(page: PageVisibility, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (page.hidden && !signal.aborted) return;
      page.removeEventListener("visibilitychange", check);
      signal.removeEventListener("abort", check);
      resolve();
    };
    page.addEventListener("visibilitychange", check);
    signal.addEventListener("abort", check, { once: true });
    check();
  });
}
