/// <reference lib="dom" />
/**
 * Pictures the browser cannot show (a damaged file, a format it does not read) would leave its
 * broken-image box: each becomes a card that says so and downloads the file instead. Photos,
 * stickers and gallery tiles alike (a sticker has no link of its own to its file). Without
 * JavaScript the box and its alt text stay.
 *
 * @module
 */

/** The pictures of messages, stickers and gallery tiles (not avatars or icons). */
const PICTURES = ".media.image img, img.sticker, .tile .thumb img";

/** Replaces `img` (or the link around it) with the card. */
function showBroken(img: HTMLImageElement): void {
  if (!img.isConnected || !img.matches(PICTURES) || !img.currentSrc && !img.src) return;
  const download = new URL(img.currentSrc || img.src, location.href);
  download.searchParams.set("download", "1");
  const card = document.createElement("a");
  card.className = "broken-picture";
  card.href = download.pathname + download.search;
  const icon = document.createElement("span");
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = "🖼️";
  // The kind ("Photo", "Sticker") is the picture's data-kind; who and when (its alt text) are
  // beside it on screen already, so they are only spoken.
  const alt = img.alt || "Picture";
  const kind = img.dataset.kind || "Picture";
  const spoken = document.createElement("span");
  spoken.className = "sr-only";
  spoken.textContent = ` (${alt})`;
  card.append(icon, ` ${kind} cannot be shown here. Download the file`, spoken);
  (img.closest("a") ?? img).replaceWith(card);
}

/**
 * Watches for pictures failing to load (now and later: infinite scroll adds more), and
 * replaces those that failed before this ran.
 */
export function replaceBrokenPictures(doc: Document): void {
  doc.addEventListener("error", (event) => {
    if (event.target instanceof HTMLImageElement) showBroken(event.target);
  }, true);
  for (const img of doc.querySelectorAll<HTMLImageElement>(PICTURES)) {
    if (img.complete && img.naturalWidth === 0) showBroken(img);
  }
}
