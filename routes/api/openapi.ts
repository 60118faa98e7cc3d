/**
 * The registry of every JSON endpoint, built from the same zod schemas the routes validate
 * with (exported by the route files), and published as an OpenAPI 3.1 document at
 * `/api/openapi.json` with a reference page at `/api/docs`.
 *
 * Each route file describes its own endpoints in a `fooOperations: ApiOperation[]` list next to
 * the routes; this file only assembles them, in the document's order. Adding a route under
 * /api? Add its entry to its file's list (or a new list, spread into {@link operations}):
 * `routes/api/openapi_test.ts` fails for any mounted route missing here, and
 * `openapi_responses_test.ts` for an answer whose fields differ from the documented shape.
 *
 * The entry shape and the error body are in `openapi_types.ts`; the document is built by
 * `openapi_document.ts`.
 *
 * @module
 */
import type { ApiOperation } from "./openapi_types.ts";
import { authOperations } from "./auth.ts";
import { accountOperations } from "./account.ts";
import { tokenOperations } from "./tokens.ts";
import { importOperations } from "./imports.ts";
import { uploadOperations } from "./uploads.ts";
import { conversationOperations } from "./conversations_operations.ts";
import { insightsOperations } from "./insights.ts";
import { searchOperations } from "./search.ts";
import { exportOperations } from "./export.ts";
import { shareOperations } from "./shares.ts";
import { userShareOperations } from "./user_shares.ts";
import { referenceOperations } from "./openapi_reference.ts";
import { reportOperations } from "./report.ts";
import { mergeOperations } from "./merge.ts";
import { mergeCandidateOperations } from "./merge_candidates.ts";
import { coverageOperations } from "./coverage.ts";
import { privacyOperations } from "./privacy.ts";
import { mediaOperations } from "./media.ts";
import { timeZoneOperations } from "./time_zones.ts";

/** Every endpoint under /api: each file spreads its own list here, one line per file. */
export const operations: ApiOperation[] = [
  ...authOperations,
  ...accountOperations,
  ...tokenOperations,
  ...importOperations,
  ...uploadOperations,
  ...conversationOperations,
  ...insightsOperations,
  ...searchOperations,
  ...exportOperations,
  ...shareOperations,
  ...userShareOperations,
  ...referenceOperations,
  // Library features.
  ...reportOperations,
  ...mediaOperations,
  ...mergeOperations,
  ...mergeCandidateOperations,
  ...coverageOperations,
  ...privacyOperations,
  ...timeZoneOperations,
];
