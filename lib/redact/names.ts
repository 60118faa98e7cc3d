/**
 * Names in redacted shares. Every participant becomes "Participant N" (N by first appearance),
 * and so does every occurrence of their name in texts: whole names (`Alice Smith`, `@Alice
 * Smith`), and each word of a name (first or last name alone, 3+ letters) when it belongs to
 * exactly one participant; a word shared by two participants ("Alice Smith", "Bob Smith") is
 * replaced by "Participant" alone, naming no one. Matching ignores case and accents ("Mendez"
 * written for "Méndez", "CARLA", a decomposed "Me\u0301ndez" all match) and needs a non-letter
 * on both sides, so "Al" never hits inside "Also". People who never wrote but appear in system
 * lines ("Alice added Carol") are found by `namesInSystemLine` and numbered after them.
 *
 * @module
 */

/** What a name becomes. */
export const PARTICIPANT = "Participant";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Lower case without accents: the key names are matched by. */
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/**
 * Base letter → every precomposed Latin letter that folds to it (`e` → `eèéêë…EÈÉ…`); built on
 * first use (a redacted share), not when the server starts.
 */
let variants: Map<string, string> | null = null;
function variantsOf(base: string): string | undefined {
  if (variants === null) {
    const map = variants = new Map();
    const ranges = [[0x41, 0x24f], [0x1e00, 0x1eff]];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp), b = fold(ch);
        if (b.length === 1 && /\p{L}/u.test(ch)) map.set(b, (map.get(b) ?? "") + ch);
      }
    }
  }
  return variants.get(base);
}

/** A folded name as a pattern matching any accented or decomposed spelling of it. */
const loose = (key: string) =>
  [...key].map((ch) => {
    const v = variantsOf(ch);
    return v === undefined ? escape(ch) : `[${v}]\\p{M}*`;
  }).join("");
const words = (name: string) =>
  name.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => [...w].length >= 3 && /\p{L}/u.test(w));

/** A replacer of known names; build once per share page. */
export interface NameRedactor {
  /** The pseudonym of a participant ("Participant 2"), or of an unknown author. */
  label(name: string): string;
  /** `text` with every known name (whole, or one of its words) replaced. */
  replace(text: string): string;
}

/**
 * A name redactor for `names` in order of first appearance (participants first, then people
 * named only in system lines).
 *
 * @example
 * ```ts
 * const r = nameRedactor(["Alice Smith", "Bob"]);
 * r.replace("Alice added Bob"); // "Participant 1 added Participant 2"
 * ```
 */
export function nameRedactor(names: string[]): NameRedactor {
  const labels = new Map<string, string>();
  for (const name of names) {
    const key = fold(name.trim());
    if (key && !labels.has(key)) labels.set(key, `${PARTICIPANT} ${labels.size + 1}`);
  }
  // Word → the one label it stands for, or the bare PARTICIPANT when it is ambiguous.
  const wordLabels = new Map<string, string>();
  for (const [key, label] of labels) {
    for (const w of new Set(words(key))) {
      if (labels.has(w)) continue; // a whole name of its own
      const seen = wordLabels.get(w);
      wordLabels.set(w, seen === undefined || seen === label ? label : PARTICIPANT);
    }
  }
  const all = new Map([...wordLabels, ...labels]);
  const alternatives = [...all.keys()].sort((a, b) => b.length - a.length).map(loose);
  const pattern = alternatives.length === 0
    ? null
    : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  let unknown = labels.size;
  return {
    label(name) {
      const key = fold(name.trim());
      let label = labels.get(key);
      if (label === undefined) {
        label = `${PARTICIPANT} ${++unknown}`;
        labels.set(key, label);
      }
      return label;
    },
    replace(text) {
      if (!pattern) return text;
      return text.replace(pattern, (m) => all.get(fold(m)) ?? PARTICIPANT);
    },
  };
}

// English system lines naming people (other languages: only known participants are replaced).
const SYSTEM_PATTERNS = [
  /^(.+?) (?:added|removed) (.+?)$/,
  /^(.+?) (?:left|joined using this group's invite link|joined using a group link|joined)$/,
  /^(.+?) (?:was|were) (?:added|removed)$/,
  /^(.+?) changed (?:the subject|this group's icon|the group description|their phone number)/,
  /^(.+?) created (?:group|this group)/,
  /^(.+?) (?:changed|reset) this group's settings/,
  /^(.+?) is now an admin$/,
];

/**
 * The people a WhatsApp system line names ("Alice added Bob and Carol" → Alice, Bob, Carol);
 * English wordings only. `You` is not a name.
 */
export function namesInSystemLine(text: string): string[] {
  const line = text.trim().replace(/\.$/, "");
  for (const re of SYSTEM_PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    return m.slice(1).flatMap((group) =>
      group.split(/, | and /).map((s) => s.trim().replace(/^@/, "")).filter((s) =>
        s !== "" && !/^you$/i.test(s)
      )
    );
  }
  return [];
}
