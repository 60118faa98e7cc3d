/// <reference lib="dom" />
// The library's list of imports not done yet (queued, processing, failed), live: each running
// import is followed through `GET /api/imports/:id` (islands/_lib/poll_import.ts, as the upload
// form follows its own) and its line says how far it is; a finished one becomes a link to its
// conversation, a failed one shows why and its Delete form; both are announced politely.
// Without JavaScript the same list is rendered once, and the Delete forms post.
//
// Only the imports the page was rendered with are followed: one uploaded from this page after
// that is the upload form's (it follows it itself), so it is never listed twice.
import { useEffect, useState } from "preact/hooks";
import type { ImportStatus } from "../lib/db/imports.ts";
import { conversationHref } from "../routes/_components/conversation_href.ts";
import { DeleteImport } from "./_delete_import.tsx";
import {
  IMPORT_FAILED,
  IMPORT_STATUS_WORDS,
  OPEN_CONVERSATION,
  runningWords,
} from "./_lib/import_words.ts";
import { type ImportProgress, pollImport } from "./_lib/poll_import.ts";

/** One import of the list, as the page renders it and the API updates it. */
export type ListedImport = {
  id: string;
  filename: string;
  status: ImportStatus;
  /** 0..1, while it is processing. */
  progress: number;
  error: string | null;
  conversationId: string | null;
};

export type ImportListProps = { imports: ListedImport[] };

export default function ImportList(props: ImportListProps) {
  const [imports, setImports] = useState(props.imports);
  const [said, setSaid] = useState<string[]>([]);
  useEffect(() => {
    const stop = new AbortController();
    const update = (id: string, s: ImportProgress) =>
      setImports((list) =>
        list.map((i) =>
          i.id === id
            ? {
              ...i,
              status: s.status,
              progress: s.progress,
              error: s.error,
              conversationId: s.conversationId,
            }
            : i
        )
      );
    for (const i of props.imports) {
      if (i.status !== "queued" && i.status !== "processing") continue;
      pollImport(i.id, { signal: stop.signal, onStatus: (s) => update(i.id, s) }).then(
        (end) => setSaid((all) => [...all, `${i.filename}: ${IMPORT_STATUS_WORDS[end.status]}`]),
        // Stopped (the page is left), or refused (the import was deleted elsewhere, the session
        // ended): the line stays as last seen; its link opens the import's own page.
        () => {},
      );
    }
    return () => stop.abort();
  }, []);
  return (
    <section>
      <h2>Imports</h2>
      <ul class="imports">
        {imports.map((i) => <ImportLine key={i.id} {...i} />)}
      </ul>
      <p class="sr-only" aria-live="polite">
        {said.map((s, n) => <span key={n}>{s}</span>)}
      </p>
    </section>
  );
}

function ImportLine(i: ListedImport) {
  if (i.status === "done" && i.conversationId) {
    return (
      <li data-status="done">
        <span dir="auto">{i.filename}</span> — {IMPORT_STATUS_WORDS.done}{" "}
        <a href={conversationHref(i.conversationId)}>{OPEN_CONVERSATION}</a>
      </li>
    );
  }
  const link = <a href={`/imports/${i.id}`} dir="auto">{i.filename}</a>;
  if (i.status === "failed") {
    return (
      <li data-status="failed">
        {link} — {IMPORT_FAILED}
        {i.error ? <span class="error">: {i.error}</span> : "."}
        {!i.conversationId && (
          <>
            {" "}
            <DeleteImport id={i.id} />
          </>
        )}
      </li>
    );
  }
  const running = i.status === "done" ? "processing" : i.status;
  return (
    <li data-status={i.status}>
      {link} — {runningWords(running, i.progress)}
      {running === "processing" && (
        <>
          {" "}
          <progress class="import-progress" max={1} value={i.progress} aria-hidden="true" />
        </>
      )}
    </li>
  );
}
