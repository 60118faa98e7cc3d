/// <reference lib="dom" />
// Images marked `data-lightbox` (the image, or the link around it) open large in a modal
// `<dialog>`: the page behind is inert, Tab stays inside, Escape or the close button or a click
// on the backdrop closes it, and focus goes back to the picture last shown. Previous and Next
// (buttons, or the arrow keys) go through the page's pictures in page order, as a phone's
// viewer does, with who sent the picture and when under it (its alt text). Works for images
// added later (infinite scroll) since clicks are caught on the document and the pictures are
// looked up when asked. Without JavaScript the link opens the image itself.
import { useLayoutEffect, useRef, useState } from "preact/hooks";

type Shown = { src: string; alt: string; index: number; count: number };

/** The page's pictures (their marks), in page order, leaving out the dialog's own. */
function pictures(dialog: HTMLDialogElement | null): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("[data-lightbox]")]
    .filter((mark) => !dialog?.contains(mark));
}

/** What a mark shows: its `data-lightbox` address, its link's, or its image's. */
function pictureOf(mark: HTMLElement): { src: string; alt: string } | null {
  const img = mark instanceof HTMLImageElement ? mark : mark.querySelector("img");
  const src = mark.dataset.lightbox || (mark instanceof HTMLAnchorElement ? mark.href : img?.src);
  return src ? { src, alt: img?.alt ?? "" } : null;
}

/** The element focus goes back to for a mark: the link or button holding it, else itself. */
const focusableOf = (mark: HTMLElement) =>
  (mark.closest("a, button") as HTMLElement | null) ?? mark;

export default function Lightbox() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  /** Shows the mark'th picture of the page; false when there is none to show. */
  function show(marks: HTMLElement[], index: number): boolean {
    const mark = marks[index];
    const picture = mark && pictureOf(mark);
    if (!picture) return false;
    opener.current = focusableOf(mark);
    setShown({ ...picture, index, count: marks.length });
    if (!dialog.current?.open) dialog.current?.showModal();
    return true;
  }

  /** Moves by `step` pictures (-1: previous, 1: next) from the one shown. */
  function go(step: number) {
    const marks = pictures(dialog.current);
    const at = marks.findIndex((m) => focusableOf(m) === opener.current);
    if (at >= 0) show(marks, at + step);
  }

  useLayoutEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const mark = (event.target as Element).closest?.("[data-lightbox]") as HTMLElement | null;
      if (!mark || dialog.current?.contains(mark)) return;
      const marks = pictures(dialog.current);
      if (show(marks, marks.indexOf(mark))) event.preventDefault();
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  // Focus the close button once the dialog opens with its image (it opened without content),
  // and when the button last pressed was disabled by the move (the first or the last picture).
  useLayoutEffect(() => {
    const active = document.activeElement as HTMLButtonElement | null;
    const lost = active === dialog.current || !dialog.current?.contains(active) ||
      active?.disabled;
    if (shown && lost) {
      dialog.current?.querySelector<HTMLElement>(".lightbox-close")?.focus();
    }
  }, [shown]);

  function onClose() {
    setShown(null);
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) back.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      return go(event.key === "ArrowLeft" ? -1 : 1);
    }
    if (event.key !== "Tab" || !dialog.current) return;
    const focusable = [
      ...dialog.current.querySelectorAll<HTMLElement>("a[href], button:not([disabled])"),
    ];
    const first = focusable[0], last = focusable[focusable.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.current.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.current.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={dialog}
      class="lightbox"
      aria-label={shown?.alt ? `Image: ${shown.alt}` : "Image"}
      onClose={onClose}
      onKeyDown={onKeyDown}
      onClick={(e) => e.target === dialog.current && dialog.current?.close()}
    >
      {shown && (
        <figure>
          <img src={shown.src} alt={shown.alt} />
          <p class="lightbox-about">
            {/* The alt text, for the eyes (a screen reader has it from the image). */}
            <span aria-hidden="true">{shown.alt}</span>
            {shown.count > 1 && ` · ${shown.index + 1} of ${shown.count}`}
          </p>
          <figcaption>
            {shown.count > 1 && (
              <button
                type="button"
                class="lightbox-step"
                disabled={shown.index === 0}
                onClick={() => go(-1)}
              >
                ‹ Previous
              </button>
            )}
            <a href={shown.src} target="_blank" rel="noopener">Open original</a>
            {shown.count > 1 && (
              <button
                type="button"
                class="lightbox-step"
                disabled={shown.index === shown.count - 1}
                onClick={() => go(1)}
              >
                Next ›
              </button>
            )}
            <button type="button" class="lightbox-close" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </figcaption>
        </figure>
      )}
    </dialog>
  );
}
