/**
 * The OpenAPI entries of the time-zone features (issue #9): the reader's zone on the account.
 * The upload's `timeZone` and the messages' `?tz=` are documented with their operations.
 *
 * @module
 */
import { z } from "zod";
import { readingZoneBody } from "./account.ts";
import { type ApiOperation, errorSchema } from "./openapi_types.ts";

/** `PUT /api/account/reading-zone`. */
export const timeZoneOperations: ApiOperation[] = [
  {
    method: "put",
    path: "/api/account/reading-zone",
    tag: "Account",
    summary: "Choose the time zone messages are shown in",
    description: "An IANA zone (Europe/Berlin); null shows each conversation in its own zone " +
      "(the exporting phone's, given at upload). The conversation pages follow it; the " +
      "messages API takes `?tz=`.",
    body: readingZoneBody,
    responses: {
      200: {
        description: "Saved",
        schema: z.object({ readingZone: z.string().nullable() }),
      },
      400: { description: "Not an IANA zone: the message names `zone`", schema: errorSchema },
    },
  },
];
