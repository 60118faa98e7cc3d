import { type Context, Hono } from "hono";
import { z } from "zod";
import { getImport } from "../../lib/db/imports.ts";
import type { DateOrder } from "../../lib/parse/types.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { reparseBlocker, requestReparse } from "../../lib/reparse/db.ts";
import { previewImport } from "../../lib/reparse/preview_import.ts";
import { loadImportReport } from "../../lib/reparse/report.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { timeZoneSchema } from "../../lib/time/schema.ts";
import { validate } from "../_middleware/validate.ts";
import { type ApiOperation, errorSchema, heavyLimited } from "./openapi_types.ts";

export const reportIdParam = z.object({ id: z.uuid("must be an import id") });
const dateOrder = z.enum(["DMY", "MDY", "YMD"], "must be DMY, MDY or YMD");
export const previewQuery = z.object({ dateOrder });
export const reparseBody = z.object({
  dateOrder: dateOrder.nullable().optional().describe(
    "The order to read dates with; null: detect it; absent: as it is",
  ),
  timeZone: timeZoneSchema.optional().describe(
    "The exporting phone's time zone, which the wall clocks are read in (absent: as it is)",
  ),
}).refine((b) => b.dateOrder !== undefined || b.timeZone !== undefined, {
  message: "give dateOrder or timeZone",
  path: ["dateOrder"],
});

const orderSchema = z.enum(["DMY", "MDY", "YMD"]);
export const reportSchema = z.object({
  id: z.uuid(),
  status: z.enum(["queued", "processing", "done", "failed"]),
  conversationId: z.uuid().nullable(),
  file: z.object({
    name: z.string(),
    size: z.number().int(),
    sha256: z.string().describe("SHA-256 of the original upload, hex"),
    uploadedAt: z.iso.datetime(),
  }),
  parserVersion: z.number().int().describe("The parser version that read this import"),
  currentParserVersion: z.number().int(),
  parse: z.object({
    platform: z.enum(["Android", "iOS"]),
    layout: z.enum(["android", "ios", "ios-old"]),
    language: z.string().nullable(),
    dateOrder: orderSchema,
    dateOrderCertainty: z.enum(["certain", "inferred", "guessed"])
      .describe("certain: a date proved it (or the user chose); inferred: from chronology"),
    dateOrderSource: z.enum(["chosen", "detected"]),
    clock: z.enum(["12h", "24h"]),
    messages: z.number().int(),
    participants: z.array(z.string()),
    unplacedLines: z.number().int(),
    unplacedSamples: z.array(z.object({ line: z.number().int(), text: z.string() }))
      .describe("Up to 20 lines, 1-based line numbers"),
  }).nullable().describe("null until the import has been read"),
  switchTo: z.array(orderSchema).describe("Date orders offered as a one-click switch"),
  reparseBlocked: z.string().nullable().describe("Why it cannot be re-parsed (fused…)"),
  media: z.object({
    files: z.number().int().describe("Media files of the conversation (in the export's zip)"),
    referenced: z.number().int().describe("Messages naming a file"),
    missing: z.number().int().describe("Messages naming a file the zip does not hold"),
    missingSamples: z.array(z.object({ ref: z.number().int(), name: z.string() }))
      .describe("The first 20 of them: the message's ref and the file's name"),
    omitted: z.number().int().describe("Placeholders of media left out (`<Media omitted>`…)"),
  }).nullable().describe("null until the import is done"),
});
export const previewSchema = z.object({
  currentOrder: orderSchema,
  proposedOrder: orderSchema,
  messagesBefore: z.number().int(),
  messagesAfter: z.number().int(),
  changed: z.number().int().describe("Messages whose date changes"),
  samples: z.array(z.object({
    message: z.number().int(),
    author: z.string().nullable(),
    text: z.string(),
    before: z.string(),
    after: z.string(),
  })).describe("The first 20 changes"),
  inversionsBefore: z.number().int().describe("Messages dated before the one above them"),
  inversionsAfter: z.number().int(),
  unplacedBefore: z.number().int(),
  unplacedAfter: z.number().int(),
  error: z.string().nullable().describe("Why the proposed order reads no message at all"),
});

/** An import of the user that may be re-parsed now; 404 / 409 (naming why) otherwise. */
export async function reparsableImport(deps: AppDeps, userId: string, id: string) {
  const imp = await getImport(deps.db, userId, id);
  if (!imp) throw notFound("import");
  const blocked = await reparseBlocker(deps.db, imp);
  if (blocked) throw new AppError(409, "fused", `cannot re-parse: ${blocked}`);
  return imp;
}

/**
 * Queues a re-parse of the user's import `id` with `dateOrder` (null: detect it again) and/or
 * the phone's `timeZone` (absent: as it is), for the API and the forms alike.
 */
export async function queueReparse(
  deps: AppDeps,
  c: Context<AppEnv>,
  id: string,
  change: { dateOrder?: DateOrder | null; timeZone?: string },
) {
  const imp = await reparsableImport(deps, userIdOf(c), id);
  await requestReparse(deps.db, deps.queue, imp, { ...change, requestId: c.var.requestId });
  c.var.logger.info("re-parse queued", { importId: imp.id });
  return imp;
}

/** The import report, the preview of another date order, and the re-parse request. */
export function reportApi(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/:id/report", validate("param", reportIdParam), async (c) => {
      const imp = await getImport(deps.db, userIdOf(c), c.req.valid("param").id);
      if (!imp) throw notFound("import");
      return c.json(await loadImportReport(deps.db, imp));
    })
    .get(
      "/:id/reparse/preview",
      validate("param", reportIdParam),
      validate("query", previewQuery),
      async (c) => {
        const imp = await reparsableImport(deps, userIdOf(c), c.req.valid("param").id);
        return c.json(await previewImport(deps.blobs, imp, c.req.valid("query").dateOrder));
      },
    )
    .post(
      "/:id/reparse",
      validate("param", reportIdParam),
      validate("json", reparseBody),
      async (c) => {
        const imp = await queueReparse(deps, c, c.req.valid("param").id, c.req.valid("json"));
        return c.json({ id: imp.id }, 202, { Location: `/api/imports/${imp.id}` });
      },
    );
}

/** The OpenAPI entries of {@link reportApi}. */
export const reportOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/imports/:id/report",
    tag: "Imports",
    summary: "What the parser detected in an export, the lines it could not place, the file's hash",
    params: reportIdParam,
    responses: { 200: { description: "The report", schema: reportSchema } },
  },
  {
    method: "get",
    path: "/api/imports/:id/reparse/preview",
    tag: "Imports",
    summary: "Preview reading the stored original with another date order",
    params: reportIdParam,
    query: previewQuery,
    responses: {
      200: { description: "What would change", schema: previewSchema },
      409: {
        description: "Fused with other exports, or the original is gone",
        schema: errorSchema,
      },
      429: heavyLimited,
    },
  },
  {
    method: "post",
    path: "/api/imports/:id/reparse",
    tag: "Imports",
    summary: "Re-parse the stored original with a date order and/or the phone's time zone " +
      "(queued like an upload)",
    params: reportIdParam,
    body: reparseBody,
    responses: {
      202: {
        description: "Queued: follow GET /api/imports/:id",
        schema: z.object({ id: z.uuid() }),
      },
      409: { description: "Fused with other exports, or already running", schema: errorSchema },
    },
  },
];
