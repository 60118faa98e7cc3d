/**
 * The registry of every JSON endpoint, built from the same zod schemas the routes validate
 * with (exported by the route files), and published as an OpenAPI 3.1 document at
 * `/api/openapi.json` with a reference page at `/api/docs`.
 *
 * Adding a route under /api? Export its schemas from the route file and add an entry to
 * {@link operations}: `routes/api/openapi_test.ts` fails for any mounted route missing here.
 *
 * The entry shape and the error body are in `openapi_types.ts`; the document is built by
 * `openapi_document.ts`.
 *
 * @module
 */
import { viewAsBody } from "./conversations.ts";
import { uploadCompleteBody, uploadIdParam, uploadStartBody } from "./uploads.ts";
import { z } from "zod";
import { type ApiOperation, type ApiResponse, errorSchema, heavyLimited } from "./openapi_types.ts";
import { credentialsSchema } from "../../lib/auth/accounts.ts";
import { accountDeleteBody, accountJsonSchema } from "./account.ts";
import { idParam as conversationIdParam, pageQuery } from "./conversations.ts";
import { exportJsonSchema, exportParams, exportQuery, messageJsonSchema } from "./export.ts";
import { insightsParam } from "./insights.ts";
import { searchQuery } from "./search.ts";
import { timeZoneSchema } from "../../lib/time/schema.ts";
import { reportOperations } from "./report.ts";
import { mergeOperations } from "./merge.ts";
import { privacyOperations } from "./privacy.ts";
import { mediaOperations } from "./media.ts";
import { timeZoneOperations } from "./time_zones.ts";
import { insightsQuery } from "../../lib/insights/filter.ts";
import { shareCreateBody, shareJsonSchema, shareListSchema, shareParams } from "./shares.ts";
import { tokenCreateBody, tokenCreatedSchema, tokenIdParam, tokenListSchema } from "./tokens.ts";

// Response shapes of the routes that build their JSON by hand (conversations, imports, auth):
// kept here until those files export schemas of their own.
const conversationSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  participants: z.array(z.string()),
  messageCount: z.number().int(),
  firstDate: z.string().nullable().describe("Wall-clock YYYY-MM-DDTHH:MM:SS of the first message"),
  lastDate: z.string().nullable(),
  viewAs: z.string().nullable().describe("The participant shown as “me”"),
  version: z.number().int().describe("Bumped on every change; ETags derive from it"),
  summary: z.unknown(),
  createdAt: z.iso.datetime(),
});
const messageSchema = messageJsonSchema.extend({
  at: z.string().describe("The instant, ISO: in the `tz` asked for (with its offset), else UTC"),
  mediaUrl: z.string().nullable().describe(
    "Where the attachment's file is served, if in the export",
  ),
});
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
  createdAt: z.iso.datetime(),
});
const importIdParam = z.object({ id: z.uuid("must be an import id") });
const sessionSchema = z.object({
  token: z.string().describe("Session JWT: the `session` cookie's value, or a Bearer token"),
  userId: z.uuid(),
});
const mediaParams = conversationIdParam.extend({ name: z.string().min(1) });
const presignedParts = z.array(z.object({ partNumber: z.number().int(), url: z.url() }).loose());
const uploadStartSchema = z.object({
  uploadId: z.string(),
  importId: z.uuid(),
  partSize: z.number().int(),
  parts: presignedParts.describe("PUT each part to its URL"),
}).loose();
const searchHitSchema = z.object({
  conversation: z.object({ id: z.uuid(), title: z.string() }),
  seq: z.number().int().describe("Place in the timeline now (a merge renumbers it)"),
  ref: z.number().int().describe("The message's stable reference"),
  date: z.string().describe("The wall clock as exported"),
  at: z.string().describe("The instant (ISO, UTC)"),
  shownAt: z.string().describe("The time in the reader's zone, with its offset"),
  author: z.string().nullable(),
  kind: z.string(),
  url: z.string().describe("The message's permalink page"),
  snippet: z.object({
    text: z.string().describe("Plain text: insert as text, never as HTML"),
    highlights: z.array(z.tuple([z.number().int(), z.number().int()]))
      .describe("[start, end) offsets (UTF-16) of the matches in text"),
  }),
});
const binary = (description: string, contentType = "application/octet-stream"): ApiResponse => ({
  description,
  contentType,
});

/** Every endpoint under /api. */
export const operations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/auth/signup",
    tag: "Auth",
    summary: "Create an account",
    public: true,
    body: credentialsSchema,
    responses: { 201: { description: "Signed up and signed in", schema: sessionSchema } },
  },
  {
    method: "post",
    path: "/api/auth/login",
    tag: "Auth",
    summary: "Sign in",
    public: true,
    body: credentialsSchema,
    responses: { 200: { description: "Signed in", schema: sessionSchema } },
  },
  {
    method: "post",
    path: "/api/auth/logout",
    tag: "Auth",
    summary: "Sign out: the session's token stops working at once",
    public: true,
    responses: { 204: { description: "Signed out (or there was no session)" } },
  },
  {
    method: "get",
    path: "/api/account",
    tag: "Account",
    summary: "The signed-in account",
    responses: { 200: { description: "The account", schema: accountJsonSchema } },
  },
  {
    method: "delete",
    path: "/api/account",
    tag: "Account",
    summary: "Delete the account and everything in it",
    description: "Every conversation, message, upload, media file, session, API token and " +
      "share link is deleted. The password confirms it.",
    body: accountDeleteBody,
    responses: {
      204: { description: "Deleted" },
      403: { description: "Wrong password: nothing was deleted", schema: errorSchema },
    },
  },
  {
    method: "post",
    path: "/api/tokens",
    tag: "API tokens",
    summary: "Create a personal API token",
    description: "The token is in the answer once and never again; only its hash is stored. " +
      "Needs a signed-in session: a token cannot create tokens.",
    body: tokenCreateBody,
    responses: {
      201: { description: "Created", schema: tokenCreatedSchema },
      403: { description: "Called with an API token", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/tokens",
    tag: "API tokens",
    summary: "List live API tokens",
    responses: { 200: { description: "Tokens, newest first", schema: tokenListSchema } },
  },
  {
    method: "delete",
    path: "/api/tokens/:id",
    tag: "API tokens",
    summary: "Revoke an API token (at once)",
    params: tokenIdParam,
    responses: { 204: { description: "Revoked" } },
  },
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
    params: importIdParam,
    responses: { 200: { description: "The import", schema: importSchema } },
  },
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
  {
    method: "get",
    path: "/api/conversations",
    tag: "Conversations",
    summary: "The library",
    responses: {
      200: {
        description: "Most recent first",
        schema: z.object({ conversations: z.array(conversationSchema) }),
      },
    },
  },
  {
    method: "get",
    path: "/api/conversations/:id",
    tag: "Conversations",
    summary: "One conversation",
    description: "Answers carry a strong ETag; send it back as If-None-Match for a 304.",
    params: conversationIdParam,
    responses: {
      200: { description: "The conversation", schema: conversationSchema },
      304: { description: "Unchanged since the ETag" },
    },
  },
  {
    method: "get",
    path: "/api/conversations/:id/messages",
    tag: "Conversations",
    summary: "A page of messages (keyset: after or before a seq)",
    params: conversationIdParam,
    query: pageQuery,
    responses: {
      200: {
        description: "Messages in file order",
        schema: z.object({
          messages: z.array(messageSchema),
          total: z.number().int(),
          prev: z.object({ before: z.number().int() }).nullable(),
          next: z.object({ after: z.number().int() }).nullable(),
        }),
      },
      304: { description: "Unchanged since the ETag" },
    },
  },
  {
    method: "get",
    path: "/api/conversations/:id/media/:name",
    tag: "Conversations",
    summary: "A media file of the conversation",
    description: "Served with its real content type and nosniff; anything that is not an " +
      "image, audio or video is an attachment download; so is every file with `?download=1`.",
    params: mediaParams,
    query: z.object({ download: z.literal("1").optional().describe("Save instead of show") }),
    responses: { 200: binary("The file") },
  },
  {
    method: "put",
    path: "/api/conversations/:id/view-as",
    tag: "Conversations",
    summary: "Choose whose messages are shown as “mine”",
    params: conversationIdParam,
    body: viewAsBody,
    responses: { 200: { description: "The conversation", schema: conversationSchema } },
  },
  {
    method: "get",
    path: "/api/conversations/:id/insights",
    tag: "Conversations",
    summary: "Statistics of a conversation (filterable by dates and authors)",
    params: insightsParam,
    query: insightsQuery,
    responses: {
      200: { description: "The insights", schema: z.object({}).loose() },
      304: { description: "Unchanged since the ETag" },
    },
  },
  {
    method: "get",
    path: "/api/search",
    tag: "Search",
    summary: "Full-text search over one's messages, newest first",
    description:
      '`q` takes web-search syntax (`"a phrase"`, `or`, `-word`); case and accents are ignored.',
    query: searchQuery,
    responses: {
      200: {
        description: "Matches",
        schema: z.object({
          query: z.string(),
          more: z.boolean(),
          next: z.string().nullable()
            .describe("When `more`: pass as `before` for the following (older) results"),
          indexing: z.number().int()
            .describe("Conversations searched whose index is still being built (not in results)"),
          results: z.array(searchHitSchema),
        }),
      },
    },
  },
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
  {
    method: "post",
    path: "/api/conversations/:id/shares",
    tag: "Sharing",
    summary: "Create a read-only share link",
    description: "For the whole conversation or the messages fromSeq..toSeq. The link works " +
      "until it expires or is revoked; shared pages may stay in edge caches up to 60 s.",
    params: shareParams.pick({ id: true }),
    body: shareCreateBody,
    responses: { 201: { description: "Created", schema: shareJsonSchema } },
  },
  {
    method: "get",
    path: "/api/conversations/:id/shares",
    tag: "Sharing",
    summary: "Live share links of a conversation",
    params: shareParams.pick({ id: true }),
    responses: { 200: { description: "Newest first", schema: shareListSchema } },
  },
  {
    method: "delete",
    path: "/api/conversations/:id/shares/:shareId",
    tag: "Sharing",
    summary: "Revoke a share link (at once, at the origin)",
    params: shareParams,
    responses: { 204: { description: "Revoked" } },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Reference",
    summary: "This document",
    public: true,
    responses: {
      200: { description: "OpenAPI 3.1", schema: z.object({ openapi: z.string() }).loose() },
    },
  },
  {
    method: "get",
    path: "/api/docs",
    tag: "Reference",
    summary: "This document as a page",
    public: true,
    responses: { 200: binary("HTML", "text/html") },
  },
  // Library features: each spreads its own list here (`...fooOperations,`), one line per file.
  ...reportOperations,
  ...mediaOperations,
  ...mergeOperations,
  ...privacyOperations,
  ...timeZoneOperations,
];

export type { ApiOperation, ApiResponse } from "./openapi_types.ts";
export { errorSchema } from "./openapi_types.ts";
