/// <reference lib="dom" />
// Images marked `data-lightbox` (the image, or the link around it) open large in a modal
// `<dialog>`: the page behind is inert, Tab stays inside, Escape or the close button or a click
// on the backdrop closes it, and focus goes back to what opened it. Works for images added
// later (infinite scroll) since clicks are caught on the document. Without JavaScript the link
// opens the image itself.
import { useLayoutEffect, useRef, useState } from "preact/hooks";

type Shown = { src: string; alt: string };

export default function Lightbox() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  useLayoutEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const mark = (event.target as Element).closest?.("[data-lightbox]") as HTMLElement | null;
      if (!mark || dialog.current?.contains(mark)) return;
      const img = mark instanceof HTMLImageElement ? mark : mark.querySelector("img");
      const src = mark.dataset.lightbox ||
        (mark instanceof HTMLAnchorElement ? mark.href : img?.src);
      if (!src) return;
      event.preventDefault();
      opener.current = (mark.closest("a, button") as HTMLElement | null) ?? mark;
      setShown({ src, alt: img?.alt ?? "" });
      if (!dialog.current?.open) dialog.current?.showModal();
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  // Focus the close button once the image is rendered (the dialog opened without content).
  useLayoutEffect(() => {
    if (shown) dialog.current?.querySelector<HTMLElement>(".lightbox-close")?.focus();
  }, [shown]);

  function onClose() {
    setShown(null);
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) back.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Tab" || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>("a[href], button")];
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
          <figcaption>
            <a href={shown.src} target="_blank" rel="noopener">Open original</a>
            <button type="button" class="lightbox-close" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </figcaption>
        </figure>
      )}
    </dialog>
  );
}
