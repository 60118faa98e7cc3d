/**
 * How an import's status reads, wherever it is shown: the import's page, the library's list of
 * imports and the upload form say the same words.
 *
 * @module
 */
import type { ImportStatus } from "../../lib/db/imports.ts";

/** A failure's first words, before its reason: "Import failed: <reason>". */
export const IMPORT_FAILED = "Import failed";

/** Each status as a sentence (the import page's status line). */
export const IMPORT_STATUS_WORDS: Readonly<Record<ImportStatus, string>> = {
  queued: "Waiting for a worker…",
  processing: "Reading your chat…",
  done: "Imported.",
  failed: `${IMPORT_FAILED}.`,
};

/** The link from a finished import to its conversation. */
export const OPEN_CONVERSATION = "Open the conversation";

/** A progress (0..1) in whole percent, rounded down: "100%" only when it is all read. */
export function percent(progress: number): string {
  return `${Math.floor(Math.min(Math.max(progress, 0), 1) * 100)}%`;
}

/**
 * A running import in a few words, with its progress once a worker reads it.
 *
 * @example
 * ```ts
 * runningWords("queued", 0); // "Waiting for a worker…"
 * runningWords("processing", 0.4); // "Reading your chat… 40%"
 * ```
 */
export function runningWords(status: "queued" | "processing", progress: number): string {
  return status === "queued"
    ? IMPORT_STATUS_WORDS.queued
    : `${IMPORT_STATUS_WORDS.processing} ${percent(progress)}`;
}
