/**
 * Demoting a held header (dates.ts): a header that went back in time while the date order was
 * unknown, whose date the settled order rules out, is put back into the text of the message before
 * it, as if the line had never been a header.
 *
 * @module
 */
import type { Authors } from "./authors.ts";
import { type BodyContext, buildMessage, INVISIBLE } from "./body.ts";
import type { Raw } from "./dates.ts";
import type { Message } from "./types.ts";
import type { Unplaced } from "./unplaced.ts";

/**
 * Rebuilds `baseMsg` (raw parts `base`) with the held message's lines appended to its body, undoes
 * what the held message counted (messages, its author) and counts its line as unplaced. `base.body`
 * grows, so that a second demoted header in a row joins the same message.
 */
export function demote(
  ctx: BodyContext,
  authors: Authors,
  unplaced: Unplaced,
  base: Raw,
  baseMsg: Message,
  held: Raw,
  heldMsg: Message,
): Message {
  const count = ctx.count;
  const body = base.body += "\n" + held.head + held.body;
  const msg = buildMessage(ctx, base.author, body, 0, body.length, true, INVISIBLE.test(body));
  ctx.count = count - 1;
  msg.date = baseMsg.date;
  // Counted before uncounted: an author whose count stays above 0 keeps their place.
  if (msg.author !== null) authors.count(msg.author, base.slot);
  if (baseMsg.author !== null) authors.uncount(baseMsg.author, base.slot);
  if (heldMsg.author !== null) authors.uncount(heldMsg.author, held.slot);
  const nl = held.body.indexOf("\n");
  unplaced.add(held.line, held.head + (nl < 0 ? held.body : held.body.slice(0, nl)));
  return msg;
}
