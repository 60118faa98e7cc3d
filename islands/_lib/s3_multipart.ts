/// <reference lib="dom" />
/**
 * Browser side of direct uploads (`/api/uploads`, lib/direct_upload.ts): the file goes straight
 * to S3 as a multipart upload — parts PUT in parallel to presigned URLs, each retried with
 * backoff, progress reported as bytes arrive — and the app is told when it is complete.
 *
 * Resumable: the upload's import id is remembered (localStorage, by file name, size and date)
 * until it completes; uploading the same file again asks `GET /api/uploads/:id` which parts S3
 * already has and sends only the others. Expired part URLs are refreshed the same way.
 *
 * Without S3 (the embedded mode) {@link uploadDirect} throws {@link DirectUploadUnavailable}:
 * the caller then streams the file through `POST /api/imports` as before.
 *
 * The bucket's CORS configuration must allow PUT from the app's origin and expose `ETag`.
 *
 * @example
 * ```ts
 * try {
 *   const id = await uploadDirect(file, { onProgress: (loaded, total) => bar.value = loaded / total });
 * } catch (err) {
 *   if (err instanceof DirectUploadUnavailable) await postToImports(file);
 *   else throw err;
 * }
 * ```
 *
 * @module
 */

/**
 * No direct upload here: the app has no S3, or the browser cannot reach the bucket at all (a
 * Content-Security-Policy or CORS configuration that does not allow it). Send the file to
 * `POST /api/imports` instead.
 */
export class DirectUploadUnavailable extends Error {
  constructor(message = "direct uploads are not available here") {
    super(message);
    this.name = "DirectUploadUnavailable";
  }
}

/** A part PUT that failed; `status` 0 for a network error. */
export class PartError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "PartError";
  }
}

/** Sends one part's bytes to its presigned URL and resolves with the ETag S3 answered. */
export type SendPart = (
  url: string,
  body: Blob,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
) => Promise<string>;

/** Where uploads in progress are remembered (localStorage's shape). */
export type ResumeStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Options of {@link uploadDirect}. */
export interface DirectUploadOptions {
  /** Parts sent at once (default 4). */
  concurrency?: number;
  /** Tries per part before giving up (default 5); waits 0.5 s, 1 s, 2 s… (at most 8 s) between. */
  attempts?: number;
  /** Called as bytes are sent, with the bytes S3 has (or is receiving) and the file's size. */
  onProgress?: (loaded: number, total: number) => void;
  /** Stops the upload (it stays resumable). */
  signal?: AbortSignal;
  /** Remembers uploads for resuming (default `localStorage`; null: never resume). */
  store?: ResumeStore | null;
  /** Sends a part (default {@link xhrSendPart}: XMLHttpRequest, which reports upload progress). */
  sendPart?: SendPart;
  /** Calls the app's API (default `fetch`); tests pass `app.request`. */
  api?: (path: string, init?: RequestInit) => Promise<Response>;
  /** Extra headers for API calls (e.g. a bearer token outside the browser). */
  headers?: Record<string, string>;
  /** The exporting phone's IANA zone, recorded with the import (default: the server's, UTC). */
  timeZone?: string;
}

interface PartUrl {
  partNumber: number;
  url: string;
}
interface Plan {
  importId: string;
  partSize: number;
  /** Parts to send, with their URLs. */
  parts: PartUrl[];
  /** Parts S3 already has. */
  uploaded: { partNumber: number; etag: string; size: number }[];
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", stop, { once: true });
  });

/** The default {@link SendPart}: a PUT with XMLHttpRequest, for its upload progress events. */
export const xhrSendPart: SendPart = (url, body, onProgress, signal) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        return reject(new PartError(xhr.status, `S3 answered ${xhr.status} to a part`));
      }
      const etag = xhr.getResponseHeader("ETag");
      if (!etag) {
        return reject(
          new PartError(xhr.status, "no ETag in S3's answer: the bucket's CORS must expose it"),
        );
      }
      resolve(etag);
    };
    xhr.onerror = () => reject(new PartError(0, "network error while sending a part"));
    xhr.onabort = () => reject(signal.reason ?? new DOMException("aborted", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });

/** A {@link SendPart} with `fetch` (no progress until the part is sent): for non-browser use. */
export const fetchSendPart: SendPart = async (url, body, onProgress, signal) => {
  let res: Response;
  try {
    res = await fetch(url, { method: "PUT", body, signal });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new PartError(0, `network error while sending a part: ${(err as Error).message}`);
  }
  await res.body?.cancel();
  const etag = res.headers.get("ETag");
  if (!res.ok || !etag) throw new PartError(res.status, `S3 answered ${res.status} to a part`);
  onProgress(body.size);
  return etag;
};

async function errorOf(res: Response): Promise<Error> {
  const body = await res.json().catch(() => null) as { error?: { message?: string } } | null;
  return new Error(body?.error?.message ?? `the server answered ${res.status}`);
}

/**
 * Uploads `file` directly to S3 and resolves with the new import's id once the app has
 * recorded it (its processing is then followed at `GET /api/imports/:id`). Throws
 * {@link DirectUploadUnavailable} when the app has no S3.
 */
export async function uploadDirect(
  file: File,
  options: DirectUploadOptions = {},
): Promise<string> {
  const signal = options.signal ?? new AbortController().signal;
  const store = options.store === undefined ? globalThis.localStorage ?? null : options.store;
  const sendPart = options.sendPart ?? xhrSendPart;
  const attempts = Math.max(1, options.attempts ?? 5);
  const headers = { ...options.headers, "content-type": "application/json" };
  const api = options.api ?? ((path: string, init?: RequestInit) => fetch(path, init));
  const call = (path: string, init: RequestInit = {}) =>
    api(path, { ...init, headers: { ...headers, ...init.headers }, signal });
  const memo = `wcr-upload:${file.name}:${file.size}:${file.lastModified}`;

  /** The upload to resume, or null (none remembered, gone, or the store cannot list parts). */
  async function resume(importId: string): Promise<Plan | null> {
    const res = await call(`/api/uploads/${importId}`);
    if (res.ok) return { importId, ...(await res.json()) };
    await res.body?.cancel();
    return null;
  }

  async function start(): Promise<Plan> {
    const res = await call("/api/uploads", {
      method: "POST",
      body: JSON.stringify({ filename: file.name, size: file.size, timeZone: options.timeZone }),
    });
    if (res.status === 409) {
      const body = await res.json().catch(() => null);
      if (body?.error?.code === "direct_upload_unavailable") throw new DirectUploadUnavailable();
      throw new Error(body?.error?.message ?? "the server refused the upload");
    }
    if (!res.ok) throw await errorOf(res);
    const plan = await res.json() as Plan;
    store?.setItem(memo, JSON.stringify({ importId: plan.importId }));
    return { ...plan, uploaded: [] };
  }

  const remembered = JSON.parse(store?.getItem(memo) ?? "null") as { importId?: string } | null;
  let plan = remembered?.importId ? await resume(remembered.importId) : null;
  if (!plan) {
    store?.removeItem(memo);
    plan = await start();
  }
  const { importId, partSize } = plan;
  const urls = new Map(plan.parts.map((p) => [p.partNumber, p.url]));
  const etags = new Map(plan.uploaded.map((p) => [p.partNumber, p.etag]));
  const done = plan.uploaded.reduce((sum, p) => sum + p.size, 0);
  const inFlight = new Map<number, number>();
  let sent = done;
  let reachedS3 = plan.uploaded.length > 0;
  const report = () => {
    let loaded = sent;
    for (const n of inFlight.values()) loaded += n;
    options.onProgress?.(Math.min(loaded, file.size), file.size);
  };
  report();

  /** Fresh URLs for parts still to send (they expire), when the store can list parts. */
  async function refreshUrls(): Promise<void> {
    const fresh = await resume(importId);
    for (const p of fresh?.parts ?? []) urls.set(p.partNumber, p.url);
  }

  async function send(partNumber: number): Promise<void> {
    const body = file.slice((partNumber - 1) * partSize, partNumber * partSize);
    for (let attempt = 1;; attempt++) {
      try {
        const etag = await sendPart(urls.get(partNumber)!, body, (loaded) => {
          inFlight.set(partNumber, loaded);
          report();
        }, signal);
        inFlight.delete(partNumber);
        sent += body.size;
        reachedS3 = true;
        etags.set(partNumber, etag);
        report();
        return;
      } catch (err) {
        inFlight.delete(partNumber);
        report();
        const status = err instanceof PartError ? err.status : -1;
        const retriable = status === 0 || status === 403 || status === 408 || status === 429 ||
          status >= 500;
        if (signal.aborted || !retriable || attempt >= attempts) throw err;
        if (status === 0 && !reachedS3 && attempt >= 2) {
          // Never reached the bucket: most likely blocked (CSP connect-src, CORS), not a blip.
          throw new DirectUploadUnavailable("the browser cannot reach the upload bucket");
        }
        await sleep(Math.min(8000, 500 * 2 ** (attempt - 1)), signal);
        if (status === 403) await refreshUrls(); // an expired URL
      }
    }
  }

  const queue = [...urls.keys()].filter((n) => !etags.has(n)).sort((a, b) => a - b);
  let failure: unknown = null;
  const lane = async () => {
    while (queue.length > 0 && failure === null) {
      try {
        await send(queue.shift()!);
      } catch (err) {
        failure ??= err;
      }
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 4, queue.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure instanceof DirectUploadUnavailable) {
    store?.removeItem(memo);
    const res = await call(`/api/uploads/${importId}`, { method: "DELETE" }).catch(() => null);
    await res?.body?.cancel();
  }
  if (failure !== null) throw failure;

  const parts = [...etags].sort((a, b) => a[0] - b[0]).map(([partNumber, etag]) => ({
    partNumber,
    etag,
  }));
  const res = await call(`/api/uploads/${importId}/complete`, {
    method: "POST",
    body: JSON.stringify({ parts }),
  });
  if (!res.ok) throw await errorOf(res);
  const { id } = await res.json() as { id: string };
  store?.removeItem(memo);
  return id;
}

/** Gives up a direct upload for good (S3 drops its parts); a later upload starts afresh. */
export async function cancelDirect(
  file: File,
  options: Pick<DirectUploadOptions, "store" | "api" | "headers"> = {},
) {
  const store = options.store === undefined ? globalThis.localStorage ?? null : options.store;
  const memo = `wcr-upload:${file.name}:${file.size}:${file.lastModified}`;
  const remembered = JSON.parse(store?.getItem(memo) ?? "null") as { importId?: string } | null;
  store?.removeItem(memo);
  if (!remembered?.importId) return;
  const api = options.api ?? ((path: string, init?: RequestInit) => fetch(path, init));
  const res = await api(`/api/uploads/${remembered.importId}`, {
    method: "DELETE",
    headers: options.headers,
  });
  await res.body?.cancel();
}
