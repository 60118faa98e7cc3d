/// <reference lib="dom" />
// Every kind of media of an Android export, as a reader meets it: a voice note that seeks (the
// player gets byte ranges), videos with their file offered (Chromium plays no .mov or .3gp),
// documents saved under their own names (spaces, unicode, `#`, `?`), several contacts of one
// card file, and a file missing from the zip said to be so. Screenshots at phone and desktop
// widths, light and dark.
import assert from "node:assert/strict";
import { importChat, openHydrated, readerTest, screenshot } from "../helpers/browser.ts";
import { ANDROID, androidMediaZip } from "../helpers/media_kinds.ts";

readerTest("browser: every kind of media in the conversation", async (reader, t) => {
  const maker = await (await reader.context()).newPage();
  await maker.goto("/");
  const id = await importChat(reader, await androidMediaZip(maker));

  await t.step("a voice note plays and seeks through byte ranges", async () => {
    const page = await (await reader.context()).newPage();
    const statuses: number[] = [];
    page.on("response", (res) => {
      if (res.url().includes(encodeURIComponent(ANDROID.voice))) statuses.push(res.status());
    });
    await openHydrated(page, `/c/${id}`);
    const seeked = await page.$eval(`audio[src*="${ANDROID.voice}"]`, async (el) => {
      const audio = el as HTMLAudioElement;
      audio.preload = "auto";
      audio.load();
      await new Promise((r) => audio.addEventListener("loadedmetadata", r, { once: true }));
      audio.currentTime = 1.5;
      await new Promise((r) => audio.addEventListener("seeked", r, { once: true }));
      return { time: audio.currentTime, duration: audio.duration };
    });
    assert.ok(Math.abs(seeked.duration - 2) < 0.1, `duration ${seeked.duration}`);
    assert.ok(Math.abs(seeked.time - 1.5) < 0.1, `seeked to ${seeked.time}`);
    assert.ok(statuses.includes(206), `the player's requests were answered ${statuses}`);
  });

  await t.step(
    "videos and audio offer their file; documents download under their names",
    async () => {
      const page = await (await reader.context()).newPage();
      await openHydrated(page, `/c/${id}`);
      for (const name of [ANDROID.video, ANDROID.mov, ANDROID.threeGp, ANDROID.m4a]) {
        const link = page.locator(`a.media-download[href*="${name}"]`);
        assert.equal(await link.count(), 1, `no download link for ${name}`);
        assert.match((await link.textContent())!, /^Download \(\d+ B\)$/);
      }
      for (const name of [ANDROID.odd, ANDROID.docx, ANDROID.mov]) {
        const href = `/${encodeURIComponent(name)}`;
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.locator(`a:is(.doc, .media-download)[href$="${href}"]`).click(),
        ]);
        // Chromium saves `?` (not allowed in Windows file names) as `_`.
        assert.equal(download.suggestedFilename(), name.replace("?", "_"));
        await download.cancel();
      }
      // A file the chat names but the zip lacks says so, with its name.
      assert.match(
        (await page.locator(".omitted", { hasText: ANDROID.missing }).textContent())!,
        /not included in this export/,
      );
      // The damaged JPEG is a card that downloads it, not a broken-image box.
      const broken = page.locator(`a.broken-picture[href*="${ANDROID.broken}"]`);
      await broken.waitFor();
      assert.match((await broken.textContent())!, /Photo cannot be shown here\. Download the file/);
      assert.match((await broken.getAttribute("href"))!, /\?download=1$/);
      // Both contacts of the two-contact card.
      const cards = page.locator(".contact-cards .contact-card strong");
      assert.deepEqual(await cards.allTextContents(), ["Jane Doe", "Richard Roe"]);
    },
  );

  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await t.step(`screenshots at ${width} px, ${colorScheme}`, async () => {
        const context = await reader.context({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await openHydrated(page, `/c/${id}`);
        for (const [name, at] of [["video", ANDROID.video], ["documents", ANDROID.pdf]]) {
          await page.locator(`a:is(.media-download, .doc)[href*="${encodeURIComponent(at)}"]`)
            .scrollIntoViewIfNeeded();
          await screenshot(page, `media-kinds-${name}-${width}-${colorScheme}`);
        }
        await context.close();
      });
    }
  }
  assert.deepEqual(reader.errors, []);
});
