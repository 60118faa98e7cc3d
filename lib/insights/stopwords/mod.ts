/**
 * Stop words of the languages the parser detects, for the "most used words" insight.
 *
 * Where the lists come from: every list but Turkish is mostly a subset of the Snowball project's
 * stop list for its language (snowballstem.org, `algorithms/<language>/stop.txt`, BSD licence;
 * lunr-languages ships the same lists): 112 of the 124 Spanish words, 127 of 134 German, 76 of
 * 100 French, 73 of 85 Italian, 78 of 89 Dutch, 90 of 108 Portuguese, 174 of 202 English (all
 * of Snowball's); 65 of the 73 Turkish words are from lunr-languages' Turkish list (Snowball has
 * none). The rest was added by hand: function words those lists lack (French "comme", "tout",
 * "très"; German "dass"; Dutch "jij", "gaat") and the spellings and fillers of chats ("dont",
 * "q", "pq", "vc", "jaja", "kkk", "ok", "yeah"). The Snowball lists are much longer (all the
 * forms of "haber", "estar", "tener"…): a word missing here is best taken from them, not written
 * from memory.
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
 * The stop words for a chat in `language` (the export's language as the parser guessed it, e.g.
 * `es`, or null): that language's list plus English, which chats everywhere mix in, plus the
 * lists of the languages in `alsoUsed` (those its messages are written in, see
 * `../languages.ts`). Unknown languages get nothing more.
 *
 * @example
 * ```ts
 * const stop = stopWordsFor("en", ["es"]);
 * stop.has("que"); // true
 * stop.has("the"); // true
 * ```
 */
export function stopWordsFor(
  language: string | null | undefined,
  alsoUsed: readonly string[] = [],
): Set<string> {
  const stop = new Set<string>();
  for (const lang of ["en", language, ...alsoUsed]) {
    for (const w of LISTS[lang?.toLowerCase().slice(0, 2) ?? ""] ?? []) {
      stop.add(w.normalize("NFC"));
    }
  }
  return stop;
}
