/**
 * Conservation of lines in MALFORMED exports (the product promise: nothing a user uploads is
 * silently dropped). Seeded random exports of one header format per file (every layout × date
 * order × clock, with the joiners, separators and AM/PM spellings of FORMAT.md §2) mix valid
 * headers, continuation lines and junk: lines that start like a date or a time but are no header,
 * digits and separators, `": "`, `[`, bidi marks, blank and whitespace-only lines, header-shaped
 * lines with an impossible date or time or of another layout, lines before the first header;
 * CRLF/LF/lone-CR/mixed line ends, a BOM, a missing final line break.
 *
 * The property: every non-blank input line (invisible marks removed) is accounted for exactly
 * once, in file order — either it was read as a header (its date and author are the message's,
 * its body's first line begins the message's text) or it is, verbatim, the next non-blank line of
 * the message it follows (the preamble's: of a leading system message). Besides: one message per
 * valid header (plus the leading one), `unplacedLines` counts the preamble's lines and the
 * header-shaped junk, and the whole output equals a line model (blank lines included), also when
 * the text reaches the parser in slices cut anywhere (messages spanning blocks).
 *
 * Random bodies stay away from WhatsApp's wordings (no `<…>`, `(…)`, `omitted`, `POLL:`, URLs,
 * notices, a leading U+200E on iOS), so every message is `text` or `system`, but for two accounted
 * for: an Android `name (file attached)` line (then `attachment`, the caption after it) and the
 * edited marker ending a message's last line (any line). On failure the message names the style,
 * the seed and a reproduction shrunk to the lines that still fail.
 */
import assert from "node:assert/strict";
import { ChatParser } from "./core.ts";
import { createRng, renderHeader, type Rng } from "./generate.ts";
import { LineBlocks } from "./lines.ts";
import { parseChat, parseString } from "./parser.ts";
import type { Clock, DateOrder, Layout, Message, ParseOptions, ParseSummary } from "./types.ts";

/** Seeds per style (18 styles); `CONSERVATION_SEEDS=20000` for a long hunt (~2 min). */
const SEEDS = Number(Deno.env.get("CONSERVATION_SEEDS") ?? 500);

const LAYOUTS: Layout[] = ["android", "ios", "ios-old"];
const ORDERS: DateOrder[] = ["DMY", "MDY", "YMD"];
const CLOCKS: Clock[] = ["24h", "12h"];

interface Style {
  layout: Layout;
  dateOrder: DateOrder;
  clock: Clock;
}

/** How one file writes its headers (one locale formatter: fixed within the file). */
interface Shape {
  sep: string;
  joiner: string;
  year4: boolean;
  padDay: boolean;
  padMonth: boolean;
  padHour: boolean;
  timeSep: string;
  seconds: boolean;
  /** 12-hour markers and the space before them. */
  am: string;
  pm: string;
  space: string;
  /** H32: a dot after the time (`13:01. - `). */
  dot: boolean;
  /** H34: the AM/PM word before the time (ko/zh/ja), `space` after it. */
  markerBefore: boolean;
  /** H34 ko: a dot after the date (`2023. 1. 5. 오후 3:04`). */
  dateDot: boolean;
  /** H33: Arabic-Indic digits. */
  arabic: boolean;
}

/** One input line and what it is. */
interface Line {
  /** As written, marks included, without its line break. */
  text: string;
  /** Its line break: `\n`, `\r\n` or `\r`. */
  eol: string;
  /** What the generator made it (for reports). */
  what: string;
  /**
   * A valid header: the message it opens; `first`, its body's first line (marks removed), or
   * null when that line is an attachment (Android `name (file attached)`: the text is the caption).
   */
  header?: { date: string; author: string | null; first: string | null; attachment?: string };
  /**
   * The edited marker appended to the line: removed when the line ends its message (WhatsApp's
   * place for it), else plain text.
   */
  edit?: string;
  /** A header-shaped line that does not fit the file: counted in `unplacedLines`. */
  counted?: boolean;
}

interface Case {
  style: Style;
  seed: number;
  shape: Shape;
  lines: Line[];
  bom: boolean;
  /** The last line ends with a line break. */
  final: boolean;
}

const MARKS_G = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const strip = (s: string) => s.replace(MARKS_G, "");
const blank = (s: string) => !/\S/.test(strip(s));
const p2 = (n: number) => String(n).padStart(2, "0");

// ---- the generator -------------------------------------------------------------------------

/** Header shapes per style, from FORMAT.md §2.1 (H1–H30). */
function pickShape(rng: Rng, s: Style): Shape {
  const h12 = s.clock === "12h";
  const shape: Shape = {
    sep: "/",
    joiner: ", ",
    year4: true,
    padDay: true,
    padMonth: true,
    padHour: !h12,
    timeSep: ":",
    seconds: s.layout !== "android",
    am: "AM",
    pm: "PM",
    space: " ",
    dot: false,
    markerBefore: false,
    dateDot: false,
    arabic: false,
  };
  if (s.dateOrder === "YMD") {
    shape.sep = rng.pick(["/", "-"]); // H8, H9, H10, H29
  } else if (s.dateOrder === "MDY") {
    shape.year4 = rng.chance(0.2); // H3, H4, H19
    shape.padDay = shape.padMonth = rng.chance(0.2);
  } else {
    shape.sep = rng.pick(["/", "/", ".", "-"]); // H1, H11, H16, H22, H27
    shape.year4 = rng.chance(0.6);
    shape.padDay = rng.chance(0.7);
    shape.padMonth = shape.padDay || rng.chance(0.5); // H26: `5.05.2017`
  }
  shape.joiner = rng.pick([", ", ", ", " "]); // H6, H14, H15, H24–H27: no comma
  if (h12) {
    [shape.am, shape.pm] = rng.pick([
      ["AM", "PM"],
      ["am", "pm"],
      ["a.m.", "p.m."], // H8, H21
      ["a.\u00A0m.", "p.\u00A0m."], // H6
      ["a. m.", "p. m."], // H7
    ]);
    // U+202F since 2023 (H3, H18), a plain space before (H4), NBSP (es)
    shape.space = s.layout === "ios-old" ? " " : rng.pick([" ", "\u202F", "\u00A0"]);
    shape.padHour = rng.chance(0.2); // H16: `01.55 PM`
  } else if (s.layout === "android" && s.dateOrder === "DMY" && rng.chance(0.3)) {
    // H12 fi `31.5.2019 klo 16.58`, H13 fr `12/07/2017 à 22:35`
    if (rng.chance(0.5)) Object.assign(shape, { joiner: " klo ", sep: ".", timeSep: "." });
    else shape.joiner = " à ";
  }
  if (rng.chance(0.15)) shape.timeSep = "."; // H12, H14, H16, H30
  if (s.layout === "android" && rng.chance(0.1)) shape.seconds = true; // H12 (klo 21.25.15)
  if (s.layout === "android" && s.dateOrder === "YMD" && rng.chance(0.15)) shape.dot = true; // H32
  if (s.layout === "ios-old" || !rng.chance(0.15)) return shape;
  if (h12 && s.dateOrder === "YMD") {
    // H34 [C]: ko `2023. 1. 5. 오후 3:04`, zh `2023/1/5 下午3:04`, ja `2023/01/05 午後3:04`
    const [sep, dateDot, am, pm, space] = rng.pick(
      [
        [". ", true, "오전", "오후", " "],
        ["/", false, "上午", "下午", ""],
        ["/", false, "午前", "午後", ""],
      ] as const,
    );
    Object.assign(shape, { sep, dateDot, am, pm, space, joiner: " ", markerBefore: true });
    shape.padDay = shape.padMonth = sep === "/" && rng.chance(0.5);
    shape.timeSep = ":", shape.dot = false;
  } else if (s.dateOrder === "DMY") {
    // H33: `١٢/٠١/٢٠٢٣، ١٠:٠٥ م - `
    Object.assign(shape, { arabic: true, sep: "/", joiner: "\u060C ", am: "ص", pm: "م" });
    shape.space = " ", shape.timeSep = ":", shape.year4 = true;
  }
  return shape;
}

/** `DATE<joiner>TIME[ marker]` of the shape (the time's numbers as given, unchecked). */
function stamp(shape: Shape, s: Style, n: number[]): string {
  const [y, mo, d, h, mi, sec] = n;
  const year = shape.year4 ? String(y) : p2(y % 100);
  const day = shape.padDay ? p2(d) : String(d), month = shape.padMonth ? p2(mo) : String(mo);
  const parts = s.dateOrder === "YMD"
    ? [year, month, day]
    : s.dateOrder === "MDY"
    ? [month, day, year]
    : [day, month, year];
  let hour = h;
  // (An hour of 100 and more is written as `hour - 100`: an impossible 12-hour time.)
  if (s.clock === "12h") hour = h >= 100 ? h - 100 : h % 12 === 0 ? 12 : h % 12;
  let time = (shape.padHour ? p2(hour) : String(hour)) + shape.timeSep + p2(mi);
  if (shape.seconds) time += shape.timeSep + p2(sec);
  if (shape.dot) time += ".";
  const marker = h % 24 < 12 ? shape.am : shape.pm;
  if (s.clock === "12h") {
    time = shape.markerBefore ? marker + shape.space + time : time + shape.space + marker;
  }
  const out = parts.join(shape.sep) + (shape.dateDot ? "." : "") + shape.joiner + time;
  return shape.arabic ? out.replace(/\d/g, (c) => String.fromCharCode(0x660 + +c)) : out;
}

/** The full head (up to the author) of the file's format. */
function head(shape: Shape, s: Style, n: number[]): string {
  const t = stamp(shape, s, n);
  return s.layout === "android" ? `${t} - ` : s.layout === "ios" ? `[${t}] ` : `${t}: `;
}

/** Authors as written (marks included) → as parsed. */
const AUTHORS: [string, string][] = [
  ["Ann", "Ann"],
  ["Bob Smith", "Bob Smith"],
  ["Carla Méndez", "Carla Méndez"],
  ["Ops - Night Shift", "Ops - Night Shift"],
  ["\u202A+1 555 0100\u202C", "+1 555 0100"],
  ["דנה כהן", "דנה כהן"],
  ["\u200Fمحمد علي\u200F", "محمد علي"],
  ["Eve 🤓", "Eve 🤓"],
  ["Dr. Who", "Dr. Who"],
  ["~ Dicle", "~ Dicle"],
];
/** Body words: none is (or starts) a WhatsApp wording; digits, times and dates inside lines. */
const WORDS = ("kiwi mango lemon tram bike rain soon maybe yes later blue green ten 3 42 7pm " +
  "12:30 9.15 26/09 #1 50% a-b x/y café niño über naïve 👍 🎉 👨‍👩‍👧‍👦 🏳️‍🌈 שלום مرحبا").split(" ");
const INNER_MARKS = ["\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u2066", "\u2069"];

function words(rng: Rng, n: number): string {
  const w = Array.from({ length: n }, () => rng.pick(WORDS));
  // A mark inside a line (never first: an iOS body starting with U+200E is a system line).
  if (rng.chance(0.1)) w.splice(1 + rng.int(n), 0, rng.pick(INNER_MARKS) + rng.pick(WORDS));
  return w.join(" ");
}

/** Junk lines that are continuations (not counted): `[what, text]`. */
function junk(rng: Rng, shape: Shape, s: Style, n: number[]): [string, string] {
  const r = rng.int(16);
  const t = stamp(shape, s, n);
  switch (r) {
    case 0: // FORMAT.md §5.1: a date and time, then no header end
      return ["date-time text", `${t} ${rng.pick(["dentist", "gym", "call mum"])}`];
    case 1: // a date alone, or a date and words
      return ["date text", `${t.split(shape.joiner)[0]} ${words(rng, 2)}`];
    case 2:
      return ["time dash", rng.pick(["12:30 - x", "9.15 - notes", "23:59 -", "7:02 PM - late"])];
    case 3:
      return ["bracket", rng.pick(["[3/4/21 nope", "[ok]", "[", "[1/2/23 ok]", "[12:30] lunch"])];
    case 4: { // digits and separators, no space or comma (which no header is without)
      const alphabet = "0123456789//..--::";
      const len = 1 + rng.int(14);
      return ["digits", Array.from({ length: len }, () => rng.pick([...alphabet])).join("")];
    }
    case 5:
      return ["colon", rng.pick(["Note: kiwi", "Ann: fake line", "12: 30", "a: b: c", ": x"])];
    case 6:
      return ["marks", rng.pick(["\u200Ekiwi", "\u200F\u202Bשלום\u202C", "\u2066x\u2069 y"])];
    case 7:
      return ["marked date", `${rng.pick(["\u200E", "\u200F", "\uFEFF", "\u061C"])}${t} dentist`];
    case 8:
      return ["blank", ""];
    case 9:
      return ["spaces", rng.pick([" ", "  \t ", "\u00A0", "\u200E", "\u200F \u202C", "\uFEFF"])];
    case 10:
      return ["foreign digits", rng.pick(["١٢/٠١ kiwi", "٣ mango", "１２:３０ lunch"])];
    case 11:
      return ["number", rng.pick(["2 eggs", "1. buy milk", "2024 plans", "10/10 would again"])];
    case 12: { // a head whose end is wrong for the file's layout
      const bad = s.layout === "android"
        ? rng.pick([`${t} -x`, `${t}-`, `${t} —`, `${t}, - x`])
        : s.layout === "ios"
        ? rng.pick([`[${t}`, `${t}]`, `[${t} x`, `(${t}]`.slice(1)])
        : rng.pick([`${t}:x`, `${t};`, `${t}.. x`]);
      return ["bad end", bad];
    }
    case 13:
      return ["odd chars", rng.pick(["\u061Ckiwi", "a\u2028b", "tab\there", "x".repeat(300)])];
    default:
      return ["text", words(rng, 1 + rng.int(6))];
  }
}

/** The date-time components of `t` (seconds since epoch), as `[y, mo, d, h, mi, s]`. */
function parts(t: number): number[] {
  const d = new Date(t * 1000);
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
}

function iso(n: number[]): string {
  return `${n[0]}-${p2(n[1])}-${p2(n[2])}T${p2(n[3])}:${p2(n[4])}:${p2(n[5])}`;
}

/** The other layouts' standard heads (a line pasted from another export). */
function foreignHead(s: Style, n: number[]): string {
  const other = LAYOUTS.filter((l) => l !== s.layout);
  const layout = other[n[5] % 2];
  return renderHeader(iso(n), { ...s, layout });
}

/**
 * Whether a misfit (impossible or garbage date, impossible time) may come before the first header.
 * The file's first line, when it is a header of any format, decides the format of a short file
 * (detect.ts: a paste never comes first), so not when the misfit reads as another format's
 * header: in old iOS `4/20/16, 13:54:40 p. m.: Ann: x` is an H31 header (author `p. m.`); with
 * dots in both date and time, `[14.24.23, 12.03.38]` is a time-first (vi) header.
 */
function misfitFirst(style: Style, shape: Shape): boolean {
  return style.layout !== "ios-old" && !(shape.sep === "." && shape.timeSep === ".");
}

/** A malformed export of `style`; `size`: how many headers (default 1–12). */
function generate(style: Style, seed: number, size?: number): Case {
  const rng = createRng(
    seed * 7919 + LAYOUTS.indexOf(style.layout) * 97 +
      ORDERS.indexOf(style.dateOrder) * 13 + CLOCKS.indexOf(style.clock),
  );
  const shape = pickShape(rng, style);
  const lines: Line[] = [];
  const eolMode = rng.pick(["lf", "crlf", "mixed"]);
  const eol = () =>
    eolMode === "lf" ? "\n" : eolMode === "crlf" ? "\r\n" : rng.pick(["\n", "\r\n", "\r"]);
  const add = (line: Omit<Line, "eol">) => lines.push({ ...line, eol: eol() });
  // Time runs forward; the first header's day is > 12 mostly (the date order then certain).
  let t = Date.UTC(
    2015 + rng.int(10),
    rng.int(12),
    rng.chance(0.7) ? 13 + rng.int(15) : 1 + rng.int(28),
    rng.int(24),
    rng.int(60),
    rng.int(60),
  ) /
    1000;
  const now = () => {
    const n = parts(t);
    if (!shape.seconds) n[5] = 0;
    return n;
  };
  const junkLine = () => {
    const [what, text] = junk(rng, shape, style, now());
    add({ what, text });
  };
  // Header-shaped lines that do not fit: an impossible date or time, another layout's header.
  const misfit = (headers: number, foreign: number) => {
    const n = now();
    const r = rng.int(headers > 0 ? 6 : 3);
    if (r === 0) {
      n[1] = 2, n[2] = 31;
      add({ what: "impossible date", text: `${head(shape, style, n)}Ann: feb 31`, counted: true });
    } else if (r === 1) {
      if (rng.chance(0.5)) n[4] = 61;
      else n[3] = style.clock === "12h" ? 113 : 25;
      add({ what: "impossible time", text: `${head(shape, style, n)}Ann: late`, counted: true });
    } else if (r === 2) {
      // Day and month both over 12, up to 32: no order reads it (`29/29/18`, `2024-32-32`).
      if (rng.chance(0.5)) n[1] = 13 + rng.int(20), n[2] = 13 + rng.int(19);
      else n[1] = n[2] = 13 + rng.int(20);
      add({ what: "garbage date", text: `${head(shape, style, n)}Ann: never`, counted: true });
    } else if (r === 5 && style.dateOrder !== "YMD") {
      // A line pasted from another chat: a date only the other order reads, e.g. `01/25/2023` in
      // a DMY file (held while the order is unknown, then demoted: dates.ts), two years back (so
      // more than a day before every header of the file in either order).
      n[0] -= 2, n[1] = 13 + rng.int(16), n[2] = 1 + rng.int(12);
      add({ what: "pasted header", text: `${head(shape, style, n)}Zed: copied`, counted: true });
    } else if (r === 3) {
      // The H31 style: the time, a space, `Name: ` (not first: the first line decides the format).
      add({ what: "bare header", text: `${stamp(shape, style, n)} Bob: bare`, counted: true });
    } else if (headers > 2 * foreign + 1) {
      // Fewer than the file's own headers: the file's format must win the vote.
      add({ what: "foreign header", text: `${foreignHead(style, n)}Bob: pasted`, counted: true });
      return 1;
    }
    return 0;
  };

  const preamble = rng.chance(0.3) ? 1 + rng.int(4) : 0;
  for (let i = 0; i < preamble; i++) {
    if (misfitFirst(style, shape) && rng.chance(0.15)) misfit(0, 0);
    else junkLine();
  }
  const headers = size ?? 1 + rng.int(12);
  let foreign = 0;
  for (let k = 0; k < headers; k++) {
    if (k > 0) t += 1 + rng.int(rng.chance(0.8) ? 600 : 3 * 86400);
    const n = now();
    const lead = rng.chance(0.1) ? rng.pick(["\u200E", "\u200F", "\u200E\u200E", "\uFEFF"]) : "";
    const system = style.layout !== "ios-old" && rng.chance(0.08);
    if (system) {
      // Android: no author; iOS: the chat name, then U+200E. A quoted `": "` is no author.
      const body = rng.pick([
        "Ann added Bob",
        "Bob left",
        "Zoë changed this group's icon",
        'Ann changed the subject from "Club: 23" to "Club: 24"',
      ]);
      // (A chat name may hold `": "`: the body is what follows `": \u200E"`.)
      const who = style.layout === "ios" ? rng.pick(["Book club", "Club: 24"]) + ": \u200E" : "";
      add({
        what: "system header",
        text: lead + head(shape, style, n) + who + body,
        header: { date: iso(n), author: null, first: body },
      });
    } else {
      const [raw, author] = rng.pick(AUTHORS);
      const r = rng.next();
      if (style.layout === "android" && r > 0.95) {
        // FORMAT.md §5.3: the caption (any lines) follows on the next lines.
        const file = rng.pick([
          "IMG-20240102-WA0001.jpg",
          "Q1 Budget Review.pdf",
          "notes (final).v2.docx",
        ]);
        add({
          what: "attachment header",
          text: `${lead}${head(shape, style, n)}${raw}: ${file} (file attached)`,
          header: { date: iso(n), author, first: null, attachment: file },
        });
      } else {
        // An empty body: `Name: ` or `Name:` at the end of the line.
        const body = r < 0.05 ? "" : words(rng, 1 + rng.int(8));
        const colon = r < 0.025 ? ":" : ": ";
        // Not a leading U+200E on iOS (a system line's signal): other marks may start a body
        // (not after a bare `Name:` ending the line: `Name:\u202B` is no author's line).
        const mark = colon === ": " && rng.chance(0.05)
          ? rng.pick(["\u200F", "\u202B", "\u2066"])
          : "";
        add({
          what: "header",
          text: `${lead}${head(shape, style, n)}${raw}${colon}${mark}${body}`,
          header: { date: iso(n), author, first: strip(body) },
        });
      }
    }
    const after = rng.int(rng.chance(0.5) ? 2 : 7);
    for (let j = 0; j < after; j++) {
      const r = rng.next();
      if (r < 0.35) add({ what: "continuation", text: words(rng, 1 + rng.int(7)) });
      else if (r < 0.9) junkLine();
      else foreign += misfit(k + 1, foreign);
    }
    // Edited: the marker ends the message's last line (a header's or a junk line's). Not an
    // event's: on iOS an edited line is a user's (body.ts: no event is edited).
    const last = lines[lines.length - 1];
    if (!system && rng.chance(0.1) && !blank(last.text) && !/\s$/.test(last.text)) {
      last.edit = style.layout === "ios"
        ? " \u200E<This message was edited>"
        : " <This message was edited>";
    }
  }
  return { style, seed, shape, lines, bom: rng.chance(0.1), final: rng.chance(0.8) };
}

// ---- the oracle ----------------------------------------------------------------------------

/**
 * The lines that exist once rendered: a last empty line without a line break is no line (the
 * file then ends with the break before it), so it is dropped and the file ends with a break.
 */
function normal(c: Case): { lines: Line[]; final: boolean } {
  const last = c.lines[c.lines.length - 1];
  if (c.final || last === undefined || last.text !== "") return { lines: c.lines, final: c.final };
  return { lines: c.lines.slice(0, -1), final: true };
}

function effective(c: Case): Line[] {
  return normal(c).lines;
}

/** The lines as the parser reads them: a U+FEFF starting the file is its BOM, not text. */
function read(c: Case): Line[] {
  const lines = effective(c);
  if (c.bom || lines.length === 0 || !lines[0].text.startsWith("\uFEFF")) return lines;
  return [{ ...lines[0], text: lines[0].text.slice(1) }, ...lines.slice(1)];
}

function render(c: Case): string {
  const { lines, final } = normal(c);
  let out = c.bom ? "\uFEFF" : "";
  lines.forEach((l, i) => {
    out += l.text + (l.edit ?? "");
    if (i === lines.length - 1 && !final) return;
    // A lone CR before an empty line ended by LF would make one CRLF of the two breaks.
    const next = lines[i + 1];
    const merges = next?.text === "" &&
      (next.eol === "\n" || (i + 1 === lines.length - 1 && !final));
    out += l.eol === "\r" && merges ? "\r\n" : l.eol;
  });
  return out;
}

/** The messages and unplaced count the line model gives. */
function model(c: Case): { messages: Message[]; unplaced: number } {
  const messages: Message[] = [];
  const texts: string[][] = [];
  const preamble: Line[] = [];
  let unplaced = 0;
  const lines = read(c);
  for (const [i, l] of lines.entries()) {
    if (l.header !== undefined) {
      const { date, author, first, attachment = null } = l.header;
      const ends = lines[i + 1]?.header !== undefined || i === lines.length - 1;
      messages.push({
        date,
        author,
        text: "",
        kind: author === null ? "system" : attachment !== null ? "media" : "text",
        attachment,
        edited: ends && l.edit !== undefined,
      });
      texts.push(first === null ? [] : [first]);
    } else if (texts.length > 0) {
      const ends = lines[i + 1]?.header !== undefined || i === lines.length - 1;
      texts[texts.length - 1].push(ends ? strip(l.text) : seen(l));
      if (ends && l.edit !== undefined) messages[messages.length - 1].edited = true;
    } else {
      preamble.push(l);
      if (!blank(l.text)) unplaced++;
      continue;
    }
    if (l.counted) unplaced++;
  }
  messages.forEach((m, i) => m.text = texts[i].join("\n"));
  while (preamble.length > 0 && blank(preamble[0].text)) preamble.shift();
  while (preamble.length > 0 && blank(preamble[preamble.length - 1].text)) preamble.pop();
  if (preamble.length > 0) {
    const last = preamble.length - 1;
    messages.unshift({
      date: messages[0].date,
      author: null,
      text: preamble.map((l, i) => i === last ? strip(l.text) : seen(l)).join("\n"),
      kind: "system",
      attachment: null,
      edited: preamble[last].edit !== undefined,
    });
  }
  return { messages, unplaced };
}

/** A line as it stands in the text when it does not end its message (its marker is text). */
function seen(l: Line): string {
  return strip(l.text + (l.edit ?? ""));
}

/** Parses `text` fed to the parser in slices cut at `cuts` (parseString, sliced anywhere). */
function parseSliced(
  text: string,
  cuts: number[],
  options: ParseOptions,
): { messages: Message[]; summary: ParseSummary } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parser = new ChatParser(options);
  const lines = new LineBlocks();
  const messages: Message[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut <= from) continue;
    for (const block of lines.push(text.slice(from, cut))) parser.feed(block);
    messages.push(...parser.take());
    from = cut;
  }
  const last = lines.end();
  if (last !== null) parser.feed(last);
  parser.end();
  messages.push(...parser.take());
  return { messages, summary: parser.summary() };
}

const show = (l: Line) => `${l.what}: ${JSON.stringify(l.text + (l.edit ?? ""))}`;

/**
 * The property on one case: null when it holds, else `category: detail` (the category is what
 * shrinking keeps failing).
 */
function check(c: Case): string | null {
  const text = render(c);
  const lines = read(c);
  // No date tells day-first from month-first (every day <= 12): the order is the user's to give.
  const ambiguous = c.style.dateOrder !== "YMD" &&
    lines.every((l) => l.header === undefined || Number(l.header.date.slice(8, 10)) <= 12);
  const options: ParseOptions = ambiguous ? { dateOrder: c.style.dateOrder } : {};
  let parsed: { messages: Message[]; summary: ParseSummary };
  try {
    parsed = parseString(text, options);
  } catch (e) {
    return `error: parseString threw ${e}`;
  }
  const { messages, summary } = parsed;
  // 1. Conservation: a bijection, in order, between non-blank input and output lines.
  let m = -1; // the message being walked
  let out: string[] = []; // its text's lines
  let at = 0; // the next of them to account for
  const leftover = () => {
    while (at < out.length && blank(out[at])) at++;
    return at < out.length ? out[at] : null;
  };
  const start = (i: number) => {
    m = i;
    out = messages[m]?.text.split("\n") ?? [];
    at = 0;
  };
  const firstHeader = lines.findIndex((l) => l.header !== undefined);
  const hasPreamble = lines.slice(0, firstHeader).some((l) => !blank(l.text));
  const lastPreamble = lines.slice(0, firstHeader).findLastIndex((l) => !blank(l.text));
  if (hasPreamble) start(0);
  for (const [i, l] of lines.entries()) {
    if (l.header !== undefined) {
      const extra = m >= 0 ? leftover() : null;
      if (extra !== null) {
        return `extra: message #${m} has a line no input line gave: ${JSON.stringify(extra)}`;
      }
      start(m + 1);
      const got = messages[m];
      const where = `line ${i + 1} ${show(l)} (message #${m})`;
      if (got === undefined) return `lost: header ${where} opened no message`;
      const { date, author, first, attachment = null } = l.header;
      const read = [got.date, got.author, got.attachment], want = [date, author, attachment];
      if (read.some((v, k) => v !== want[k])) {
        return `header: ${where} read as ${JSON.stringify(read)}, expected ${JSON.stringify(want)}`;
      }
      if (first !== null && out[0] !== first) {
        return `header: ${where}: text starts ${JSON.stringify(out[0])}, ` +
          `expected ${JSON.stringify(first)}`;
      }
      at = first === null ? 0 : 1;
      continue;
    }
    if (blank(l.text)) continue;
    // (The edited marker ending a message is checked with the exact output below.)
    const ends = lines[i + 1]?.header !== undefined || i === lines.length - 1 ||
      (m === 0 && hasPreamble && i === lastPreamble);
    const want = ends ? strip(l.text) : seen(l);
    const got = m >= 0 ? leftover() : null;
    if (got !== want) {
      return `lost: line ${i + 1} ${show(l)} is not the next line of message #${m} ` +
        `(which has ${JSON.stringify(got)} there)`;
    }
    at++;
  }
  const extra = m >= 0 ? leftover() : null;
  if (extra !== null) {
    return `extra: message #${m} has a line no input line gave: ${JSON.stringify(extra)}`;
  }
  // 2. Counts.
  const expected = model(c);
  if (messages.length !== expected.messages.length || summary.messages !== messages.length) {
    return `count: ${messages.length} messages (summary ${summary.messages}), expected ` +
      expected.messages.length;
  }
  if (summary.unplacedLines !== expected.unplaced) {
    return `unplaced: ${summary.unplacedLines} unplaced lines, expected ${expected.unplaced} ` +
      JSON.stringify(summary.unplacedSamples);
  }
  // 3. The exact output (blank lines, kinds), and the same when sliced anywhere.
  for (let i = 0; i < messages.length; i++) {
    try {
      assert.deepEqual(messages[i], expected.messages[i]);
    } catch {
      return `exact: message #${i} is ${JSON.stringify(messages[i])}, expected ` +
        JSON.stringify(expected.messages[i]);
    }
  }
  const rng = createRng(c.seed);
  const cuts: number[] = [];
  for (let k = 1 + rng.int(6); k < text.length; k += 1 + rng.int(12)) cuts.push(k);
  let sliced;
  try {
    sliced = parseSliced(text, cuts, options);
  } catch (e) {
    return `sliced: threw ${e}`;
  }
  try {
    assert.deepEqual(sliced, parsed);
  } catch {
    return `sliced: cut at ${JSON.stringify(cuts)} the output differs: ` +
      JSON.stringify(sliced.messages);
  }
  return null;
}

/**
 * True when the oracle holds for a case (what the generator ensures; shrinking keeps it): a
 * header; before it, no line the format vote or the first-line rule would take for one (a pasted,
 * bare or foreign header; see {@link misfitFirst}); foreign headers fewer than the file's own; no
 * event (a system header's message) ending with the edited marker.
 */
function valid(c: Case): boolean {
  let headers = 0, foreign = 0;
  const lines = read(c);
  let event = false; // the message open is an event
  for (const [i, l] of lines.entries()) {
    if (l.header !== undefined) event = l.header.author === null;
    const ends = lines[i + 1]?.header !== undefined || i === lines.length - 1;
    if (ends && l.edit !== undefined && event) return false;
    if (l.header !== undefined) headers++;
    else if (headers === 0 && /^(pasted|bare|foreign) header$/.test(l.what)) return false;
    else if (headers === 0 && l.counted && !misfitFirst(c.style, c.shape)) return false;
    else if (l.what === "foreign header" && headers <= 2 * foreign++ + 1) return false;
  }
  return headers > 0;
}

/** Removes lines (and the BOM, the missing final break) while the failure's category stays. */
function shrink(c: Case, failure: string): Case {
  const category = failure.slice(0, failure.indexOf(":"));
  const same = (d: Case) => valid(d) && (check(d)?.startsWith(category + ":") ?? false);
  let best = c;
  for (const simpler of [{ bom: false }, { final: true }]) {
    const d = { ...best, ...simpler };
    if (same(d)) best = d;
  }
  for (let changed = true; changed;) {
    changed = false;
    for (let i = best.lines.length - 1; i >= 0; i--) {
      const d = { ...best, lines: best.lines.filter((_, k) => k !== i) };
      if (same(d)) best = d, changed = true;
    }
  }
  return best;
}

function assertConserved(c: Case): void {
  assert.ok(valid(c), `seed ${c.seed}: the generator broke its own rules`);
  const failure = check(c);
  if (failure === null) return;
  const small = shrink(c, failure);
  const { layout, dateOrder, clock } = c.style;
  assert.fail(
    `${layout}/${dateOrder}/${clock} seed=${c.seed}: ${failure}\n` +
      `shape: ${JSON.stringify(c.shape)}\n` +
      `shrunk (${small.lines.length} of ${c.lines.length} lines): ${check(small)}\n` +
      `reproduce: parseString(${JSON.stringify(render(small))})\n` +
      small.lines.map((l, i) => `  ${i + 1} ${show(l)}`).join("\n"),
  );
}

for (const layout of LAYOUTS) {
  for (const dateOrder of ORDERS) {
    for (const clock of CLOCKS) {
      Deno.test(`conservation: ${layout} ${dateOrder} ${clock}, ${SEEDS} malformed exports`, () => {
        for (let seed = 1; seed <= SEEDS; seed++) {
          assertConserved(generate({ layout, dateOrder, clock }, seed));
        }
      });
    }
  }
}

/** `bytes` in chunks of random sizes, small and large. */
async function* chunked(bytes: Uint8Array, rng: Rng): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length;) {
    const n = 1 + rng.int(rng.chance(0.5) ? 16 : 9000);
    yield bytes.slice(i, i + n);
    i += n;
  }
}

Deno.test("conservation: long exports across the format vote (500 headers) and streamed as bytes", async () => {
  for (const layout of LAYOUTS) {
    for (let seed = 1; seed <= 4; seed++) {
      const style: Style = { layout, dateOrder: ORDERS[seed % 3], clock: CLOCKS[seed % 2] };
      const c = generate(style, seed, 450 + seed * 40);
      assertConserved(c);
      // parseChat, the bytes cut into random chunks (inside UTF-8 sequences, CRLF pairs).
      const text = render(c);
      const bytes = new TextEncoder().encode(text);
      const parse = parseChat(chunked(bytes, createRng(seed)));
      const messages: Message[] = [];
      for await (const batch of parse.batches()) messages.push(...batch);
      const where = `${layout}/${style.dateOrder}/${style.clock} seed=${seed}`;
      const whole = parseString(text);
      assert.deepEqual(messages, whole.messages, where);
      assert.deepEqual(parse.summary(), whole.summary, where);
    }
  }
});
