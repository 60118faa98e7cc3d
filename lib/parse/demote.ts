/**
 * Demoting held headers (dates.ts): a header that went back in time while the date order was
 * unknown, whose date the settled order rules out, is put back into the text of the message before
 * it, as if the line had never been a header.
 *
 * @module
 */
import { type BodyContext, buildMessage, INVISIBLE } from "./body.ts";
import type { Raw } from "./dates.ts";
import type { Message } from "./types.ts";
import type { Unplaced } from "./unplaced.ts";

/**
 * Rebuilds `baseMsg` (raw parts `base`) with the lines of the held messages `held` (a run of
 * demoted headers, in file order) appended to its body, once: as it was built (its count, the
 * attachment keywords then learned), with its own language votes and theirs taken back. Counts
 * their lines as unplaced. Their authors were never counted (DateBook counts a message once it
 * stays one), nor is the rebuilt one yet.
 */
export function demote(
  ctx: BodyContext,
  unplaced: Unplaced,
  base: Raw,
  baseMsg: Message,
  held: Raw[],
): Message {
  const count = ctx.count;
  ctx.unvote(base.votes);
  let checked = base.checked;
  const body = [base.body];
  for (const h of held) {
    ctx.unvote(h.votes);
    checked += h.checked;
    body.push(h.head + h.body);
    const nl = h.body.indexOf("\n");
    unplaced.add(h.line, h.head + (nl < 0 ? h.body : h.body.slice(0, nl)));
  }
  ctx.systemChecked -= checked;
  const text = base.body = body.join("\n");
  // As it was built: its count, and the attachment keywords learned before it (a Set keeps the
  // order they were learned in; the rebuilt message learns no other, its first line unchanged).
  const keywords = ctx.attachKeywords;
  ctx.count = base.count;
  ctx.attachKeywords = new Set([...keywords].slice(0, base.learned));
  const msg = buildMessage(ctx, base.author, text, 0, text.length, true, INVISIBLE.test(text));
  ctx.attachKeywords = keywords;
  ctx.count = count - held.length;
  msg.date = baseMsg.date;
  return msg;
}
