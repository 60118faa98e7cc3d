import assert from "node:assert/strict";
import { PARTICIPANT_COLORS } from "../../lib/format/participant.ts";

const css = await Deno.readTextFile(new URL("../../static/app.css", import.meta.url));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function pair(name: string): [string, string] {
  const m = new RegExp(`--${name}: light-dark\\((#[0-9a-f]{6}), (#[0-9a-f]{6})\\)`).exec(css);
  assert.ok(m, `static/app.css defines --${name} as light-dark(#rrggbb, #rrggbb)`);
  return [m[1], m[2]];
}

Deno.test("participant colours: one per slot, readable on the bubbles in both themes", () => {
  const [theirsLight, theirsDark] = pair("theirs");
  const [panelLight, panelDark] = pair("panel");
  for (let i = 0; i < PARTICIPANT_COLORS; i++) {
    const [light, dark] = pair(`p${i}`);
    // Author names on the bubble, and the avatar's initials (panel colour) on the colour.
    for (
      const [fg, bg] of [[light, theirsLight], [light, panelLight], [dark, theirsDark], [
        dark,
        panelDark,
      ]]
    ) {
      assert.ok(
        contrast(fg, bg) >= 4.5,
        `--p${i}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`,
      );
    }
    assert.match(css, new RegExp(`\\.p${i}\\s*\\{\\s*--who: var\\(--p${i}\\);\\s*\\}`));
  }
  assert.equal(pair(`p${PARTICIPANT_COLORS - 1}`).length, 2);
  assert.doesNotMatch(css, new RegExp(`--p${PARTICIPANT_COLORS}:`));
});

Deno.test("theme colours: text and muted text readable on every background", () => {
  const [textL, textD] = pair("text");
  for (const bg of ["bg", "panel", "theirs", "mine", "system"]) {
    const [l, d] = pair(bg);
    // Inside my bubbles, --muted is --mine-muted.
    const [mutedL, mutedD] = pair(bg === "mine" ? "mine-muted" : "muted");
    assert.ok(contrast(textL, l) >= 4.5 && contrast(textD, d) >= 4.5, `text on --${bg}`);
    assert.ok(
      contrast(mutedL, l) >= 4.5,
      `muted on --${bg} (light): ${contrast(mutedL, l).toFixed(2)}`,
    );
    assert.ok(
      contrast(mutedD, d) >= 4.5,
      `muted on --${bg} (dark): ${contrast(mutedD, d).toFixed(2)}`,
    );
  }
  assert.match(css, /\.msg\.mine article \{[^}]*--muted: var\(--mine-muted\);/);
  const [accentL, accentD] = pair("accent"), [onL, onD] = pair("on-accent");
  assert.ok(contrast(accentL, onL) >= 4.5 && contrast(accentD, onD) >= 4.5, "top bar text");
});
