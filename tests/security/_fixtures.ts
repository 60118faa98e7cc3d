// Shared set-up of the security tests: a signed-up user with an imported conversation.
import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";
import { silentLogger } from "../../lib/log.ts";
import { importChat } from "../../worker/import_chat.ts";
import { signUp, type TestApp } from "../helpers/app.ts";
import { PHOTO, PHOTO_NAME } from "../helpers/chat_zip.ts";

export { PHOTO, PHOTO_NAME };

/** A zip of `_chat.txt` (the given lines, iOS format) and the given files. */
export async function chatZip(lines: string[], files: Record<string, Uint8Array | string> = {}) {
  const zip = new ZipWriter(new BlobWriter("application/zip"));
  await zip.add("_chat.txt", new TextReader(lines.join("\r\n") + "\r\n"));
  for (const [name, body] of Object.entries(files)) {
    await zip.add(
      name,
      typeof body === "string" ? new TextReader(body) : new Uint8ArrayReader(body),
    );
  }
  return new Uint8Array(await (await zip.close()).arrayBuffer()) as Uint8Array<ArrayBuffer>;
}

/** iOS lines: message i (1-based) at 10:00 + i minutes, Ann and Bob alternating. */
export function chatLines(count: number, attachments: Record<number, string> = {}) {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    const h = String(10 + Math.floor(i / 60)).padStart(2, "0"), m = String(i % 60).padStart(2, "0");
    const who = i % 2 ? "Ann" : "Bob";
    lines.push(
      attachments[i]
        ? `[02/01/2024, ${h}:${m}:00] ${who}: \u200e<attached: ${attachments[i]}>`
        : `[02/01/2024, ${h}:${m}:00] ${who}: message number ${i}`,
    );
  }
  return lines;
}

/** Uploads `bytes` as the user and runs the import job in this process; returns the import id. */
export async function upload(
  t: TestApp,
  headers: Record<string, string>,
  bytes: Uint8Array<ArrayBuffer>,
  filename: string,
): Promise<string> {
  const res = await t.app.request(`/api/imports?filename=${encodeURIComponent(filename)}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/octet-stream" },
    body: bytes,
  });
  if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

/** Runs the import job for `id` like the worker does (errors propagate). */
export function runImport(t: TestApp, id: string) {
  return importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, id);
}

/**
 * A new user owning one imported conversation of `count` messages: message 2 has the photo,
 * message 4 an `x.html` attachment (a hostile upload), message `count - 1` a second photo.
 */
export async function userWithChat(t: TestApp, count = 12) {
  const user = await signUp(t.app);
  const zip = await chatZip(
    chatLines(count, { 2: PHOTO_NAME, 4: "x.html", [count - 1]: "late.jpg" }),
    {
      [PHOTO_NAME]: PHOTO,
      "x.html": "<script>alert(document.cookie)</script>",
      "late.jpg": PHOTO,
    },
  );
  const conversationId = await upload(t, user.headers, zip, "WhatsApp Chat - Bob.zip");
  await runImport(t, conversationId);
  return { ...user, conversationId };
}
