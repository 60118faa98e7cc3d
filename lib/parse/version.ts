/**
 * The parser's version, stored with every import (`imports.parser_version`). Bump it when the
 * parser reads some export differently: stored originals parsed by an older version are then
 * re-parsed (worker/reparse.ts) without the user uploading again.
 */
export const PARSER_VERSION = 8;

// History:
// 8 (session 9, real exports from public repositories): old iOS `<Contact card omitted>` (in
//   angle brackets, like that era's `<image omitted>`) is a `contact` message, was text. A zip
//   holding another chat's export as a document (two chat file names) is read as the chat the
//   zip's name tells, not the shorter name's (same session, not released between).
// 7 (session 9, adversarial review): in an iOS export, the Android attachment form needs a listed
//   keyword (a typed `report.pdf (final)` is text, not an attachment `report.pdf`).
// 6 (session 8): a header going back in time while the date order is unknown is held, not
//   refused: kept as a message when the settled order allows its date (two exports joined in one
//   file, June then March), put back into the text of the message before it when it does not (a
//   pasted `01/25/2023` in a day-first chat); an iOS attachment's name may hold `<…>` pairs
//   (`<attached: Report <final>.pdf>`); an iOS body that is only U+200E and the edited marker is
//   the sender's emptied text, not a system line; a call row listed for two languages (cs/sk
//   `Zmeškaný videohovor`) votes for neither; a bare H31 file (`13. 6. 2018. 21:25:15 a: m`) is
//   no longer turned into Android by one Android-looking body line.
// 5 (session 7): group admins' deletions (`This message was deleted by admin ~Ann.`, `… by an
//   admin`, 14 languages; the name shaped like one) are `deleted` with their sender; Android's
//   call rows of 60 languages (one list, wordings_calls.ts) and group calls are system lines, as
//   English missed calls were, written as listed only; iOS call rows need their U+200E (a typed
//   `Missed voice call` in an iOS file is text); detection votes on up to 500 header-like lines,
//   ending at the same line however the stream is cut, the file's first line weighing 250 (pasted
//   messages of another format no longer outvote the file), and a header going back in time
//   cannot settle the date order (a pasted `01/25/2023`
//   in a day-first 2024 chat); an unlisted English iOS placeholder after U+200E (`‎View once
//   photo omitted`) is media from its sender, not a system line; the edited marker in ru, pl,
//   ro, ar, id, fi; UTF-16 without a byte-order mark is read; a line over 16 Mi characters is
//   refused.
// 4 (session 6, from running the parser on real exports found in public repositories and issue
//   threads, then an adversarial review of the change): a straight `"` between Hebrew letters
//   (an acronym, `ד"ר כהן`) is no quote, so such authors are no system lines; iOS placeholders
//   after a title without a page count are media when the title ends like a file name (`main.py
//   document omitted`) or U+200E precedes the placeholder (`Nice one. ‎afbeelding weggelaten`),
//   not a sentence ending with the words; Android `<Media omitted>` followed by the document's
//   name is media; a maps URL after a known label (also with spaces or combining marks: `Vị trí`),
//   a single word or a venue `Name (City, Country)` is a location (no other URL is); polls in
//   scripts without case, one vote in words, a vote count somewhere; the edited marker opened by
//   `‹`; `Waiting for this message` keeps its sender; wordings (deleted, omitted media, contact
//   card, live location, location labels, notices, a few events) of 49 more languages from
//   WhatsApp's own string lists and real exports, and older end-to-end notices; `‹…>` forms of
//   every bracketed placeholder; German 12-hour day periods (`9:00 abends`; not in old iOS or
//   H31 files); Japanese era
//   years (`3/18/R4`) and Buddhist Era years (`2565 BE`, or any 4-digit year from 2400) read as
//   Gregorian; an iOS notice after a chat name stays system whatever its last characters;
//   Android call rows (`Sumaira: Missed voice call`) and `Name: You turned on disappearing
//   messages.` are system; a wording followed by empty lines keeps its kind (and the lines).
// 3 (session 5): a header must have the file's seconds (present or not) and year length, else it
//   is a continuation (a pasted `[13/01/2023, 09:00] Dentist` in an iOS file), when 3 in 4 of
//   the first 16 headers agree on them (else both shapes are read, as before); an Android
//   attachment keyword of an unknown language is learned from a WhatsApp-shaped name and then
//   accepted for any file name with an extension; an iOS system line with `: ` after a marked
//   actor loses its marks; more real wordings (fr/it/pt-PT iOS placeholders, it/tr/pt-PT Android
//   media omitted, nl/pt deletions, admin deletion, live location in de/fr/pt/tr); the Korean
//   24-hour `23. 11. 3.` is year-first; zh-HK `15/1/2024 上午9:16` (AM/PM word first, 4-digit year
//   last) is day-first; zh-TW day periods (凌晨, 中午, 晚上…); a non-English AM/PM word falls
//   back to DMY; a `[` + Arabic-Indic digits line that cannot be placed is counted; Vietnamese
//   headers with the time before the date (`14:05 15/1/24 - `, `[14:05:00 15/1/24] `) are read
//   (a time-first format needs 3× the votes of a date-first one to win); bg `3.11.23 г., 9:15`;
//   fr-CA `21 h 40` (`21 h 40 min 09 s`); the 12-hour words of CLDR locales that default to 24
//   hours (sv fm/em, tr ÖÖ/ÖS, pt-PT da manhã/da tarde, uk дп/пп, cs, sl, fi, hu, lt, lv, bg, fa,
//   am) — a sweep of 69 Intl locales' short formats, 12- and 24-hour, now parses every one
//   (fa's Persian calendar and th's Buddhist years come out as written).
// 2 (session 4): an iOS user line ending in `: ` + U+200E + a tag keeps its author; an unknown
//   Android attachment keyword needs a media/document extension; the caption after an iOS tag keeps
//   its line break; a poll needs two options or more ending the body; U+061C leaves authors;
//   Hebrew `<המדיה לא נכללה>`; a zip's chat is sniffed by content when its name is unknown; a
//   header-like line with an impossible time (`25:00`) is counted as unplaced.
// 1: the first release.
