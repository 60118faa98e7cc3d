/**
 * The OpenAPI entries of the conversations API (routes/api/conversations.ts): the library, one
 * conversation, its messages, a media file and the view-as choice, with the response shapes
 * those routes build by hand. Apart from the routes because a message's shape extends the
 * export's (routes/api/export.ts), which imports the conversations routes.
 *
 * @module
 */
import { z } from "zod";
import {
  idParam,
  libraryQuery,
  mediaParams,
  pageQuery,
  renameBody,
  viewAsBody,
} from "./conversations.ts";
import { messageJsonSchema } from "./export.ts";
import { type ApiOperation, binary } from "./openapi_types.ts";

/** The shape of `conversationJson`. */
const conversationSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  participants: z.array(z.string()),
  messageCount: z.number().int(),
  firstDate: z.string().nullable().describe("Wall-clock YYYY-MM-DDTHH:MM:SS of the first message"),
  lastDate: z.string().nullable(),
  viewAs: z.string().nullable().describe("The participant shown as “me”"),
  timeZone: z.string().describe(
    "The exporting phone's IANA zone, which the wall clocks (`firstDate`, `date`) are in",
  ),
  version: z.number().int().describe("Bumped on every change; ETags derive from it"),
  summary: z.unknown(),
  createdAt: z.iso.datetime(),
});
/** A library entry: the conversation and the last message its card previews. */
const libraryEntrySchema = conversationSchema.extend({
  lastMessage: z.object({
    seq: z.number().int(),
    ref: z.number().int(),
    date: z.string().describe("Wall clock YYYY-MM-DDTHH:MM:SS, as exported"),
    at: z.string().describe("The instant (ISO, UTC)"),
    author: z.string().nullable(),
    text: z.string().describe("Its first 200 characters"),
    kind: z.string(),
    attachment: z.string().nullable(),
  }).nullable().describe("null for a conversation without messages"),
});
/** The shape of an entry of `messagesJson`. */
const messageSchema = messageJsonSchema.extend({
  at: z.string().describe("The instant, ISO: in the `tz` asked for (with its offset), else UTC"),
  attachmentName: z.string().nullable().describe(
    "The attachment's name as shown and downloaded: `attachment` without iOS's `00000002-` " +
      "numbering",
  ),
  mediaUrl: z.string().nullable().describe(
    "Where the attachment's file is served, if in the export",
  ),
  ref: z.number().int().describe(
    "The message's stable reference (permalinks `/c/:id/m/:ref`, share ranges): equal to seq " +
      "until a merge renumbers seqs",
  ),
  file: z.object({
    url: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    width: z.number().int().nullable().describe(
      "A picture's width in pixels as shown (EXIF orientation applied); null when not known: " +
        "not a picture, unreadable, or imported before sizes were recorded",
    ),
    height: z.number().int().nullable().describe("A picture's height in pixels, as `width`"),
  }).nullable().describe(
    "The attachment's file, if in the export: `mediaUrl`, its type, size and, for a picture, " +
      "its width and height",
  ),
});

/**
 * `GET /api/conversations[/:id[/messages|/media/:name]]`, `PATCH /api/conversations/:id`,
 * `PUT /api/conversations/:id/view-as`.
 */
export const conversationOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/conversations",
    tag: "Conversations",
    summary: "The library",
    query: libraryQuery,
    responses: {
      200: {
        description: "In the order asked for (most recent first by default)",
        schema: z.object({ conversations: z.array(libraryEntrySchema) }),
      },
    },
  },
  {
    method: "get",
    path: "/api/conversations/:id",
    tag: "Conversations",
    summary: "One conversation",
    description: "Answers carry a strong ETag; send it back as If-None-Match for a 304.",
    params: idParam,
    responses: {
      200: { description: "The conversation", schema: conversationSchema },
      304: { description: "Unchanged since the ETag" },
    },
  },
  {
    method: "patch",
    path: "/api/conversations/:id",
    tag: "Conversations",
    summary: "Rename a conversation",
    description: "The name stays through later re-imports and merges.",
    params: idParam,
    body: renameBody,
    responses: { 200: { description: "The conversation", schema: conversationSchema } },
  },
  {
    method: "get",
    path: "/api/conversations/:id/messages",
    tag: "Conversations",
    summary: "A page of messages (keyset: after or before a seq)",
    description: "Or the page around a seq (`around`), a message's stable ref (`ref`, as its " +
      "permalink) or a day (`date`): one of these at most. A seq or ref with no message (past " +
      "the end) is a 404 naming the parameter, as the permalink page's 404; a day past the end " +
      "is the newest page (`target` null).",
    params: idParam,
    query: pageQuery,
    responses: {
      200: {
        description: "Messages in file order",
        schema: z.object({
          messages: z.array(messageSchema),
          target: z.number().int().nullable().describe(
            "The seq `around` asked for, the seq of the message `ref` names, or the first " +
              "message on or after `date` (null: none asked, or the chat ends before that day " +
              "and this is the newest page)",
          ),
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
    params: idParam,
    body: viewAsBody,
    responses: { 200: { description: "The conversation", schema: conversationSchema } },
  },
];
