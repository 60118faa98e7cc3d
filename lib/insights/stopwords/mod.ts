/**
 * Stop words of the languages the parser detects, for the "most used words" insight.
 *
 * @module
 */
import { de } from "./de.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { it } from "./it.ts";
import { nl } from "./nl.ts";
import { pt } from "./pt.ts";
import { tr } from "./tr.ts";

const LISTS: Record<string, readonly string[]> = { en, es, pt, de, fr, it, nl, tr };

/** Languages that ship a stop-word list. */
export const STOP_WORD_LANGUAGES: readonly string[] = Object.keys(LISTS);

/**
 * The stop words for a chat in `language` (the parser's guess, e.g. `es`, or null): that
 * language's list plus English, which chats everywhere mix in. Unknown languages get English.
 *
 * @example
 * ```ts
 * const stop = stopWordsFor("es");
 * stop.has("que"); // true
 * stop.has("the"); // true
 * ```
 */
export function stopWordsFor(language: string | null | undefined): Set<string> {
  const lang = language?.toLowerCase().slice(0, 2);
  const extra = lang && lang !== "en" ? LISTS[lang] ?? [] : [];
  return new Set([...en, ...extra].map((w) => w.normalize("NFC")));
}
