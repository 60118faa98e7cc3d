/// <reference lib="dom" />
// The account page in a browser, light and dark: its link-styled buttons ("Create share link",
// "Revoke") are readable on their card, a share link's field fits a phone, and a chat's line
// keeps its words apart.
import assert from "node:assert/strict";
import { chatZip, importChat, openHydrated, readerTest, screenshot } from "../helpers/browser.ts";

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

readerTest("browser: the account page", async (reader, t) => {
  await importChat(reader, await chatZip({ days: 1, perDay: 5 }));

  for (const theme of ["light", "dark"]) {
    await t.step(`link-styled buttons are readable on their card (${theme})`, async () => {
      const context = await reader.context({ viewport: { width: 375, height: 760 } });
      await context.addCookies([{ name: "theme", value: theme, url: reader.url }]);
      const page = await context.newPage();
      await openHydrated(page, "/account");
      await page.fill("input[name=name]", "backup script");
      await page.click("button:has-text('Create token')");
      await page.click("ul.export button:has-text('Create share link')");
      await page.waitForSelector("ul.shares button:has-text('Revoke')");
      const buttons = await page.$$eval("main button.link", (els) =>
        els.map((el) => {
          let bg = "rgba(0, 0, 0, 0)";
          for (let e: Element | null = el; e && /rgba\(.*, 0\)$/.test(bg); e = e.parentElement) {
            bg = getComputedStyle(e).backgroundColor;
          }
          return { text: el.textContent!, color: getComputedStyle(el).color, bg };
        }));
      assert.deepEqual(
        [...new Set(buttons.map((b) => b.text))].sort(),
        ["Copy", "Create share link", "Revoke"],
      );
      for (const b of buttons) {
        const ratio = contrast(b.color, b.bg);
        assert.ok(
          ratio >= 4.5,
          `"${b.text}" is ${b.color} on ${b.bg}: contrast ${ratio.toFixed(2)}`,
        );
      }
      const share = (await page.locator("ul.shares input").first().boundingBox())!;
      const card = (await page.locator("#shares").boundingBox())!;
      assert.ok(
        share.x + share.width <= card.x + card.width,
        `the share link's field (right edge ${share.x + share.width}) leaves its card (${
          card.x + card.width
        })`,
      );
      await screenshot(page, `account-${theme}`);
      await context.close();
    });
  }

  await t.step("a chat's line does not run its words together", async () => {
    const context = await reader.context({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openHydrated(page, "/account");
    const line = await page.locator("ul.export > li").first().innerText();
    assert.doesNotMatch(line, /original fileShare/, line);
    await context.close();
  });
  assert.deepEqual(reader.errors, []);
});
