/** The kinds of message the parser distinguishes (see issue #2 and ../shared/FORMAT.md §5). */
export type MessageKind =
  | "text"
  | "system"
  | "deleted"
  | "poll"
  | "location"
  | "contact"
  | "media";

/** One message, exactly the six fields the product stores and the CLI prints. */
export interface Message {
  /** Local wall-clock time as written in the header: `YYYY-MM-DDTHH:MM:SS`, no zone. */
  date: string;
  /** Sender as written, bidi controls removed, trimmed; `null` for system messages. */
  author: string | null;
  /** Body; continuation lines joined with `\n`; caption only when there is an attachment. */
  text: string;
  kind: MessageKind;
  /** File name the export references (present in the zip or not), else `null`. */
  attachment: string | null;
  /** True when the body ended with WhatsApp's `<This message was edited>` marker. */
  edited: boolean;
}

export type Layout = "android" | "ios" | "ios-old";
export type DateOrder = "DMY" | "MDY" | "YMD";
export type Clock = "12h" | "24h";
/** How the date order was settled: a component > 12 proves it; chronology infers it; else a default. */
export type Certainty = "certain" | "inferred" | "guessed";

export interface ParseOptions {
  /** Force the date order instead of inferring it (the user's override). */
  dateOrder?: DateOrder;
}

/** What the parser detected and counted; complete once the message iterable is exhausted. */
export interface ParseSummary {
  messages: number;
  participants: string[];
  layout: Layout;
  dateOrder: DateOrder;
  dateOrderCertainty: Certainty;
  clock: Clock;
  /** Best guess at the export's language from system/media wordings (`en`, `es`, …), or null. */
  language: string | null;
  /** Lines that could not be placed as a message header and were kept as text of a neighbour. */
  unplacedLines: number;
  /** Up to 20 samples of such lines, 1-based line numbers. */
  unplacedSamples: { line: number; text: string }[];
}

/** Thrown for input that is not a WhatsApp export (empty, binary, no chat in zip, no header). */
export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParseError";
  }
}
