-- A picture's width and height in pixels as drawn (EXIF orientation applied), read at import
-- from the file's first bytes (lib/image_dimensions.ts), so a photo is shown in its own shape
-- with its box reserved before it loads. Null when unknown: files that are not pictures, ones
-- whose size could not be read, and everything imported before this migration (shown in the
-- 4:3 box as before, until a re-import). Forward-only: never edit after it lands; add 00014_…
alter table media add column width int, add column height int;
alter table media add constraint media_dimensions_check check (
  (width is null and height is null) or (width > 0 and height > 0));
