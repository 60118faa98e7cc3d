/// <reference lib="dom" />
// The library's upload island: a file goes up with a progress bar, the import's progress is
// shown while the worker reads it, and the browser ends on the conversation; a file that is
// not a chat shows the reason; screen readers hear the progress in a few steps.
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";
import { chatZip, openHydrated, readerTest, screenshot } from "../helpers/browser.ts";

type Seen = { phase: string; bar: string | null; text: string };

/** Reports every `data-phase` the form goes through, with its progress bar, to the test. */
async function recordPhases(page: import("playwright-core").Page): Promise<Seen[]> {
  const seen: Seen[] = [];
  await page.exposeFunction("__phase", (s: Seen) => seen.push(s));
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>("form[data-phase]")!;
    new MutationObserver(() => {
      const bar = form.querySelector("progress");
      // deno-lint-ignore no-explicit-any
      (globalThis as any).__phase({
        phase: form.dataset.phase,
        bar: bar && `${bar.className}:${bar.value}/${bar.max}`,
        text: form.querySelector(".upload-status")?.textContent ?? "",
      });
    }).observe(form, { attributes: true, attributeFilter: ["data-phase"] });
  });
  return seen;
}

readerTest("browser: upload island", async (reader, t) => {
  const context = await reader.context();
  const page = await context.newPage();

  await t.step("upload progress, import progress, then the conversation", async () => {
    await openHydrated(page, "/");
    await screenshot(page, "library-empty");
    const seen = await recordPhases(page);
    const asked: string[] = [];
    page.on("request", (r) => asked.push(`${r.method()} ${new URL(r.url()).pathname}`));
    await page.setInputFiles("input[name=file]", {
      name: "WhatsApp Chat with Bob.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(await chatZip({ days: 3, perDay: 20 })),
    });
    await page.click("[data-island=upload] button[type=submit]");
    await page.waitForURL(/\/c\/[0-9a-f-]{36}#end$/);
    const phases = seen.map((s) => s.phase);
    assert.deepEqual(
      phases.filter((p, i) => p !== phases[i - 1]),
      ["uploading", "processing", "done"],
      JSON.stringify(seen),
    );
    const uploading = seen.find((s) => s.phase === "uploading")!;
    assert.match(uploading.bar ?? "", /^upload-progress:/);
    assert.match(uploading.text, /Uploading… \d+%/);
    const processing = seen.find((s) => s.phase === "processing")!;
    assert.match(processing.bar ?? "", /^import-progress:/);
    // No S3 here: the file goes through the app, without first asking for a direct upload (a
    // 409 the browser would log).
    assert.ok(asked.includes("POST /api/imports"), asked.join(", "));
    assert.ok(!asked.some((r) => r.includes("/api/uploads")), asked.join(", "));
    await page.waitForSelector("html[data-hydrated=true]");
    assert.match(await page.textContent("ol.messages") ?? "", /Day 3, message 20 from Ann/);
  });

  await t.step("a file that is not a chat: the reason is shown", async () => {
    await openHydrated(page, "/");
    await page.setInputFiles("input[name=file]", {
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("shopping list\nmilk\neggs\n"),
    });
    await page.click("[data-island=upload] button[type=submit]");
    const alert = await page.waitForSelector(".upload-status [role=alert]");
    assert.match(await alert.textContent() ?? "", /^Import failed: .+/);
    assert.equal(await page.getAttribute("form[data-phase]", "data-phase"), "failed");
    assert.equal(
      await page.isEnabled("[data-island=upload] button[type=submit]"),
      true,
      "the form can be used again",
    );
    await screenshot(page, "library-upload-failed");
    // The failed import is stored: its page, linked from the message, offers to delete it.
    await page.click(".upload-status [role=alert] a");
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    assert.match(await page.textContent("main") ?? "", /Import failed/);
    assert.ok(await page.$("form[action$='/delete'] button"), "the import page offers Delete");
  });

  await t.step("progress is announced in steps, not on every byte", async () => {
    await openHydrated(page, "/");
    const said: string[] = [];
    await page.exposeFunction("__said", (s: string) => said.push(s));
    await page.evaluate(() => {
      const regions = "[aria-live], [role=status], [role=alert]";
      new MutationObserver((records) => {
        for (const r of records) {
          const region = (r.target instanceof Element ? r.target : r.target.parentElement)
            ?.closest(regions);
          // deno-lint-ignore no-explicit-any
          if (region) (globalThis as any).__said(region.textContent ?? "");
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // A slow line (2 MB/s up) and 3 MB that do not compress: dozens of progress events.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 2 * 1024 * 1024,
    });
    const noise = new Uint8Array(3 * 1024 * 1024);
    for (let at = 0; at < noise.length; at += 65536) {
      crypto.getRandomValues(noise.subarray(at, at + 65536));
    }
    const zip = new ZipWriter(new BlobWriter("application/zip"));
    await zip.add("WhatsApp Chat with Cat.txt", new TextReader("01/01/2024, 09:00 - Cat: Hi\n"));
    await zip.add("IMG-20240101-WA0001.jpg", new Uint8ArrayReader(noise), { level: 0 });
    await page.setInputFiles("input[name=file]", {
      name: "WhatsApp Chat with Cat.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(await (await zip.close()).arrayBuffer()),
    });
    const bar = page.locator("progress.upload-progress");
    await page.click("[data-island=upload] button[type=submit]");
    await bar.waitFor();
    assert.match(await bar.evaluate((el) => el.closest("label")!.textContent!), /Uploading…/);
    await page.waitForURL(/\/c\/[0-9a-f-]{36}#end$/);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const spoken = said.filter((s, i) => s.trim() !== "" && s !== said[i - 1]);
    assert.ok(spoken.length <= 12, `${spoken.length} announcements: ${JSON.stringify(spoken)}`);
    assert.ok(spoken.some((s) => /^Uploading… \d+%$/.test(s)), JSON.stringify(spoken));
  });

  await t.step("no errors in the browser console", () => {
    assert.deepEqual(reader!.errors, []);
  });
});
