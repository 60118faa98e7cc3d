// Content types of the files WhatsApp exports, by extension. Unknown files are served as
// application/octet-stream (downloaded, never rendered): nothing uploaded can become HTML.
const TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  mp4: "video/mp4",
  mov: "video/quicktime",
  "3gp": "video/3gpp",
  opus: "audio/ogg",
  ogg: "audio/ogg",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  aac: "audio/aac",
  amr: "audio/amr",
  wav: "audio/wav",
  pdf: "application/pdf",
  vcf: "text/vcard",
  txt: "text/plain; charset=utf-8",
};

/** The content type to store and serve a media file with. */
export function contentTypeFor(name: string): string {
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  return TYPES[ext] ?? "application/octet-stream";
}

/** The broad class of a media file, for rendering. */
export function mediaClass(contentType: string): "image" | "video" | "audio" | "file" {
  if (contentType.startsWith("image/") && contentType !== "image/heic") return "image";
  if (contentType.startsWith("video/")) return "video";
  if (contentType.startsWith("audio/")) return "audio";
  return "file";
}
