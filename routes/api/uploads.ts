import { Hono } from "hono";
import { z } from "zod";
import {
  abortDirectUpload,
  completeDirectUpload,
  type DirectUploadDeps,
  directUploadStatus,
  multipartOf,
  startDirectUpload,
} from "../../lib/direct_upload.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { s3ErrorCode } from "../../lib/storage/s3.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { errorBody } from "../_middleware/errors.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { timeZoneSchema } from "../../lib/time/schema.ts";

/** Request schemas, also the OpenAPI document's (routes/api/openapi.ts). */
export const uploadStartBody = z.object({
  filename: z.string().min(1, "a file name is required").max(1024),
  size: z.number().int("must be a whole number of bytes").positive("must be at least 1 byte")
    .describe("The file's size in bytes"),
  timeZone: timeZoneSchema.optional(),
});
export const uploadIdParam = z.object({ importId: z.uuid("must be an upload's import id") });
export const uploadCompleteBody = z.object({
  parts: z.array(z.object({
    partNumber: z.number().int().min(1).max(10_000),
    etag: z.string().min(1).max(200).describe("The ETag S3 answered to the part's PUT"),
  })).min(1, "at least one part is required").max(10_000),
});
const startBody = uploadStartBody, idParam = uploadIdParam, completeBody = uploadCompleteBody;

/** True for an S3-compatible store that lacks the operation (s3rver: ListParts, Abort). */
function unsupported(err: unknown): boolean {
  const { code, status } = s3ErrorCode(err);
  return code === "NotImplemented" || code === "MethodNotAllowed" || status === 405 ||
    status === 501;
}

/**
 * `/api/uploads`: direct multipart uploads to S3 with presigned part URLs (lib/direct_upload.ts).
 * Without S3 (embedded mode) `POST /` answers 409 `direct_upload_unavailable`: clients then
 * stream the file through `POST /api/imports`.
 */
export function uploadsApi(deps: AppDeps) {
  const multipart = multipartOf(deps.blobs);
  const direct = (): DirectUploadDeps => {
    if (!multipart) {
      throw new AppError(
        409,
        "direct_upload_unavailable",
        "direct uploads need S3: send the file to POST /api/imports instead",
      );
    }
    return { ...deps, multipart, maxBytes: deps.config.maxUploadBytes };
  };
  return new Hono<AppEnv>()
    .post("/", validate("json", startBody), async (c) => {
      const { filename, size, timeZone } = c.req.valid("json");
      const started = await startDirectUpload(direct(), {
        userId: userIdOf(c),
        filename,
        size,
        timeZone,
      });
      c.var.logger.info("direct upload started", {
        importId: started.importId,
        size,
        parts: started.parts.length,
      });
      return c.json(started, 201);
    })
    .get("/:importId", validate("param", idParam), async (c) => {
      try {
        const status = await directUploadStatus(
          direct(),
          userIdOf(c),
          c.req.valid("param").importId,
        );
        if (!status) throw notFound("upload");
        return c.json(status);
      } catch (err) {
        if (!unsupported(err)) throw err;
        const message = "this S3 store cannot list the parts of an upload (ListParts)";
        return c.json(errorBody("not_supported_by_storage", message), 501);
      }
    })
    .post(
      "/:importId/complete",
      validate("param", idParam),
      validate("json", completeBody),
      async (c) => {
        const id = await completeDirectUpload(direct(), {
          userId: userIdOf(c),
          importId: c.req.valid("param").importId,
          parts: c.req.valid("json").parts,
          requestId: c.var.requestId,
        });
        c.var.logger.info("import queued", { importId: id, direct: true });
        return c.json({ id }, 202, { Location: `/api/imports/${id}` });
      },
    )
    .delete("/:importId", validate("param", idParam), async (c) => {
      const aborted = await abortDirectUpload(
        direct(),
        userIdOf(c),
        c.req.valid("param").importId,
        (err) => c.var.logger.warn("abort multipart upload failed", { error: err }),
      );
      if (!aborted) throw notFound("upload");
      return c.body(null, 204);
    });
}
