/**
 * E-mail addresses masked in redacted shares: the whole address (`carla.mendez@gmail.com`)
 * becomes `•••@•••`, domain included (an employer's or a family's domain names someone too).
 * Masking happens before names are replaced, so a name inside an address leaves no trace.
 *
 * @module
 */

/** A pragmatic address shape: local part, `@`, a dotted domain with a 2+ letter top level. */
const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** What an address reads as. */
export const EMAIL_MASK = "•••@•••";

/**
 * `text` with every e-mail address masked.
 *
 * @example
 * ```ts
 * maskEmails("write to ann.lee@work.org!"); // "write to •••@•••!"
 * ```
 */
export function maskEmails(text: string): string {
  return text.indexOf("@") < 0 ? text : text.replace(EMAIL, EMAIL_MASK);
}
