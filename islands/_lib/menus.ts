/// <reference lib="dom" />
/**
 * Drop-down menus made of `<details>` (the conversation's Tools and Export menus): they open and
 * submit without JavaScript; with it, Escape closes an open one (focus back on its summary) and
 * so does a click anywhere outside it, as a menu does. An Escape already used inside the menu
 * (closing the search's list of results) leaves the menu open.
 *
 * @module
 */

/** The open menus this applies to. */
const OPEN = ["details.export-menu[open]", "details.tools-menu[open]"].join(", ");

/** Installs the handlers on `doc` (once, at start-up). */
export function closeMenusOnEscapeOrOutside(doc: Document): void {
  doc.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || e.defaultPrevented) return;
    for (const menu of doc.querySelectorAll<HTMLDetailsElement>(OPEN)) {
      menu.open = false;
      menu.querySelector("summary")?.focus();
    }
  });
  doc.addEventListener("click", (e) => {
    const target = e.target instanceof Node ? e.target : null;
    for (const menu of doc.querySelectorAll<HTMLDetailsElement>(OPEN)) {
      if (!target || !menu.contains(target)) menu.open = false;
    }
  });
}
