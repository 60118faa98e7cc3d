/**
 * WhatsApp chat-export parser: a pure, streaming library (no I/O besides the streams it is given).
 *
 * @example
 * ```ts
 * import { parseChat, parseString } from "./mod.ts";
 * const { messages } = parseString("[01/02/2024, 10:00:00] Ann: hi\n");
 * ```
 *
 * @module
 */
/** Entry points: streaming parseChat (batches or single messages) and synchronous parseString. */
export { type ChatParse, parseChat, parseString } from "./parser.ts";
/** Thrown for input that is not a chat export (empty, binary, no message header). */
export { ParseError } from "./types.ts";
/** The message and summary shapes, and the detected format's vocabulary. */
export type {
  Certainty,
  Clock,
  DateOrder,
  Layout,
  Message,
  MessageKind,
  ParseOptions,
  ParseSummary,
} from "./types.ts";
