/**
 * The shape of a conversation's insights, as the JSON API returns them and the page renders
 * them. All counts respect the filter; days are wall-clock days of the export.
 *
 * @module
 */
import type { InsightsFilter } from "./filter.ts";
import type { MediaCounts } from "./media.ts";
import type { DayRun } from "./stats.ts";

/** A term and how often it was used. */
export interface TermCount {
  term: string;
  count: number;
}

/** The most used terms of one kind: overall and per participant (10 each). */
export interface TopTerms {
  all: TermCount[];
  byParticipant: Record<string, TermCount[]>;
}

/** One participant's numbers. Shares are fractions of the filtered total (4 decimals). */
export interface ParticipantInsights {
  name: string;
  /** The participant's colour slot (0–15), as in the reader. */
  color: number;
  messages: number;
  messageShare: number;
  words: number;
  wordShare: number;
  emoji: number;
  links: number;
  deleted: number;
  media: MediaCounts;
  /** Conversations started: first message after a silence of at least `filter.gap` hours. */
  starts: number;
  startShare: number;
  /** Replies: messages right after someone else's, within `filter.gap` hours. */
  replies: number;
  /** Median reply time in minutes (whole minutes, the mean of the middle two for an even count). */
  medianReplyMinutes: number | null;
  /** The participant's longest run of consecutive messages. */
  longestMonologue: number;
}

/** A run of consecutive messages by one author. */
export interface Monologue {
  author: string;
  length: number;
  /** Sequence number of its first message (to open the reader there). */
  startSeq: number;
  /** The stable ref of the run's first message (its permalink). */
  startRef: number;
  /** Wall-clock times of its first and last message. */
  from: string;
  to: string;
}

/** Everything the insights page shows. */
export interface Insights {
  conversationId: string;
  version: number;
  filter: InsightsFilter;
  /** First and last day with a message (within the filter), or null when there is none. */
  span: { from: string; to: string } | null;
  totals: {
    messages: number;
    words: number;
    emoji: number;
    links: number;
    deleted: number;
    media: MediaCounts;
    starts: number;
    replies: number;
    activeDays: number;
  };
  participants: ParticipantInsights[];
  /** Every month of the span, with messages per participant (zeros included). */
  months: { month: string; total: number; byParticipant: Record<string, number> }[];
  /** Messages by ISO weekday (row 0 = Monday) and hour (column 0 = 00:00–00:59). */
  heatmap: number[][];
  calendar: {
    /** Days with messages, in order. */
    days: { day: string; messages: number }[];
    longestStreak: DayRun | null;
    longestSilence: DayRun | null;
  };
  /** The 10 longest monologues, longest first (starting within the filter). */
  monologues: Monologue[];
  terms: { emoji: TopTerms; words: TopTerms; domains: TopTerms };
}
