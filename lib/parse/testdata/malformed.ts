/**
 * Malformed test exports for the conservation property (conservation_test.ts): one header
 * format per file (malformed_shape.ts), valid headers mixed with continuation lines and junk
 * (date-like lines, digits, `": "`, `[`, marks, blank lines, impossible, garbage, pasted, bare and
 * foreign headers, a preamble), line ends of every kind, a BOM, a missing final break; each line
 * with what it is, for the test's line model.
 *
 * @module
 */
import { createRng, type Rng } from "../generate.ts";
import {
  CLOCKS,
  foreignHead,
  head,
  iso,
  LAYOUTS,
  ORDERS,
  parts,
  pickShape,
  type Shape,
  stamp,
  type Style,
} from "./malformed_shape.ts";

/** One input line and what it is. */
export interface Line {
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

export interface Case {
  style: Style;
  seed: number;
  shape: Shape;
  lines: Line[];
  bom: boolean;
  /** The last line ends with a line break. */
  final: boolean;
}

const MARKS_G = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
export const strip = (s: string) => s.replace(MARKS_G, "");
export const blank = (s: string) => !/\S/.test(strip(s));

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

/**
 * Whether a misfit (impossible or garbage date, impossible time) may come before the first header.
 * The file's first line, when it is a header of any format, decides the format of a short file
 * (detect.ts: a paste never comes first), so not when the misfit reads as another format's
 * header: in old iOS `4/20/16, 13:54:40 p. m.: Ann: x` is an H31 header (author `p. m.`); with
 * dots in both date and time, `[14.24.23, 12.03.38]` is a time-first (vi) header.
 */
export function misfitFirst(style: Style, shape: Shape): boolean {
  return style.layout !== "ios-old" && !(shape.sep === "." && shape.timeSep === ".");
}

/** A malformed export of `style`; `size`: how many headers (default 1–12). */
export function generate(style: Style, seed: number, size?: number): Case {
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

// ---- the text, as the parser reads it ------------------------------------------------------

/**
 * The lines that exist once rendered: a last empty line without a line break is no line (the
 * file then ends with the break before it), so it is dropped and the file ends with a break.
 */
export function normal(c: Case): { lines: Line[]; final: boolean } {
  const last = c.lines[c.lines.length - 1];
  if (c.final || last === undefined || last.text !== "") return { lines: c.lines, final: c.final };
  return { lines: c.lines.slice(0, -1), final: true };
}

export function effective(c: Case): Line[] {
  return normal(c).lines;
}

/** The lines as the parser reads them: a U+FEFF starting the file is its BOM, not text. */
export function read(c: Case): Line[] {
  const lines = effective(c);
  if (c.bom || lines.length === 0 || !lines[0].text.startsWith("\uFEFF")) return lines;
  return [{ ...lines[0], text: lines[0].text.slice(1) }, ...lines.slice(1)];
}

export function render(c: Case): string {
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
