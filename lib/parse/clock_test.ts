import assert from "node:assert/strict";
import {
  asciiDigit,
  findMarker,
  isForeignDigit,
  MARKER_SOURCE,
  markerLanguage,
  markerValue,
  to24h,
} from "./clock.ts";

Deno.test("every AM/PM spelling of FORMAT.md", () => {
  for (
    const am of [
      "AM",
      "am",
      "a.m.",
      "a. m.",
      "a.\u00A0m.",
      "A.M.",
      "ص",
      "오전",
      "上午",
      "午前",
      "π.μ.",
    ]
  ) {
    assert.equal(markerValue(am), 1, am);
  }
  for (
    const pm of [
      "PM",
      "pm",
      "p.m.",
      "p. m.",
      "p.\u00A0m.",
      "P.M.",
      "م",
      "오후",
      "下午",
      "午後",
      "μ.μ.",
    ]
  ) {
    assert.equal(markerValue(pm), 2, pm);
  }
  assert.equal(markerValue("xyz"), 0);
  assert.equal(markerLanguage("م"), "ar");
  assert.equal(markerLanguage("오후"), "ko");
  assert.equal(markerLanguage("PM"), null);
});

Deno.test("findMarker reads the marker after the time, NNBSP and NBSP included", () => {
  const at = (s: string) => findMarker(s, 0, s.length);
  assert.equal(at("\u202FPM - "), 2);
  assert.equal(at(" am - "), 1);
  assert.equal(at("\u00A0p.\u00A0m. - "), 2);
  assert.equal(at(" م - "), 2);
  assert.equal(at(" ص - "), 1);
  assert.equal(at(" 下午"), 2);
  assert.equal(at(" PG - "), 1); // Malay pagi, not "pm"
  assert.equal(at(" - "), 0);
});

Deno.test("day periods: German's (all widths); other languages' are not read", () => {
  for (const am of ["nachts", "morgens", "vorm.", "vormittags"]) {
    assert.equal(markerValue(am), 1, am);
  }
  for (const pm of ["mittags", "nachm.", "nachmittags", "abends"]) {
    assert.equal(markerValue(pm), 2, pm);
  }
  assert.equal(markerLanguage("abends"), "de");
  assert.equal(markerLanguage("vorm."), "de");
  // No export is known to write them (clock.ts DAY_PERIODS); some span noon or midnight.
  for (const word of ["de la mañana", "утра", "in the evening", "ночи", "siang", "밤"]) {
    assert.equal(markerValue(word), 0, word);
  }
});

Deno.test("day periods match as CLDR writes them; AM/PM in either case", () => {
  const marker = new RegExp(`^(?:${MARKER_SOURCE})$`);
  for (const word of ["abends", "nachm", "vorm.", "PM", "pm", "p.m.", "ÖS", "Pg"]) {
    assert.match(word, marker);
  }
  // A capitalised word after a time is a name (`09:25:15 Sabah: hi`), not `sabah`.
  for (const word of ["Abends", "Nachts", "Sabah", "Pagi"]) {
    assert.doesNotMatch(word, marker);
  }
});

Deno.test("findMarker: a longer word starting like am/pm is not AM/PM; words looked up whole", () => {
  const at = (s: string) => findMarker(s, 0, s.length);
  assert.equal(at(" abends - "), 2); // not `a…` = AM
  assert.equal(at("\u202Fabends] "), 2);
  assert.equal(at(" PTG - "), 2); // ms
  assert.equal(at(" nachts: "), 1);
  assert.equal(at(". 오후 "), 2); // ko: from the date's last dot
  assert.equal(at(" CH 15/1/24 - "), 2); // vi: the date follows
  assert.equal(at("AM"), 1); // before the hour, up to it
  assert.equal(at(" à 下午"), 2); // a joiner word first: the regex search
});

Deno.test("12-hour to 24-hour: 12 AM is 00, 12 PM is 12", () => {
  assert.equal(to24h(12, 1), 0);
  assert.equal(to24h(12, 2), 12);
  assert.equal(to24h(1, 2), 13);
  assert.equal(to24h(11, 1), 11);
  assert.equal(to24h(0, 1), 0);
  assert.equal(to24h(13, 2), -1);
  assert.equal(to24h(5, 0), -1);
});

Deno.test("Arabic-Indic, Persian, Devanagari, Bengali and fullwidth digits", () => {
  const digits = ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯", "０１２３４５６７８９"];
  for (const set of digits) {
    const ascii = [...set].map((ch) => {
      assert.equal(isForeignDigit(ch.charCodeAt(0)), true, ch);
      return String.fromCharCode(asciiDigit(ch.charCodeAt(0)));
    }).join("");
    assert.equal(ascii, "0123456789");
  }
  assert.equal(isForeignDigit("7".charCodeAt(0)), false);
});
