/// <reference lib="dom" />
/**
 * Copy buttons (`button[data-copy]`, rendered `hidden`: without JavaScript they would do
 * nothing): shown when this runs, each copies the value of the field named by `data-copy` (an
 * id) with the Clipboard API and says "Copied" in the status region `data-copy-status` names,
 * which a screen reader reads politely. Where the clipboard is refused (a page not served over
 * HTTPS), the field's text is selected instead and the region says how to copy it. Without
 * JavaScript the read-only field stays, to select and copy by hand.
 *
 * @module
 */

/** Shows the copy buttons of `doc` and handles their clicks (once, at start-up). */
export function enableCopyButtons(doc: Document): void {
  for (const button of doc.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    button.hidden = false;
  }
  doc.addEventListener("click", (e) => {
    const button = e.target instanceof Element
      ? e.target.closest<HTMLButtonElement>("button[data-copy]")
      : null;
    if (button) copy(doc, button);
  });
}

async function copy(doc: Document, button: HTMLButtonElement): Promise<void> {
  const field = doc.getElementById(button.dataset.copy ?? "");
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  const status = doc.getElementById(button.dataset.copyStatus ?? "");
  let said: string;
  try {
    await navigator.clipboard.writeText(field.value);
    said = "Copied";
  } catch {
    field.focus();
    field.select();
    said = "Selected: press Ctrl+C (⌘C) to copy";
  }
  if (!status) return;
  // Emptied first: the same words set again would not be read out a second time.
  status.textContent = "";
  requestAnimationFrame(() => status.textContent = said);
}
