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
import { type ApiOperation, errorSchema } from "./openapi_types.ts";

/** Request schemas, also the OpenAPI document's ({@link uploadOperations}). */
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
/** What `POST /` answers (and `GET /:importId`, with the file's name and size). */
const presignedParts = z.array(z.object({ partNumber: z.number().int(), url: z.url() }).loose());
const uploadStartSchema = z.object({
  uploadId: z.string(),
  importId: z.uuid(),
  partSize: z.number().int(),
  parts: presignedParts.describe("PUT each part to its URL"),
}).loose();

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

/** The OpenAPI entries of {@link uploadsApi}. */
export const uploadOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/uploads",
    tag: "Imports",
    summary: "Start a direct upload to S3 (presigned part URLs)",
    description: "Without S3 (the embedded mode) the answer is 409 `direct_upload_unavailable`: " +
      "send the file to POST /api/imports instead.",
    body: uploadStartBody,
    responses: {
      201: { description: "Started: PUT the parts, then complete", schema: uploadStartSchema },
      409: { description: "No S3: use POST /api/imports", schema: errorSchema },
      413: { description: "Larger than MAX_UPLOAD_BYTES", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/uploads/:importId",
    tag: "Imports",
    summary: "A direct upload in progress: parts received, fresh URLs for the rest",
    params: uploadIdParam,
    responses: {
      200: {
        description: "The upload",
        schema: uploadStartSchema.extend({ filename: z.string(), size: z.number().int() }),
      },
    },
  },
  {
    method: "post",
    path: "/api/uploads/:importId/complete",
    tag: "Imports",
    summary: "Complete a direct upload: the import is queued",
    params: uploadIdParam,
    body: uploadCompleteBody,
    responses: { 202: { description: "Queued", schema: z.object({ id: z.uuid() }) } },
  },
  {
    method: "delete",
    path: "/api/uploads/:importId",
    tag: "Imports",
    summary: "Abort a direct upload",
    params: uploadIdParam,
    responses: { 204: { description: "Aborted" } },
  },
];
