/**
 * Media files matched to the names the chat references, whatever Unicode normalization each
 * spelling uses: a zip re-made on a Mac stores `Café.pdf` decomposed (NFD) while the chat says it
 * composed (NFC), or the other way round, and the photo would not be shown. A media row whose name
 * no message references, but which equals a referenced name under NFC, takes the referenced
 * spelling (its blob keeps its key); a name already present as spelled is never doubled.
 *
 * @module
 */

/** True when `name` has a character outside ASCII (only such names have several spellings). */
export function mayHaveSpellings(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * `rows` with each unreferenced name replaced by the referenced spelling it equals under NFC.
 * `referenced`: the attachment names of the chat's messages (non-ASCII ones suffice).
 *
 * @example
 * ```ts
 * alignMediaNames([{ name: "Cafe\u0301.pdf" }], new Set(["Café.pdf"])); // [{ name: "Café.pdf" }]
 * ```
 */
export function alignMediaNames<T extends { name: string }>(
  rows: T[],
  referenced: ReadonlySet<string>,
): T[] {
  if (referenced.size === 0) return rows;
  const byNfc = new Map<string, string>();
  for (const name of referenced) byNfc.set(name.normalize("NFC"), name);
  const present = new Set(rows.map((r) => r.name));
  return rows.map((row) => {
    if (referenced.has(row.name) || !mayHaveSpellings(row.name)) return row;
    const spelled = byNfc.get(row.name.normalize("NFC"));
    if (spelled === undefined || present.has(spelled)) return row;
    present.add(spelled);
    return { ...row, name: spelled };
  });
}
