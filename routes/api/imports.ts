import { Hono } from "hono";
import { z } from "zod";
import { getImport, type ImportRow, listImports } from "../../lib/db/imports.ts";
import { notFound } from "../../lib/errors.ts";
import { deleteFailedImport } from "../../lib/db/delete_import.ts";
import { receiveUpload } from "../../lib/upload.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { readUpload } from "../_middleware/upload_body.ts";
import { timeZoneSchema } from "../../lib/time/schema.ts";
import { type ApiOperation, errorSchema } from "./openapi_types.ts";

const idParam = z.object({ id: z.uuid("must be an import id") });
/** The shape of {@link importJson}, for the OpenAPI document. */
const importSchema = z.object({
  id: z.uuid(),
  status: z.enum(["queued", "processing", "done", "failed"]),
  progress: z.number().min(0).max(1),
  conversationId: z.uuid().nullable(),
  error: z.string().nullable(),
  filename: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  summary: z.unknown(),
  duplicateOf: z.uuid().nullable().describe(
    "A refused repeat (status failed): the earlier import of the same file",
  ),
  createdAt: z.iso.datetime(),
});

/** The API shape of an import. */
export function importJson(row: ImportRow) {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    conversationId: row.conversationId,
    error: row.error,
    filename: row.filename,
    size: Number(row.size),
    sha256: row.sha256,
    summary: row.summary ?? null,
    duplicateOf: row.duplicateOf ?? null,
    createdAt: row.createdAt,
  };
}

/** `POST /api/imports` (multipart field `file`, or a raw body with `?filename=`), status, list. */
export function importsApi(deps: AppDeps) {
  const uploadDeps = { ...deps, maxBytes: deps.config.maxUploadBytes };
  return new Hono<AppEnv>()
    .post("/", async (c) => {
      const upload = await readUpload(c, deps.config.maxUploadBytes);
      const id = await receiveUpload(uploadDeps, {
        ...upload,
        timeZone: upload.options.timeZone,
        userId: userIdOf(c),
        requestId: c.var.requestId,
      });
      c.var.logger.info("import queued", { importId: id, filename: upload.filename });
      return c.json({ id }, 202, { Location: `/api/imports/${id}` });
    })
    .get(
      "/",
      async (c) => c.json({ imports: (await listImports(deps.db, userIdOf(c))).map(importJson) }),
    )
    .get("/:id", validate("param", idParam), async (c) => {
      const row = await getImport(deps.db, userIdOf(c), c.req.valid("param").id);
      if (!row) throw notFound("import");
      return c.json(importJson(row));
    })
    .delete("/:id", validate("param", idParam), async (c) => {
      const id = c.req.valid("param").id;
      const deleted = await deleteFailedImport(deps.db, deps.blobs, userIdOf(c), id);
      c.var.logger.info("failed import deleted", { importId: id });
      return c.json({ deleted: deleted.id, filename: deleted.filename });
    });
}

/** The OpenAPI entries of {@link importsApi}. */
export const importOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/imports",
    tag: "Imports",
    summary: "Upload a WhatsApp export (.txt or .zip)",
    description: "Multipart with a `file` field, or the file as the raw body with `?filename=`. " +
      "`timeZone` (a multipart field before the file, or the query) is the exporting phone's " +
      "IANA zone: the instants of the messages are read in it (default UTC).",
    query: z.object({
      filename: z.string().optional().describe("For a raw body: the file's name"),
      timeZone: timeZoneSchema.optional(),
    }),
    rawBody: {
      contentTypes: ["multipart/form-data", "application/zip", "text/plain"],
      description: "The export",
    },
    responses: {
      202: { description: "Stored and queued", schema: z.object({ id: z.uuid() }) },
      409: {
        description: "`duplicate_upload`: the same file (SHA-256) is already in the library; " +
          "nothing is stored. The error names it: `importId`, `importUrl`, `conversationId`, " +
          "`conversationUrl` (null while that import runs) and `title`",
        schema: errorSchema,
      },
      413: { description: "Larger than MAX_UPLOAD_BYTES", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/imports",
    tag: "Imports",
    summary: "Recent imports",
    responses: {
      200: { description: "Newest first", schema: z.object({ imports: z.array(importSchema) }) },
    },
  },
  {
    method: "get",
    path: "/api/imports/:id",
    tag: "Imports",
    summary: "One import's status",
    params: idParam,
    responses: { 200: { description: "The import", schema: importSchema } },
  },
  {
    method: "delete",
    path: "/api/imports/:id",
    tag: "Imports",
    summary: "Delete a failed import and its stored upload",
    description: "Only a failed import that made no conversation; a conversation's imports go " +
      "with the conversation (DELETE /api/conversations/:id).",
    params: idParam,
    responses: {
      200: {
        description: "Deleted, with its upload",
        schema: z.object({ deleted: z.uuid(), filename: z.string() }),
      },
      404: { description: "No such import of yours", schema: errorSchema },
      409: {
        description: "`import_running` (queued or processing) or `import_has_conversation`",
        schema: errorSchema,
      },
    },
  },
];
