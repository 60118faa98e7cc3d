// @deno-types="@types/busboy"
import busboy from "busboy";
import type { Context } from "hono";
import { Readable } from "node:stream";
import { AppError } from "../../lib/errors.ts";

/** An upload as a stream, whichever way it was sent. */
export interface UploadBody {
  filename: string;
  body: ReadableStream<Uint8Array>;
  declaredSize?: number;
}

const MULTIPART_SLACK = 64 * 1024;

function cleanFilename(raw: string | undefined | null): string {
  // deno-lint-ignore no-control-regex
  const name = (raw ?? "").split(/[\\/]/).pop()!.replace(/[\u0000-\u001f]/g, "").trim();
  if (!name) throw new AppError(400, "invalid_request", "filename: a file name is required");
  return name.slice(0, 255);
}

/**
 * Reads an upload without buffering it: `multipart/form-data` with a `file` field (streamed
 * by busboy), or any other body as the file itself with `?filename=`. A declared size over
 * `maxBytes` is refused with 413 before anything is read.
 */
export function readUpload(c: Context, maxBytes: number): Promise<UploadBody> {
  const length = Number(c.req.header("content-length") ?? NaN);
  const declared = Number.isFinite(length) ? length : undefined;
  const type = c.req.header("content-type") ?? "";
  const raw = c.req.raw.body;
  if (!raw) throw new AppError(400, "invalid_request", "file: the request has no body");
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    if (declared !== undefined && declared > maxBytes) throw tooLarge(maxBytes);
    return Promise.resolve({
      filename: cleanFilename(c.req.query("filename")),
      body: raw,
      declaredSize: declared,
    });
  }
  if (declared !== undefined && declared > maxBytes + MULTIPART_SLACK) throw tooLarge(maxBytes);
  return new Promise((resolve, reject) => {
    let found = false;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": type },
        defParamCharset: "utf8",
        limits: { files: 1 },
      });
    } catch {
      throw new AppError(400, "invalid_request", "file: malformed multipart body");
    }
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || found) return stream.resume();
      found = true;
      try {
        resolve({
          filename: cleanFilename(info.filename),
          body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
        });
      } catch (err) {
        stream.resume();
        reject(err);
      }
    });
    parser.on(
      "error",
      () => reject(new AppError(400, "invalid_request", "file: malformed multipart body")),
    );
    parser.on("close", () => {
      if (!found) {
        reject(
          new AppError(400, "invalid_request", "file: a multipart field named 'file' is required"),
        );
      }
    });
    Readable.fromWeb(raw as import("node:stream/web").ReadableStream).pipe(parser);
  });
}

function tooLarge(max: number) {
  return new AppError(413, "too_large", `the upload is larger than the limit of ${max} bytes`);
}
