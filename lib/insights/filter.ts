/**
 * The insights filter (`?from=&to=&author=a&author=b&gap=`): its schema, its canonical form,
 * and the strong ETag of a filtered answer.
 *
 * @module
 */
import { z } from "zod";
import { INSIGHTS_FORMAT } from "./refresh.ts";

/** Default and bounds of the session gap, in hours. */
export const GAP = { default: 6, min: 1, max: 168 } as const;

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);
const day = z.preprocess(
  emptyToUndefined,
  z.iso.date("must be a date (YYYY-MM-DD)").optional(),
);

/** Query parameters of the insights page and API; validated at the route edge. */
export const insightsQuery = z.object({
  from: day,
  to: day,
  author: z.union([z.string(), z.array(z.string())]).optional(),
  gap: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int("must be a whole number of hours")
      .min(GAP.min, `must be at least ${GAP.min}`)
      .max(GAP.max, `must be at most ${GAP.max}`)
      .default(GAP.default),
  ),
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "must not be after to",
  path: ["from"],
});

/** The validated query as `insightsQuery` gives it. */
export type InsightsQuery = z.infer<typeof insightsQuery>;

/** A filter in canonical form: days inclusive (null: open), authors sorted (empty: all). */
export interface InsightsFilter {
  from: string | null;
  to: string | null;
  authors: string[];
  gap: number;
}

/** The canonical filter of a validated query (authors de-duplicated and sorted). */
export function toFilter(q: InsightsQuery): InsightsFilter {
  const authors = q.author === undefined ? [] : Array.isArray(q.author) ? q.author : [q.author];
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    authors: [...new Set(authors.filter((a) => a !== ""))].sort(),
    gap: q.gap,
  };
}

/**
 * The strong ETag of the insights of a conversation at a version under a filter:
 * `"ins-<id>-<version>-<hash>"`, the hash covering the filter and {@link INSIGHTS_FORMAT}.
 *
 * @example
 * ```ts
 * await insightsEtag("0b1c…", 3, { from: null, to: null, authors: [], gap: 6 });
 * // '"ins-0b1c…-3-5f0e4c2a9d8b7e61"'
 * ```
 */
export async function insightsEtag(
  conversationId: string,
  version: number,
  filter: InsightsFilter,
): Promise<string> {
  const canonical = JSON.stringify([
    INSIGHTS_FORMAT,
    filter.from,
    filter.to,
    filter.authors,
    filter.gap,
  ]);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical));
  const hex = Array.from(
    new Uint8Array(digest).slice(0, 8),
    (b) => b.toString(16).padStart(2, "0"),
  );
  return `"ins-${conversationId}-${version}-${hex.join("")}"`;
}

/** True when an `If-None-Match` header names `etag` (or is `*`); weak comparison, per RFC 9110. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
