/**
 * Header shapes for the conservation property (conservation_test.ts): how one malformed test
 * export writes its headers, per layout × date order × clock, with the separators, joiners and
 * AM/PM spellings of FORMAT.md §2.1 (H1–H34), and the timestamps they stamp.
 *
 * @module
 */
import { renderHeader, type Rng } from "../generate.ts";
import type { Clock, DateOrder, Layout } from "../types.ts";

export const LAYOUTS: Layout[] = ["android", "ios", "ios-old"];
export const ORDERS: DateOrder[] = ["DMY", "MDY", "YMD"];
export const CLOCKS: Clock[] = ["24h", "12h"];

export interface Style {
  layout: Layout;
  dateOrder: DateOrder;
  clock: Clock;
}

/** How one file writes its headers (one locale formatter: fixed within the file). */
export interface Shape {
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

export const p2 = (n: number) => String(n).padStart(2, "0");

/** Header shapes per style, from FORMAT.md §2.1 (H1–H30). */
export function pickShape(rng: Rng, s: Style): Shape {
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
export function stamp(shape: Shape, s: Style, n: number[]): string {
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
export function head(shape: Shape, s: Style, n: number[]): string {
  const t = stamp(shape, s, n);
  return s.layout === "android" ? `${t} - ` : s.layout === "ios" ? `[${t}] ` : `${t}: `;
}

/** The date-time components of `t` (seconds since epoch), as `[y, mo, d, h, mi, s]`. */
export function parts(t: number): number[] {
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

export function iso(n: number[]): string {
  return `${n[0]}-${p2(n[1])}-${p2(n[2])}T${p2(n[3])}:${p2(n[4])}:${p2(n[5])}`;
}

/** The other layouts' standard heads (a line pasted from another export). */
export function foreignHead(s: Style, n: number[]): string {
  const other = LAYOUTS.filter((l) => l !== s.layout);
  const layout = other[n[5] % 2];
  return renderHeader(iso(n), { ...s, layout });
}
