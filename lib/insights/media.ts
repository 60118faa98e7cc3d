/**
 * Media types of messages, decided in SQL from the kind, the attachment's file name (WhatsApp
 * names files by type: Android `IMG-…`, `PTT-…`, iOS `…-PHOTO-…`, `…-STICKER-…`) and, for
 * media left out of the export, the placeholder's wording ("image omitted").
 *
 * @module
 */

/** The media types, in display order; `other` is omitted media of unknown type. */
export const MEDIA_TYPES = [
  "image",
  "video",
  "audio",
  "voice",
  "sticker",
  "document",
  "contact",
  "location",
  "other",
] as const;

/** One of {@link MEDIA_TYPES}. */
export type MediaType = typeof MEDIA_TYPES[number];

/** Counts by media type. */
export type MediaCounts = Record<MediaType, number>;

/** Display labels of the media types. */
export const MEDIA_LABELS: Record<MediaType, string> = {
  image: "Images",
  video: "Videos and GIFs",
  audio: "Audio files",
  voice: "Voice notes",
  sticker: "Stickers",
  document: "Documents",
  contact: "Contacts",
  location: "Locations",
  other: "Other media",
};

/**
 * SQL expression over a `messages` row giving its media type, or null for a message without
 * media. Constant text (no user input): safe to splice with `sql.unsafe`.
 */
export const MEDIA_TYPE_SQL = `case
  when kind = 'location' then 'location'
  when kind = 'contact' then 'contact'
  when kind <> 'media' then null
  when attachment is null then case
    when text ~* 'sticker' then 'sticker'
    when text ~* 'video|gif' then 'video'
    when text ~* 'image|photo|imagen|imagem|bild|immagine|afbeelding|foto|görsel|resim' then 'image'
    when text ~* 'audio|áudio' then 'audio'
    when text ~* 'document|dokument|belge' then 'document'
    else 'other' end
  when attachment ~* '^PTT-|-PTT-|\\.opus$' then 'voice'
  when attachment ~* '^STK-|-STICKER-|\\.webp$' then 'sticker'
  when attachment ~* '^IMG-|-PHOTO-|\\.(jpe?g|png|gif|heic|heif|bmp)$' then 'image'
  when attachment ~* '^VID-|-VIDEO-|-GIF-|\\.(mp4|mov|3gp|mkv|webm|avi)$' then 'video'
  when attachment ~* '^AUD-|-AUDIO-|\\.(mp3|m4a|aac|amr|wav|ogg|flac)$' then 'audio'
  when attachment ~* '\\.vcf$' then 'contact'
  else 'document' end`;
