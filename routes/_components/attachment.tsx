import { attachmentDisplayName } from "../../lib/format/attachment_name.ts";
import { mediaClass } from "../../lib/media_types.ts";

/** A media file of the export, as the page links it. */
export interface FileView {
  url: string;
  contentType: string;
  size: number;
  /** A picture's size in pixels as drawn; null or absent when not known. */
  width?: number | null;
  height?: number | null;
}

/** The bounds of a photo's box in a bubble (CSS px), and the shortest side a box gets. */
export const PHOTO_BOUNDS = { width: 320, height: 400, least: 80 };

/**
 * The `width` and `height` a photo is drawn with: its own shape scaled to fit
 * {@link PHOTO_BOUNDS} (a small picture is scaled up, as before), so the browser reserves its
 * box before it loads (the CSP allows no inline style, and infinite scroll keeps the reader's
 * place by measuring). A side is never under `least` (a panorama's strip stays a target; the
 * picture is shown whole inside, `object-fit: contain`). Without a known size: 4:3, 320 × 240.
 *
 * @example
 * ```ts
 * photoBox({ width: 3024, height: 4032 }); // { width: 300, height: 400 }
 * photoBox({}); // { width: 320, height: 240 }
 * ```
 */
export function photoBox(size: { width?: number | null; height?: number | null }) {
  const { width: w, height: h } = size;
  if (!w || !h || w <= 0 || h <= 0) return { width: 320, height: 240 };
  const { width, height, least } = PHOTO_BOUNDS;
  const scale = Math.min(width / w, height / h);
  return {
    width: Math.max(least, Math.round(w * scale)),
    height: Math.max(least, Math.round(h * scale)),
  };
}

const STICKER = /(^STK-|-STICKER-).*\.webp$/i;
const VOICE = /(^PTT-|-AUDIO-).*\.(opus|ogg|m4a|aac|amr)$/i;
const GIF = /-GIF-|^VID-.*\.gif\.mp4$/i;

/** True for WhatsApp sticker files (shown small, without a bubble). */
export const isSticker = (name: string | null) => name !== null && STICKER.test(name);

/** "1.2 MB", "640 KB", "12 B". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let v = bytes / 1024, u = 0;
  while (v >= 1024 && u < units.length - 1) v /= 1024, u++;
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/**
 * The placeholder of media the export left out (or that is missing from the zip). iOS writes one
 * wording per kind, in the phone's language (`image omitted`, `Plan.pdf • 3 pages document
 * omitted`, `vídeo ocultado`): that `detail` is shown, as it tells what the medium was; Android's
 * bracketed `<Media omitted>` tells nothing more than "media" and stays in the tooltip.
 */
export function Omitted(props: { name?: string | null; what?: string; detail?: string }) {
  const told = props.detail && !props.detail.startsWith("<") ? props.detail : null;
  return (
    <p class="omitted" title={props.detail}>
      <span aria-hidden="true">{props.what === "Contact card" ? "👤" : "🖼️"}</span> {props.name
        ? (
          <>
            <span dir="auto">{attachmentDisplayName(props.name)}</span>{" "}
            — not included in this export
          </>
        )
        : told
        ? (
          <>
            <span dir="auto">{told}</span> — not included in this export
          </>
        )
        : <>{props.what ?? "Media"} not included in this export</>}
    </p>
  );
}

/** The download link under a player: the file's size, saved under its name. */
function MediaDownload(props: { name: string; file: FileView }) {
  const { file } = props;
  return (
    <a class="media-download" href={file.url} download={props.name}>
      Download{file.size > 0 && ` (${formatSize(file.size)})`}
    </a>
  );
}

/**
 * An attachment whose file is in the export: images (lazy, in a box of their own shape reserved
 * before they load, {@link photoBox}, so nothing jumps; `<a href>` is the no-JS lightbox,
 * `data-lightbox` marks it for the JS one; no file name shown), stickers, video, audio and
 * voice notes, and any other file as a download card. Names are shown and downloaded without
 * iOS's `00000002-` numbering (lib/format/attachment_name.ts).
 */
export function Attachment(props: {
  name: string;
  file: FileView;
  /** Who sent it and when ("from Ann, 3 May 2024, 14:02"): pictures' alt text. */
  from?: string;
}) {
  const { file } = props;
  const from = props.from ? ` ${props.from}` : "";
  const name = attachmentDisplayName(props.name);
  const kind = mediaClass(file.contentType);
  if (kind === "image" && STICKER.test(props.name)) {
    return (
      <img
        class="sticker"
        src={file.url}
        alt={`Sticker${from}`}
        data-kind="Sticker"
        width={160}
        height={160}
        loading="lazy"
        decoding="async"
      />
    );
  }
  if (kind === "image") {
    const box = photoBox(file);
    return (
      <a class="media image" href={file.url} data-lightbox="">
        <img
          src={file.url}
          alt={`Photo${from}`}
          data-kind="Photo"
          width={box.width}
          height={box.height}
          loading="lazy"
          decoding="async"
        />
      </a>
    );
  }
  if (kind === "video") {
    const gif = GIF.test(props.name);
    const player = (
      <video
        class={gif ? "media video gif" : "media video"}
        src={file.url}
        controls
        preload="metadata"
        width={320}
        height={180}
        loop={gif}
        muted={gif}
        playsInline
      >
        <a href={file.url} download={name}>Download the video</a>
      </video>
    );
    // Browsers play few of WhatsApp's formats (.mov, .3gp, HEVC): the file is always offered.
    return (
      <>
        {player}
        <MediaDownload name={name} file={file} />
      </>
    );
  }
  if (kind === "audio") {
    const voice = VOICE.test(props.name);
    return (
      <figure class={voice ? "audio voice" : "audio"}>
        <figcaption>
          <span aria-hidden="true">{voice ? "🎤" : "🎵"}</span>{" "}
          {voice ? "Voice message" : <span dir="auto">{name}</span>}
        </figcaption>
        <audio src={file.url} controls preload="none">
          <a href={file.url} download={name}>Download the audio</a>
        </audio>
        <MediaDownload name={name} file={file} />
      </figure>
    );
  }
  const ext = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toUpperCase() : "File";
  return (
    <a class="doc" href={file.url} download={name}>
      <span class="doc-icon" aria-hidden="true">📄</span>
      <span class="doc-name" dir="auto">{name}</span>
      <span class="doc-meta">
        {[ext, file.size > 0 && formatSize(file.size), "Download"].filter(Boolean).join(" · ")}
      </span>
    </a>
  );
}
