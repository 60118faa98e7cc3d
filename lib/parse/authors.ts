/**
 * Authors of one file: raw author strings are compared IN PLACE on the block (length, then
 * character by character), so a repeated author costs no allocation and every message of an
 * author shares one normalised string; and the participants, in order of first message.
 *
 * @module
 */
import { isSystemAuthor, stripInvisible } from "./body.ts";

/** Distinct raw authors remembered; further ones are normalised each time (still correct). */
const KNOWN_AUTHORS = 256;
/** Longer raw authors are not cached (and are certainly rare). */
const MAX_LENGTH = 128;

/**
 * Cache of raw → normalised authors, and the participant list.
 *
 * @example
 * ```ts
 * const authors = new Authors();
 * authors.add("\u202A+1 555\u202C"); // "+1 555"
 * authors.find("x \u202A+1 555\u202C: hi", 2, 11); // "+1 555"
 * ```
 */
export class Authors {
  /** Slot of the author last returned by {@link find} or {@link add}; -1 when not cached. */
  slot = -1;
  #known: string[] = [];
  #byLength: (number[] | undefined)[] = Array.from({ length: MAX_LENGTH }, () => undefined);
  #counted: boolean[] = [];
  #participants = new Set<string>();

  /** The author already seen whose raw form is `text[from, to)`, else null. */
  find(text: string, from: number, to: number): string | null {
    const slots = this.#byLength[to - from];
    if (slots === undefined) return null;
    const first = text.charCodeAt(from), known = this.#known;
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k], raw = known[slot * 2];
      if (raw.charCodeAt(0) !== first) continue;
      let i = 1;
      while (i < raw.length && raw.charCodeAt(i) === text.charCodeAt(from + i)) i++;
      if (i === raw.length) {
        this.slot = slot;
        return known[slot * 2 + 1];
      }
    }
    return null;
  }

  /**
   * Normalises a new raw author (bidi controls removed: the invisible marks and U+061C ARABIC
   * LETTER MARK; trimmed) and remembers it; null when the text is really the start of a system
   * line (see isSystemAuthor).
   */
  add(raw: string): string | null {
    this.slot = -1;
    if (isSystemAuthor(raw)) return null;
    const author = stripInvisible(raw).replaceAll("\u061c", "").trim();
    const slot = this.#counted.length;
    if (slot < KNOWN_AUTHORS && raw.length < MAX_LENGTH) {
      this.slot = slot;
      this.#known.push(raw, author);
      this.#counted.push(false);
      (this.#byLength[raw.length] ??= []).push(slot);
    }
    return author;
  }

  /** Records `author` (from cache slot `slot`, or -1) as a participant. */
  count(author: string, slot: number): void {
    if (slot < 0) this.#participants.add(author);
    else if (!this.#counted[slot]) {
      this.#counted[slot] = true;
      this.#participants.add(author);
    }
  }

  /** Participants in order of their first message. */
  participants(): string[] {
    return [...this.#participants];
  }
}
