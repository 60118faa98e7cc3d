/**
 * A group admin's deletion that names the admin (`This message was deleted by admin ~Ann.`): the
 * templates of wordings_deleted.ts (`DELETED_BY_ADMIN`, text before and after the name) matched
 * around something shaped like a name. An ordinary one-line body pays one bitmap lookup on its
 * first and last characters ({@link ADMIN_SHAPES}).
 *
 * @module
 */
import type { Wording } from "./wordings.ts";
import { DELETED_BY_ADMIN } from "./wordings_deleted.ts";

/** A hash of a body's first and last code units, for {@link ADMIN_SHAPES}. */
export function edgeShape(first: number, last: number): number {
  return (first * 61 + last) & 0xfff;
}

/** Admin-deletion templates (DELETED_BY_ADMIN) by the {@link edgeShape} of their ends. */
const ADMIN_BY_SHAPE = new Map<number, [string, string, string][]>();
for (const [lang, list] of Object.entries(DELETED_BY_ADMIN)) {
  for (const [before, after] of list) {
    const shape = edgeShape(before.charCodeAt(0), after.charCodeAt(after.length - 1));
    const same = ADMIN_BY_SHAPE.get(shape);
    if (same) same.push([before, after, lang]);
    else ADMIN_BY_SHAPE.set(shape, [[before, after, lang]]);
  }
}
/** The shortest admin deletion: a template around a one-character name. */
export const SHORTEST_ADMIN_DELETION = Math.min(
  ...Object.values(DELETED_BY_ADMIN).flat().map(([before, after]) =>
    before.length + after.length + 1
  ),
);
/** Bitmap of the {@link edgeShape}s of the admin-deletion templates: a gate before matching. */
export const ADMIN_SHAPES = new Uint8Array(4096);
for (const shape of ADMIN_BY_SHAPE.keys()) ADMIN_SHAPES[shape] = 1;
/** What no admin's name holds: a line break, a question or exclamation mark, `, ` (a clause). */
const NOT_A_NAME = /[\n?!\u061F\uFF1F\uFF01]|, /;
/**
 * How a name starts: `~` (WhatsApp's mark of a name not in the contacts), `+` or a digit (a
 * number), or a letter that is upper case or of a script without case (`because it was spam` is
 * a reason, not a name).
 */
const NAME_START = /^[~+\d\p{Lu}\p{Lt}\p{Lo}]/u;
/** The longest admin's name accepted (a contact's name, `~ Name`, or a number). */
const LONGEST_NAME = 40;

/**
 * The wording of a body that says a group admin deleted the message (`This message was deleted
 * by admin ~Ann.`), or undefined: a template's text around something shaped like a name (see
 * {@link NAME_START}, at most {@link LONGEST_NAME} characters, none of {@link NOT_A_NAME}):
 * `This message was deleted by admin Bob?` is a question, `… by admin because it was spam.` a
 * sentence.
 */
export function adminDeletion(text: string, shape: number): Wording | undefined {
  for (const [before, after, lang] of ADMIN_BY_SHAPE.get(shape) ?? []) {
    const length = text.length - before.length - after.length;
    if (length < 1 || length > LONGEST_NAME) continue;
    if (!text.startsWith(before) || !text.endsWith(after)) continue;
    const name = text.slice(before.length, text.length - after.length);
    if (NAME_START.test(name) && !NOT_A_NAME.test(name)) return { kind: "deleted", lang };
  }
  return undefined;
}
