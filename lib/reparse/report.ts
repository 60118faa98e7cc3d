/**
 * The import report (issue #9): what the parser detected in an export and how sure it was,
 * the lines it could not place, the original file's identity, and which date orders the user
 * may switch to.
 *
 * @module
 */
import type { ImportRow } from "../db/imports.ts";
import type { Sql } from "../db/client.ts";
import { type MediaCoverage, mediaCoverage } from "../db/media_coverage.ts";
import { reparseBlocker } from "./db.ts";
import { PARSER_VERSION } from "../parse/version.ts";
import type { Certainty, Clock, DateOrder, Layout, ParseSummary } from "../parse/types.ts";

/** The report of one import; `parse` is null until the import has been read. */
export interface ImportReport {
  id: string;
  status: ImportRow["status"];
  conversationId: string | null;
  file: { name: string; size: number; sha256: string; uploadedAt: Date };
  /** The parser version that produced the conversation, and the current one. */
  parserVersion: number;
  currentParserVersion: number;
  parse: {
    platform: "Android" | "iOS";
    layout: Layout;
    language: string | null;
    dateOrder: DateOrder;
    dateOrderCertainty: Certainty;
    /** "chosen": the user set the order (imports.date_order); "detected": the parser did. */
    dateOrderSource: "chosen" | "detected";
    clock: Clock;
    messages: number;
    participants: string[];
    unplacedLines: number;
    unplacedSamples: { line: number; text: string }[];
  } | null;
  /** The date orders offered as a one-click switch (none when the dates proved the order). */
  switchTo: DateOrder[];
  /** Why this import cannot be re-parsed (fused conversation…), or null. */
  reparseBlocked: string | null;
  /** Its conversation's media: files, and the ones the chat names but the zip lacks. */
  media: MediaCoverage | null;
}

/** The orders a one-click switch offers: the other of day-/month-first, when in doubt. */
export function switchOrders(summary: ParseSummary, chosen: DateOrder | null): DateOrder[] {
  // A forced order reads as "certain"; the user who chose it may still change their mind.
  if (summary.dateOrderCertainty === "certain" && chosen === null) return [];
  return (["DMY", "MDY"] as const).filter((o) => o !== summary.dateOrder);
}

/**
 * Builds the report of an import from its row (the parser's summary is stored with it) and
 * the reason it cannot be re-parsed, if any.
 *
 * @example
 * ```ts
 * const report = importReport(imp, await reparseBlocker(sql, imp));
 * report.parse?.dateOrderCertainty; // "certain" | "inferred" | "guessed"
 * ```
 */
export function importReport(
  imp: ImportRow,
  reparseBlocked: string | null,
  media: MediaCoverage | null = null,
): ImportReport {
  const s = imp.summary as ParseSummary | null;
  const parse = s && typeof s === "object" && "dateOrder" in s
    ? {
      platform: s.layout === "android" ? "Android" as const : "iOS" as const,
      layout: s.layout,
      language: s.language,
      dateOrder: s.dateOrder,
      dateOrderCertainty: s.dateOrderCertainty,
      dateOrderSource: imp.dateOrder ? "chosen" as const : "detected" as const,
      clock: s.clock,
      messages: s.messages,
      participants: s.participants,
      unplacedLines: s.unplacedLines,
      unplacedSamples: s.unplacedSamples,
    }
    : null;
  const canSwitch = parse !== null && imp.status === "done" && reparseBlocked === null;
  return {
    id: imp.id,
    status: imp.status,
    conversationId: imp.conversationId,
    file: {
      name: imp.filename,
      size: Number(imp.size),
      sha256: imp.sha256,
      uploadedAt: imp.createdAt,
    },
    parserVersion: imp.parserVersion,
    currentParserVersion: PARSER_VERSION,
    parse,
    switchTo: canSwitch ? switchOrders(s!, imp.dateOrder) : [],
    reparseBlocked,
    media,
  };
}

/**
 * An import's report with what it needs from the database, read at once: why it cannot be
 * re-parsed, and its conversation's media once it has one. The report page and the API.
 */
export async function loadImportReport(sql: Sql, imp: ImportRow): Promise<ImportReport> {
  const [blocked, media] = await Promise.all([
    reparseBlocker(sql, imp),
    imp.status === "done" && imp.conversationId ? mediaCoverage(sql, imp.conversationId) : null,
  ]);
  return importReport(imp, blocked, media);
}
