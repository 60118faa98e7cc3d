/// <reference lib="dom" />
/**
 * Drop-down menus made of `<details>` (the conversation's Export menu): they open and submit
 * without JavaScript; with it, Escape closes an open one (focus back on its summary) and so does
 * a click anywhere outside it, as a menu does.
 *
 * @module
 */

/** The menus this applies to. */
const MENUS = "details.export-menu";

/** Installs the handlers on `doc` (once, at start-up). */
export function closeMenusOnEscapeOrOutside(doc: Document): void {
  doc.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    for (const menu of doc.querySelectorAll<HTMLDetailsElement>(`${MENUS}[open]`)) {
      menu.open = false;
      menu.querySelector("summary")?.focus();
    }
  });
  doc.addEventListener("click", (e) => {
    const target = e.target instanceof Node ? e.target : null;
    for (const menu of doc.querySelectorAll<HTMLDetailsElement>(`${MENUS}[open]`)) {
      if (!target || !menu.contains(target)) menu.open = false;
    }
  });
}
