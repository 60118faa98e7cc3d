/// <reference lib="dom" />
// The pages made of forms on a phone (390 px), with a chat whose name is long: the search and
// merge pages' chat selects, and the import report's SHA-256, once widened the page so that it
// scrolled sideways; the Settings page's checkboxes stood on a row of their own, centred above
// the words saying what they do, and its sections (cards) touched border to border.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { exportZip } from "../helpers/chat_zip.ts";
import { importChat, readerTest, screenshot } from "../helpers/browser.ts";

const PHONE = { width: 390, height: 844 };
const LONG = "Familie Müller, Freunde und die ganze Verwandtschaft aus Berlin";

function chat(name: string, text: string) {
  return exportZip(`WhatsApp Chat with ${name}.txt`, [
    `02/01/2023, 10:02 - Jürgen: ${text}`,
    "02/01/2023, 10:05 - Günther: Super Idee",
  ]);
}

/** How far the page scrolls sideways, and the widest element sticking out on the right. */
function sideways(page: Page) {
  return page.evaluate(() => {
    let widest = "";
    for (const el of document.querySelectorAll("body *")) {
      if (el.getBoundingClientRect().right > innerWidth + 0.5) {
        widest = `${el.tagName.toLowerCase()}.${el.className}`;
      }
    }
    return { by: document.documentElement.scrollWidth - innerWidth, widest };
  });
}

readerTest("browser: form pages fit a phone and keep checkboxes by their words", async (reader) => {
  const id = await importChat(reader, await chat(LONG, "Hallo"), `WhatsApp Chat with ${LONG}.zip`);
  const other = await importChat(reader, await chat("Bob", "Hi"), "WhatsApp Chat with Bob.zip");
  const context = await reader.context({ viewport: PHONE });
  const page = await context.newPage();

  for (
    const path of [
      "/search",
      `/search?q=Hallo`,
      `/c/${other}/merge`,
      `/imports/${id}/report`,
      `/c/${id}/privacy`,
      "/account",
    ]
  ) {
    await page.goto(path);
    const { by, widest } = await sideways(page);
    assert.equal(by, 0, `${path} scrolls sideways by ${by} px (${widest})`);
  }

  await page.goto(`/c/${id}/privacy`);
  await screenshot(page, "phone-forms-settings");
  for (const name of ["redacted", "confirm"]) {
    const { box, words } = await page.$eval(`input[type=checkbox][name=${name}]`, (input) => {
      const r = input.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(input.parentElement!);
      range.setStartAfter(input);
      const w = range.getClientRects()[0];
      return {
        box: { top: r.top, bottom: r.bottom, right: r.right },
        words: { top: w.top, bottom: w.bottom, left: w.left },
      };
    });
    assert.ok(
      box.top < words.bottom && words.top < box.bottom && words.left >= box.right,
      `the ${name} checkbox is not on its words' line: ${JSON.stringify({ box, words })}`,
    );
  }
  const gaps = await page.$$eval(
    "section.card + section.card",
    (cards) =>
      cards.map((card) =>
        card.getBoundingClientRect().top -
        card.previousElementSibling!.getBoundingClientRect().bottom
      ),
  );
  assert.ok(gaps.length >= 3, `only ${gaps.length} cards follow one another`);
  for (const gap of gaps) assert.ok(gap >= 8, `cards ${gap} px apart: ${gaps}`);

  assert.deepEqual(reader.errors, []);
  await context.close();
});
