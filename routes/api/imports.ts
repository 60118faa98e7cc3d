import { Hono } from "hono";
import { z } from "zod";
import { getImport, type ImportRow, listImports } from "../../lib/db/imports.ts";
import { notFound } from "../../lib/errors.ts";
import { receiveUpload } from "../../lib/upload.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { readUpload } from "../_middleware/upload_body.ts";

const idParam = z.object({ id: z.uuid("must be an import id") });

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
    });
}
