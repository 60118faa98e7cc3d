import assert from "node:assert/strict";
import {
  asciiDigit,
  findMarker,
  isForeignDigit,
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
