/// <reference lib="dom" />
// The library's upload form, enhanced: the file goes up with XMLHttpRequest (fetch has no
// upload progress) as a raw body to `POST /api/imports?filename=`, with a progress bar; then
// the import's own progress is polled from `GET /api/imports/:id` until it is done (we go to the
// conversation) or failed (its reason is shown). Without JavaScript the same form posts to
// `/imports`, whose status page refreshes itself.
import { useEffect, useRef, useState } from "preact/hooks";
import { conversationHref } from "../routes/_components/conversation_href.ts";
import { errorMessage } from "./_http.ts";
import { DirectUploadUnavailable, uploadDirect } from "./_lib/s3_multipart.ts";
import {
  IMPORT_FAILED,
  IMPORT_STATUS_WORDS,
  OPEN_CONVERSATION,
  percent,
} from "./_lib/import_words.ts";
import { type ImportProgress, pollImport } from "./_lib/poll_import.ts";

export type UploadProps = {
  /** Largest upload the server takes, to refuse bigger files before sending them. */
  maxBytes?: number;
  /** IANA zones offered for the phone's zone, and the one chosen without JavaScript. */
  zones?: string[];
  zone?: string;
  /**
   * Whether the server takes direct uploads (S3): false skips asking (in embedded mode the
   * answer is a 409 the browser logs as an error) and sends the file through the app.
   */
  direct?: boolean;
};

type Phase =
  | { name: "idle" }
  | { name: "uploading"; loaded: number; total: number }
  | { name: "processing"; progress: number; status: string }
  | { name: "done"; conversationId: string }
  | { name: "failed"; message: string; importId?: string }
  | { name: "duplicate"; href: string; title: string | null };

/** The file was imported before (409 `duplicate_upload`, or an import refused as a repeat). */
class AlreadyImported extends Error {
  constructor(readonly href: string, readonly title: string | null) {
    super("this file is already in your library");
  }
}

/** The import was stored and read, and failed: its page tells more and can delete it. */
class ImportFailed extends Error {
  constructor(message: string, readonly importId: string) {
    super(message);
  }
}

const MB = 1024 * 1024;

export default function Upload(props: UploadProps) {
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const stop = useRef<AbortController | null>(null);
  useEffect(() => () => stop.current?.abort(), []);
  // The phone that exported the chat is most likely this device: preselect the browser's zone.
  const [zone, setZone] = useState(props.zone ?? "UTC");
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browser) setZone(browser);
  }, []);
  const zones = props.zones ?? ["UTC"];

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setPhase({ name: "failed", message: "Choose a file first." });
    if (props.maxBytes && file.size > props.maxBytes) {
      return setPhase({
        name: "failed",
        message: `This file is ${size(file.size)}; the largest upload allowed is ${
          size(props.maxBytes)
        }.`,
      });
    }
    stop.current?.abort();
    const controller = stop.current = new AbortController();
    try {
      setPhase({ name: "uploading", loaded: 0, total: file.size });
      const onProgress = (loaded: number, total: number) => {
        setPhase({ name: "uploading", loaded, total });
      };
      // With S3, straight to the bucket (parallel, resumable parts); else through the app.
      const id = props.direct === false
        ? await send(file, zone, controller.signal, onProgress)
        : await uploadDirect(file, {
          signal: controller.signal,
          onProgress,
          timeZone: zone,
        }).catch(
          (err) => {
            if (err instanceof DirectUploadUnavailable) {
              return send(file, zone, controller.signal, onProgress);
            }
            throw err;
          },
        );
      setPhase({ name: "processing", progress: 0, status: "queued" });
      const done = await poll(id, controller.signal, (s) => {
        setPhase({ name: "processing", progress: s.progress, status: s.status });
      });
      setPhase({ name: "done", conversationId: done });
      location.assign(conversationHref(done));
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err instanceof AlreadyImported) {
        return setPhase({ name: "duplicate", href: err.href, title: err.title });
      }
      setPhase({
        name: "failed",
        message: err instanceof Error ? err.message : String(err),
        importId: err instanceof ImportFailed ? err.importId : undefined,
      });
    }
  }

  const busy = phase.name === "uploading" || phase.name === "processing" || phase.name === "done";
  return (
    <form
      method="post"
      action="/imports"
      enctype="multipart/form-data"
      class="stack"
      onSubmit={submit}
      data-phase={phase.name}
    >
      {/* Before the file: a multipart field after the file part is not read (no-JS post). */}
      <label>
        Phone's time zone{" "}
        <select
          name="timeZone"
          value={zone}
          disabled={busy}
          onChange={(e) => setZone((e.currentTarget as HTMLSelectElement).value)}
        >
          {(zones.includes(zone) ? zones : [zone, ...zones]).map((z) => (
            <option key={z} value={z} selected={z === zone}>{z}</option>
          ))}
        </select>
      </label>
      <label>
        Exported chat (.zip or .txt){" "}
        <input
          type="file"
          name="file"
          accept=".txt,.zip,text/plain,application/zip"
          required
          disabled={busy}
          onChange={() => phase.name === "failed" && setPhase({ name: "idle" })}
        />
      </label>
      <button type="submit" disabled={busy}>Upload</button>
      <div class="upload-status">
        <Status phase={phase} />
        <p class="sr-only" role="status">{spoken(phase)}</p>
      </div>
    </form>
  );
}

/**
 * What screen readers are told, in quarters: the bars' labels change with every progress
 * event, and a live region that did so would queue dozens of announcements. Failures and
 * repeats speak through their own alerts.
 */
function spoken(phase: Phase): string {
  const quarter = (fraction: number) => `${Math.floor(Math.min(fraction, 1) * 4) * 25}%`;
  switch (phase.name) {
    case "uploading":
      return `Uploading… ${quarter(phase.total ? phase.loaded / phase.total : 0)}`;
    case "processing":
      return phase.status === "queued"
        ? `Uploaded. ${IMPORT_STATUS_WORDS.queued}`
        : `${IMPORT_STATUS_WORDS.processing} ${quarter(phase.progress)}`;
    case "done":
      return IMPORT_STATUS_WORDS.done;
    default:
      return "";
  }
}

function Status({ phase }: { phase: Phase }) {
  switch (phase.name) {
    case "idle":
      return null;
    case "uploading": {
      const pct = phase.total ? Math.floor((phase.loaded / phase.total) * 100) : 0;
      return (
        <label>
          Uploading… {pct}% ({size(phase.loaded)} of {size(phase.total)})
          <progress class="upload-progress" max={phase.total || 1} value={phase.loaded} />
        </label>
      );
    }
    case "processing":
      return (
        <label>
          {phase.status === "queued"
            ? `Uploaded. ${IMPORT_STATUS_WORDS.queued}`
            : IMPORT_STATUS_WORDS.processing} {percent(phase.progress)}
          <progress class="import-progress" max={1} value={phase.progress} />
        </label>
      );
    case "done":
      return (
        <p>
          {IMPORT_STATUS_WORDS.done}{" "}
          <a href={conversationHref(phase.conversationId)}>{OPEN_CONVERSATION}</a>
        </p>
      );
    case "failed":
      // A failed import stays in the library's Imports list (shown on the next visit): its page
      // is linked here, where the upload can be deleted.
      return (
        <p class="error" role="alert">
          {IMPORT_FAILED}: {phase.message}
          {phase.importId && (
            <>
              {" "}
              <a href={`/imports/${phase.importId}`}>Details, or delete this upload</a>
            </>
          )}
        </p>
      );
    case "duplicate":
      return (
        <p role="alert">
          This file is already in your library (the same file, byte for byte): nothing was added.
          {" "}
          <a href={phase.href}>
            Open {phase.title ? <span dir="auto">{phase.title}</span> : "it"}
          </a>
        </p>
      );
  }
}

/** Uploads the file as the request body; resolves with the new import's id. */
function send(
  file: File,
  timeZone: string,
  signal: AbortSignal,
  onProgress: (loaded: number, total: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ filename: file.name, timeZone });
    xhr.open("POST", `/api/imports?${query}`);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = async () => {
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        statusText: xhr.statusText,
      });
      if (xhr.status === 409) {
        let e;
        try {
          e = JSON.parse(xhr.responseText)?.error;
        } catch { /* not JSON: the generic message below */ }
        if (e?.code === "duplicate_upload") {
          return reject(new AlreadyImported(e.conversationUrl ?? e.importUrl, e.title ?? null));
        }
      }
      if (xhr.status !== 202) return reject(new Error(await errorMessage(res)));
      onProgress(file.size, file.size);
      resolve((await res.json()).id);
    };
    xhr.onerror = () => reject(new Error("the upload was interrupted (network error)"));
    signal.addEventListener("abort", () => xhr.abort());
    xhr.send(file);
  });
}

/** Follows the import to its end; resolves with the conversation id, rejects with its error. */
async function poll(
  id: string,
  signal: AbortSignal,
  onStatus: (s: ImportProgress) => void,
): Promise<string> {
  const end = await pollImport(id, { signal, onStatus });
  if (end.status === "done" && end.conversationId) return end.conversationId;
  if (end.duplicateOf) throw new AlreadyImported(`/imports/${end.duplicateOf}`, null);
  throw new ImportFailed(end.error ?? "the file could not be read as a chat", id);
}

function size(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}
