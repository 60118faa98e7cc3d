import { Hono } from "hono";
import { z } from "zod";
import { originalUpload } from "../../lib/db/account.ts";
import { getConversation } from "../../lib/db/conversations.ts";
import { MAX_SEQ } from "../../lib/db/messages.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { CSV_BOM, csvHeader, csvRow } from "../../lib/export/csv.ts";
import { PDF_MAX_MESSAGES, renderPdf } from "../../lib/export/pdf.ts";
import {
  countRange,
  exportPages,
  type ResolvedRange,
  resolveRange,
  sourceFiles,
} from "../../lib/export/source.ts";
import { textStream } from "../../lib/export/stream.ts";
import { txtMessage } from "../../lib/export/txt.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { conversationJson } from "./conversations.ts";
import { type ApiOperation, heavyLimited } from "./openapi_types.ts";

export const exportParams = z.object({ id: z.uuid("must be a conversation id") });

// The export form sends empty fields for "no limit": "" means absent.
const blank = (v: unknown) => v === "" ? undefined : v;
const isRealDay = (s: string) => {
  const t = Date.parse(s + "T00:00:00Z");
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
};
const ref = z.preprocess(
  blank,
  z.coerce.number().int().positive("must be a message ref (≥ 1)")
    .max(MAX_SEQ, `must be at most ${MAX_SEQ}`).optional(),
);
const day = z.preprocess(
  blank,
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
    .refine(isRealDay, "not a real date")
    .optional(),
);

export const exportQuery = z.object({
  format: z.enum(
    ["json", "csv", "txt", "pdf", "original"],
    "must be json, csv, txt, pdf or original",
  )
    .default("json")
    .describe(
      "`json`: the conversation and its messages; `csv`: one row a message (RFC 4180, UTF-8 " +
        "with BOM); `txt`: WhatsApp (Android) format that imports back to the same messages; " +
        `\`pdf\`: a printable transcript (at most ${PDF_MAX_MESSAGES} messages: ask for a ` +
        "range); `original`: the uploaded file (the range is ignored)",
    ),
  from: ref.describe("First message of the range, by ref (inclusive)"),
  to: ref.describe("Last message of the range, by ref (inclusive)"),
  fromDate: day.describe("Only messages on or after this day (wall clock, YYYY-MM-DD)"),
  toDate: day.describe("Only messages on or before this day (wall clock, YYYY-MM-DD)"),
}).refine((q) => !q.fromDate || !q.toDate || q.fromDate <= q.toDate, {
  path: ["toDate"],
  message: "must not be before fromDate",
});

/** One message as the JSON export (and the conversations API) writes it. */
export const messageJsonSchema = z.object({
  seq: z.number().int(),
  date: z.string().describe("Wall-clock time of the export, YYYY-MM-DDTHH:MM:SS"),
  author: z.string().nullable(),
  text: z.string(),
  kind: z.string(),
  attachment: z.string().nullable(),
  edited: z.boolean(),
});
/** The shape of a JSON export (what the stream writes, one message per line). */
export const exportJsonSchema = z.object({
  format: z.literal("whatsapp-reader-export/1"),
  exportedAt: z.iso.datetime(),
  conversation: z.object({ id: z.uuid(), title: z.string() }).loose(),
  range: z.object({
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    fromDate: z.string().optional(),
    toDate: z.string().optional(),
  }).describe("The range asked for ({} for the whole conversation)"),
  messages: z.array(messageJsonSchema.extend({
    ref: z.number().int().describe("Stable reference (permalinks, ranges)"),
    at: z.iso.datetime().describe("The instant, UTC"),
  })),
});

type ExportQuery = z.infer<typeof exportQuery>;

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w .()-]/g, "_").slice(0, 150) || "download";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The file name's range part: ` (refs 10-200)`, ` (2024-01-01 to 2024-01-31)`. */
function rangeLabel(q: ExportQuery): string {
  const parts = [];
  if (q.from !== undefined || q.to !== undefined) {
    parts.push(`refs ${q.from ?? 1}-${q.to ?? "end"}`);
  }
  if (q.fromDate || q.toDate) parts.push(`${q.fromDate ?? "start"} to ${q.toDate ?? "end"}`);
  return parts.join(", ");
}

const TYPES = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
  txt: "text/plain; charset=utf-8",
  pdf: "application/pdf",
} as const;

/**
 * `GET /api/conversations/:id/export?format=json|csv|txt|pdf|original[&from&to&fromDate&toDate]`:
 * one's own data, as a download. Text formats are streamed page by page; a PDF is built whole
 * (bounded by {@link PDF_MAX_MESSAGES}).
 */
export function exportApi(deps: AppDeps) {
  const { db, blobs } = deps;
  return new Hono<AppEnv>().get(
    "/:id/export",
    validate("param", exportParams),
    validate("query", exportQuery),
    async (c) => {
      const userId = userIdOf(c);
      const { id } = c.req.valid("param");
      const q = c.req.valid("query");
      const conversation = await getConversation(db, userId, id);
      if (!conversation) throw notFound("conversation");
      // A download of a whole chat: never kept in a browser or shared cache (no revalidation use).
      const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
      if (q.format === "original") {
        const upload = await originalUpload(db, userId, id);
        const blob = upload && await blobs.get(upload.blobKey);
        if (!upload || !blob) throw notFound("original upload");
        const zip = /\.zip$/i.test(upload.filename);
        return c.body(blob.body, 200, {
          ...headers,
          "Content-Type": zip ? "application/zip" : "application/octet-stream",
          "Content-Length": String(blob.size),
          "Content-Disposition": attachment(upload.filename),
        });
      }
      const range: ResolvedRange = await resolveRange(db, id, q);
      const label = rangeLabel(q);
      const name = `${conversation.title}${label ? ` (${label})` : ""}.${q.format}`;
      const download = {
        ...headers,
        "Content-Type": TYPES[q.format],
        "Content-Disposition": attachment(name),
      };
      if (q.format === "pdf") {
        const n = await countRange(db, id, range);
        if (n > PDF_MAX_MESSAGES) {
          throw new AppError(
            400,
            "invalid_request",
            `to: a PDF holds at most ${PDF_MAX_MESSAGES} messages and this range has ${n}; ` +
              "choose a range with from/to or fromDate/toDate",
          );
        }
        const pdf = await renderPdf({
          title: conversation.title,
          participants: conversation.participants,
          sources: await sourceFiles(db, id),
          range: label || undefined,
        }, exportPages(db, id, range, 500));
        return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
          ...download,
          "Content-Length": String(pdf.length),
        });
      }
      const pages = exportPages(db, id, range);
      const format = q.format === "csv"
        ? { head: CSV_BOM + csvHeader(), row: csvRow, tail: "" }
        : q.format === "txt"
        ? { head: "", row: txtMessage, tail: "" }
        : {
          head: JSON.stringify({
            format: "whatsapp-reader-export/1",
            exportedAt: new Date().toISOString(),
            conversation: conversationJson(conversation),
            range: { from: q.from, to: q.to, fromDate: q.fromDate, toDate: q.toDate },
          }).slice(0, -1) + ',"messages":[',
          row: (m: object, i: number) => (i === 0 ? "\n" : ",\n") + JSON.stringify(m),
          tail: "\n]}\n",
        };
      return c.body(textStream(pages, format), 200, download);
    },
  );
}

/** The OpenAPI entry of {@link exportApi}. */
export const exportOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/conversations/:id/export",
    tag: "Export",
    summary: "Download a conversation or a range of it",
    description: "JSON, CSV and WhatsApp `.txt` are streamed; `pdf` is a printable " +
      "transcript; `original` returns the uploaded file. Range: `from`/`to` (refs) and/or " +
      "`fromDate`/`toDate` (days).",
    params: exportParams,
    query: exportQuery,
    responses: {
      200: { description: "The export (an attachment)", schema: exportJsonSchema },
      429: heavyLimited,
    },
  },
];
