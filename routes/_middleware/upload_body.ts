// @deno-types="@types/busboy"
import busboy from "busboy";
import type { Context } from "hono";
import { Readable } from "node:stream";
import { AppError } from "../../lib/errors.ts";
import { timeZoneField } from "../../lib/time/schema.ts";

/** An upload as a stream, whichever way it was sent. */
export interface UploadBody {
  filename: string;
  body: ReadableStream<Uint8Array>;
  declaredSize?: number;
  /** Text fields sent before the file part (multipart), else the query's. */
  fields: Record<string, string>;
  /** The fields the upload understands, validated ({@link uploadOptions}). */
  options: UploadOptions;
}

/** What an upload may say besides the file. */
export interface UploadOptions {
  /** The exporting phone's IANA zone, canonical (lib/time); absent: the default (UTC). */
  timeZone?: string;
}

/** Validates the upload's fields; throws a 400 naming the field (`timeZone: …`). */
export function uploadOptions(fields: Record<string, string>): UploadOptions {
  return { timeZone: timeZoneField(fields.timeZone) };
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
    const fields = c.req.query();
    return Promise.resolve({
      filename: cleanFilename(c.req.query("filename")),
      body: raw,
      declaredSize: declared,
      fields,
      options: uploadOptions(fields),
    });
  }
  if (declared !== undefined && declared > maxBytes + MULTIPART_SLACK) throw tooLarge(maxBytes);
  return new Promise((resolve, reject) => {
    let found = false;
    // Fields after the file part are not seen: the file is handed over as it starts.
    const fields: Record<string, string> = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": type },
        defParamCharset: "utf8",
        limits: { files: 1, fields: 20, fieldSize: 1024 },
      });
    } catch {
      throw new AppError(400, "invalid_request", "file: malformed multipart body");
    }
    parser.on("field", (name, value) => {
      if (!found) fields[name] = value;
    });
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || found) return stream.resume();
      found = true;
      try {
        // Checked before the file is handed over: a refused upload is drained, not streamed.
        const options = uploadOptions(fields);
        resolve({
          filename: cleanFilename(info.filename),
          body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
          fields,
          options,
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
