/**
 * A deterministic generator of realistic WhatsApp exports, and {@link renderMessage}: how WhatsApp
 * writes one {@link Message} in each layout (FORMAT.md), so this file is also the rendering spec.
 *
 * Decisions (the brief left these open):
 * - Per layout × date order × clock, one realistic locale shape is rendered: Android DMY
 *   `06/03/2017, 00:45`, MDY `1/4/23, 7:02 PM`, YMD `2023-12-20, 5:46 p.m.`; iOS `[06/03/2017, …:SS]`,
 *   `[1/4/23, …]`, `[2023/12/20, …]`; old iOS `06.03.17, 00:45:10: `, `1/4/23, …: `, `2023-12-20, …: `.
 *   12h markers: MDY `AM/PM`, DMY `am/pm` (en-IN/en-AU), YMD `a.m./p.m.` (en-CA); U+202F before
 *   them except old iOS (plain space, it predates 2023).
 * - Message semantics (what the parser must give back): Android times have `:00` seconds; media
 *   `text` is the caption ("" when none; iOS captions are separate messages with the same time);
 *   omitted media are kind "media" (iOS contact cards "contact"), attachment null, with the
 *   placeholder as `text` (`<Media omitted>`, `image omitted`); deleted, poll and location
 *   messages keep the visible wording too; U+200E is never part of `text`; `author` has bidi controls removed, while
 *   the rendering wraps phone numbers in U+202A…U+202C as WhatsApp does.
 * - iOS: U+200E starts every generated body (system, media, deleted, location, edited marker) and
 *   the line of media messages; system lines are attributed to the chat name; CRLF line endings.
 * - `hard: true` adds parser traps: BOM, a system text with `": "`, names with `:`, continuation
 *   lines starting with a date, edited multi-line messages, empty bodies.
 */
import type { Clock, DateOrder, Layout, Message } from "./types.ts";

/** Seeded PRNG (mulberry32) with helpers. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** Creates a {@link Rng}; the same seed gives the same sequence. */
export function createRng(seed: number): Rng {
  let a = (seed * 2654435761) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

/** How an export is written. */
export interface RenderStyle {
  layout: Layout;
  dateOrder: DateOrder;
  clock: Clock;
  /** iOS system lines are attributed to it. Default `Book club`. */
  chatName?: string;
}

const LRM = "\u200E";
const p2 = (n: number) => String(n).padStart(2, "0");

/** The header up to the author (`06/03/2017, 00:45 - `, `[…] `, `…: `) for a Message date. */
export function renderHeader(date: string, style: RenderStyle): string {
  const [y, mo, d, h, mi, s] = date.split(/[-T:]/).map(Number);
  const { layout, dateOrder } = style;
  const yy = p2(y % 100);
  const ymdSep = layout === "ios" ? "/" : "-";
  const day = dateOrder === "YMD"
    ? `${y}${ymdSep}${p2(mo)}${ymdSep}${p2(d)}`
    : dateOrder === "MDY"
    ? `${mo}/${d}/${yy}`
    : layout === "ios-old"
    ? `${p2(d)}.${p2(mo)}.${yy}`
    : `${p2(d)}/${p2(mo)}/${y}`;
  const sec = layout === "android" ? "" : `:${p2(s)}`;
  let time = `${p2(h)}:${p2(mi)}${sec}`;
  if (style.clock === "12h") {
    const [am, pm] = dateOrder === "MDY"
      ? ["AM", "PM"]
      : dateOrder === "DMY"
      ? ["am", "pm"]
      : ["a.m.", "p.m."];
    const space = layout === "ios-old" ? " " : "\u202F";
    time = `${h % 12 === 0 ? 12 : h % 12}:${p2(mi)}${sec}${space}${h < 12 ? am : pm}`;
  }
  if (layout === "android") return `${day}, ${time} - `;
  return layout === "ios" ? `[${day}, ${time}] ` : `${day}, ${time}: `;
}

/** Phone numbers are wrapped in LEFT-TO-RIGHT EMBEDDING … POP DIRECTIONAL FORMATTING. */
const renderAuthor = (a: string) => /^\+[\d ]+$/.test(a) ? `\u202A${a}\u202C` : a;

/**
 * Renders one message as WhatsApp writes it, each line ended by the layout's line ending (LF on
 * Android, CRLF on iOS).
 *
 * @example
 * ```ts
 * renderMessage({ date: "2017-03-06T00:45:00", author: "Ann", text: "hi", kind: "text",
 *   attachment: null, edited: false }, { layout: "android", dateOrder: "DMY", clock: "24h" });
 * // "06/03/2017, 00:45 - Ann: hi\n"
 * ```
 */
export function renderMessage(m: Message, style: RenderStyle): string {
  const { layout } = style;
  const ios = layout === "ios";
  const nl = layout === "android" ? "\n" : "\r\n";
  const mark = ios ? LRM : "";
  let body: string;
  let lead = "";
  if ((m.kind === "media" || m.kind === "contact") && m.attachment !== null) {
    lead = ios ? LRM : "";
    body = layout === "android"
      ? `${m.attachment} (file attached)`
      : ios
      ? `${LRM}<attached: ${m.attachment}>`
      : `${m.attachment} <${LRM}attached>`;
    if (m.text !== "") body += "\n" + m.text;
  } else if (m.kind === "text") {
    body = m.text;
  } else {
    if (m.kind === "media" || m.kind === "contact") lead = mark;
    body = mark + m.text;
  }
  if (m.edited) body += ` ${mark}<This message was edited>`;
  const who = m.author !== null
    ? `${renderAuthor(m.author)}: `
    : ios
    ? `${style.chatName ?? "Book club"}: `
    : "";
  const line = lead + renderHeader(m.date, style) + who + body;
  return (nl === "\n" ? line : line.replaceAll("\n", nl)) + nl;
}

// ---- content ----------------------------------------------------------------------------------

/** 20 participants: accents, RTL scripts, emoji, ` - `, a phone number, `~ ` non-contact. */
export const PARTICIPANTS: readonly string[] = ("Ann|Bob Smith|Carla Méndez|Dmitri Ivanov|Eve 🤓|" +
  "محمد علي|דנה כהן|Fatima Zahra|Giovanni Rossi|Hana Sato|Ops - Night Shift|Dr. Who|Jean-Luc|" +
  "Kim O'Neil|Lena (work)|+1 555 0100|~ Dicle|Mia|Noah|Zoë").split("|");
const WORDS = ("the a to and you I it is for on that this we be at with have are not just so " +
  "ok yes no what when tomorrow today dinner meeting train late sorry thanks great sounds good " +
  "see later home work call me can we maybe tonight weekend photo look at lol haha coffee party " +
  "birthday game running soon leaving now done 10 3pm 8:30 café niño über naïve").split(" ");
const EMOJI = "😂 👍 ❤️ 🙏 🎉 😅 👨‍👩‍👧‍👦 🏳️‍🌈 👩🏽‍💻 🤷‍♂️ 👋🏼 🇪🇸".split(" ");
const RTL = ["مرحبا، كيف حالك؟", "أراك غداً إن شاء الله", "שלום, מה שלומך?", "נתראה מחר בבוקר 🙂"];
const SYSTEM =
  ("Messages and calls are end-to-end encrypted. No one outside of this chat, not even " +
    'WhatsApp, can read or listen to them. Tap to learn more.|You created group "Book club"|' +
    "Ann added Bob Smith|Noah left|Mia removed Zoë|Ann changed this group's icon|" +
    "Jean-Luc joined using this group's invite link").split("|");
const DOCS = ["Q1 Budget Review.pdf", "notes (final).v2.docx", "Plan 2024.xlsx"];

/** Options of {@link generateMessages} and {@link generateExport}. */
export interface GenerateOptions extends RenderStyle {
  /** Number of messages. */
  messages: number;
  seed: number;
  /** How many of {@link PARTICIPANTS} (default 20), or the names themselves. */
  participants?: number | string[];
  /** First message time, `YYYY-MM-DDTHH:MM:SS`; default derived from the seed. */
  start?: string;
  /** Largest gap between two messages in seconds (default 3 days). */
  maxGapSeconds?: number;
  /** "with" attaches files (a "with media" export), "without" omits them; default "mixed". */
  media?: "with" | "without" | "mixed";
  /** Add parser traps (see the top of the file). */
  hard?: boolean;
  /** Gaps between messages: "busy" (default, a lively group) or "sparse" (uniform up to max). */
  gaps?: "busy" | "sparse";
}

const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 19);

/** Streams the Messages of an export (never holds them all); exactly `messages` of them. */
export function* generateMessages(o: GenerateOptions): Generator<Message> {
  const rng = createRng(o.seed);
  const names = Array.isArray(o.participants)
    ? o.participants
    : PARTICIPANTS.slice(0, o.participants ?? 20);
  const ios = o.layout !== "android";
  let t = o.start
    ? Date.parse(o.start + "Z") / 1000
    : Date.UTC(2019 + rng.int(3), rng.int(12), 1 + rng.int(28), rng.int(24)) / 1000;
  const maxGap = o.maxGapSeconds ?? 3 * 86400;
  let mediaCount = 0;
  let caption: Message | null = null;
  const words = (n: number) => Array.from({ length: n }, () => rng.pick(WORDS)).join(" ");
  for (let i = 0; i < o.messages; i++) {
    if (caption !== null) {
      yield caption;
      caption = null;
      continue;
    }
    if (i > 0) t += gap(rng, maxGap, o.gaps ?? "busy");
    if (o.layout === "android") t -= t % 60;
    const date = iso(t);
    const m: Message = {
      date,
      author: rng.pick(names),
      text: "",
      kind: "text",
      attachment: null,
      edited: false,
    };
    const r = rng.next();
    if (i === 0 || r < 0.012) {
      m.author = null;
      m.kind = "system";
      m.text = i === 0 ? SYSTEM[0] : rng.pick(SYSTEM);
      if (o.hard && rng.chance(0.3)) {
        m.text = 'Ann changed the subject from "Club: 23" to "Club: 24"';
      }
      if (ios) m.text = m.text.replace(" Tap to learn more.", "");
    } else if (r < 0.1) {
      m.kind = rng.chance(0.05) ? "contact" : "media";
      const file = (m.kind === "contact" && o.layout !== "ios") || o.media === "with" ||
        (o.media !== "without" && rng.chance(0.5));
      if (file) m.attachment = mediaName(rng, date, ++mediaCount, o.layout, m.kind === "contact");
      else m.text = omitted(rng, o.layout, m.kind === "contact");
      if (file && !ios && rng.chance(0.3)) m.text = words(1 + rng.int(6));
      if (file && ios && rng.chance(0.3)) {
        caption = { ...m, kind: "text", attachment: null, text: words(3) };
      }
    } else if (r < 0.12) {
      m.kind = "deleted";
      m.text = (rng.chance(0.2) ? "You deleted this message" : "This message was deleted") +
        (ios ? "." : "");
    } else if (r < 0.124) {
      m.kind = "poll";
      m.text = `POLL:\n${words(4)}?\nOPTION: ${words(2)} (2 votes)\nOPTION: ${words(2)} (1 vote)`;
    } else if (r < 0.13) {
      m.kind = "location";
      const q = `${(rng.next() * 180 - 90).toFixed(6)},${(rng.next() * 360 - 180).toFixed(6)}`;
      m.text = `${ios ? "Location" : "location"}: https://maps.google.com/?q=${q}`;
    } else {
      m.text = textBody(rng, words, !!o.hard);
      m.edited = m.text !== "" && rng.chance(0.03);
    }
    if (o.hard && m.author !== null && rng.chance(0.02)) m.author = "Team:A";
    if (o.hard && m.kind === "text" && !m.edited && rng.chance(0.02)) m.text = "";
    yield m;
  }
}

/** The wording of an omitted media file, as the message text (FORMAT.md §5.3). */
function omitted(rng: Rng, layout: Layout, contact: boolean): string {
  if (layout === "android") return "<Media omitted>";
  const what = contact ? "Contact card" : rng.pick(["image", "video", "audio", "sticker", "GIF"]);
  return layout === "ios" ? `${what} omitted` : `<${what} omitted>`;
}

/** "busy": mostly seconds to minutes apart (1M messages span ~8 years); "sparse": uniform. */
function gap(rng: Rng, maxGap: number, gaps: "busy" | "sparse"): number {
  if (gaps === "sparse") return rng.int(maxGap + 1);
  const r = rng.next();
  return rng.int(r < 0.979 ? 180 : r < 0.999 ? 3600 : maxGap) + 1;
}

function textBody(rng: Rng, words: (n: number) => string, hard: boolean): string {
  const r = rng.next();
  if (r < 0.04) return rng.pick(EMOJI) + rng.pick(EMOJI);
  if (r < 0.07) return rng.pick(RTL);
  if (r < 0.14) {
    const lines = Array.from({ length: 2 + rng.int(4) }, () => words(1 + rng.int(8)));
    if (rng.chance(0.3)) lines.splice(1, 0, "");
    if (hard && rng.chance(0.3)) lines.splice(1, 0, "26/09/2022 09:00 dentist", "[1/2/23 ok]");
    return lines.join("\n");
  }
  const text = words(3 + rng.int(18));
  return rng.chance(0.15) ? `${text} ${rng.pick(EMOJI)}` : rng.chance(0.1) ? `Note: ${text}` : text;
}

function mediaName(rng: Rng, date: string, n: number, layout: Layout, contact: boolean): string {
  const seq = String(n).padStart(8, "0");
  if (contact) return layout === "android" ? "Jane Doe.vcf" : `${seq}-Jane Doe.vcf`;
  const [type, ext] = rng.pick(MEDIA_TYPES);
  if (type === "DOC") return layout === "android" ? rng.pick(DOCS) : `${seq}-${rng.pick(DOCS)}`;
  if (layout === "ios") return `${seq}-${type}-${date.replace(/[T:]/g, "-")}.${ext}`;
  if (layout === "ios-old") return `${date.slice(0, 10)}-${type}-${seq}.${ext}`;
  const prefix = { PHOTO: "IMG", VIDEO: "VID", AUDIO: "PTT", STICKER: "STK" }[type];
  return `${prefix}-${date.slice(0, 10).replaceAll("-", "")}-WA${seq.slice(4)}.${ext}`;
}

const MEDIA_TYPES = [
  ["PHOTO", "jpg"],
  ["PHOTO", "jpg"],
  ["VIDEO", "mp4"],
  ["AUDIO", "opus"],
  ["STICKER", "webp"],
  ["DOC", ""],
] as const;

/** A generated export: its text as a stream, and (for small counts) the Messages rendered. */
export interface GeneratedExport {
  /** The export text in chunks of about 64 KiB. */
  text(): AsyncIterable<string>;
  /** The same as UTF-8 bytes. */
  bytes(): AsyncIterable<Uint8Array>;
  /** The Messages rendered, in order; refused above 200,000 messages. */
  messages(): Message[];
}

/**
 * Generates a realistic export, streamed; the same options give the same bytes.
 *
 * @example
 * ```ts
 * const gen = generateExport({ messages: 1000, layout: "ios", dateOrder: "DMY", clock: "24h", seed: 1 });
 * for await (const chunk of gen.bytes()) await file.write(chunk);
 * ```
 */
export function generateExport(options: GenerateOptions): GeneratedExport {
  async function* text(): AsyncIterable<string> {
    let buf = options.hard ? "\uFEFF" : "";
    for (const m of generateMessages(options)) {
      buf += renderMessage(m, options);
      if (buf.length >= 65536) {
        yield buf;
        buf = "";
      }
    }
    if (buf !== "") yield buf;
  }
  return {
    text,
    async *bytes() {
      const enc = new TextEncoder();
      for await (const s of text()) yield enc.encode(s);
    },
    messages() {
      if (options.messages > 200_000) throw new RangeError("messages() is for small exports");
      return [...generateMessages(options)];
    },
  };
}
