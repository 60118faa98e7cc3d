// Test fixtures: two overlapping Android exports of one chat with Bob, imported through the
// worker's import job. The text-only one covers 14 January; the with-media one (a .zip)
// starts a day earlier, has the photo the other calls <Media omitted>, one message the
// other lacks (10:03), and runs to 20 January.
import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";
import { createImport } from "../db/imports.ts";
import { silentLogger } from "../log.ts";
import type { TestApp } from "../../tests/helpers/app.ts";
import { PHOTO } from "../../tests/helpers/chat_zip.ts";
import { importChat } from "../../worker/import_chat.ts";

export const PHOTO_FILE = "IMG-20240114-WA0001.jpg";

export const TEXT_ONLY = [
  "14/01/2024, 10:00 - Ann: ok",
  "14/01/2024, 10:00 - Ann: ok",
  "14/01/2024, 10:01 - Bob: <Media omitted>",
  "14/01/2024, 10:02 - Ann: nice photo",
  "14/01/2024, 10:04 - Ann: after middle",
].join("\n") + "\n";

export const WITH_MEDIA = [
  "13/01/2024, 09:00 - Ann: first",
  "13/01/2024, 09:01 - Bob: second",
  "14/01/2024, 10:00 - Ann: ok",
  "14/01/2024, 10:00 - Ann: ok",
  `14/01/2024, 10:01 - Bob: ${PHOTO_FILE} (file attached)`,
  "14/01/2024, 10:02 - Ann: nice photo",
  "14/01/2024, 10:03 - Bob: middle",
  "14/01/2024, 10:04 - Ann: after middle",
  "20/01/2024, 08:00 - Ann: later",
].join("\n") + "\n";

/** The with-media export as WhatsApp zips it. */
export async function androidZip(chat: string): Promise<Uint8Array> {
  const zip = new ZipWriter(new BlobWriter("application/zip"));
  await zip.add("WhatsApp Chat with Bob.txt", new TextReader(chat));
  await zip.add(PHOTO_FILE, new Uint8ArrayReader(PHOTO));
  return new Uint8Array(await (await zip.close()).arrayBuffer());
}

/** Uploads `bytes` as an import of the user and runs the import job; returns its id. */
export async function importExport(
  t: TestApp,
  userId: string,
  filename: string,
  bytes: Uint8Array | string,
): Promise<string> {
  const id = crypto.randomUUID();
  const body = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  await t.blobs.put(`imports/${id}/original`, body);
  await createImport(t.db.sql, {
    id,
    userId,
    filename,
    size: body.byteLength,
    sha256: "0".repeat(64),
    blobKey: `imports/${id}/original`,
  });
  const out = await importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, id);
  if (out.status !== "done") throw new Error(`import not done: ${JSON.stringify(out)}`);
  return id;
}

/** Imports both exports for the user: `{ textOnly, withMedia }` conversation ids. */
export async function importBoth(t: TestApp, userId: string) {
  const textOnly = await importExport(t, userId, "WhatsApp Chat with Bob.txt", TEXT_ONLY);
  const withMedia = await importExport(
    t,
    userId,
    "WhatsApp Chat with Bob.zip",
    await androidZip(WITH_MEDIA),
  );
  return { textOnly, withMedia };
}

/** `POST /api/conversations/:into/merge` with `{ from }`, as the user whose `headers` these are. */
export function postMerge(
  t: TestApp,
  headers: Record<string, string>,
  into: string,
  from: string,
): Promise<Response> {
  return Promise.resolve(t.app.request(`/api/conversations/${into}/merge`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ from }),
  }));
}

/** The no-JS form: `POST /c/:from/merge` with `into`. */
export function postMergeForm(
  t: TestApp,
  headers: Record<string, string>,
  from: string,
  into: string,
): Promise<Response> {
  return Promise.resolve(t.app.request(`/c/${from}/merge`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ into }),
  }));
}
