/// <reference lib="dom" />
// A jump to a day without messages lands on the next one and says so above the list (the
// Tools menu holding the form closes on landing); a jump to a day with messages says nothing.
import assert from "node:assert/strict";
import { exportZip } from "../helpers/chat_zip.ts";
import { importChat, openHydrated, openTools, readerTest } from "../helpers/browser.ts";

/** 150 messages on 1 January 2024 and 150 on 5 January, none between. */
function gapZip(): Promise<Uint8Array<ArrayBuffer>> {
  const lines = ["01", "05"].flatMap((d) =>
    Array.from({ length: 150 }, (_, i) => {
      const time = `${String(8 + Math.floor(i / 60)).padStart(2, "0")}:${
        String(i % 60).padStart(2, "0")
      }`;
      return `${d}/01/2024, ${time} - ${i % 2 ? "Bob" : "Ann"}: Day ${d}, message ${i}`;
    })
  );
  return exportZip("WhatsApp Chat with Bob.txt", lines);
}

readerTest("browser: a jump to a day without messages says where it landed", async (reader) => {
  const id = await importChat(reader, await gapZip());
  const context = await reader.context({ viewport: { width: 375, height: 760 } });
  const page = await context.newPage();
  await openHydrated(page, `/c/${id}`);
  const jump = async (date: string) => {
    await openTools(page);
    await page.fill("[data-island=jump_to_date] input[name=date]", date);
    await page.click("[data-island=jump_to_date] button[type=submit]");
    await page.waitForURL(new RegExp(`/c/${id}/m/\\d+$`));
  };
  await jump("2024-01-03");
  const notice = page.locator("p.jump-notice");
  await notice.waitFor({ state: "visible" });
  assert.equal(
    await notice.textContent(),
    "No messages on Wednesday, January 3, 2024: the next are on Friday, January 5, 2024.",
  );
  await jump("2024-01-01");
  await notice.waitFor({ state: "detached" });
  assert.deepEqual(reader.errors, []);
  await context.close();
});
