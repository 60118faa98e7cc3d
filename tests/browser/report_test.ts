/// <reference lib="dom" />
// The import report (issue #9): the detected date order and how sure the parser was, the
// one-click switch to the other order with its preview, and the re-import it starts, ending
// on the conversation with the new dates.
import assert from "node:assert/strict";
import {
  importChat,
  openHydrated,
  readerTest,
  screenshot,
  waitHydrated,
} from "../helpers/browser.ts";

// Every day and month ≤ 12: read day-first by chronology ("inferred"), month-first possible.
const CHAT = [
  "01/02/2024, 10:00 - Ann: hello",
  "03/02/2024, 10:01 - Bob: hi",
  "05/02/2024, 09:00 - Ann: later",
  "05/02/2024, 09:05 - Bob: see you",
].join("\n") + "\n";

readerTest("browser: import report and date-order switch", async (reader, t) => {
  const id = await importChat(
    reader,
    new TextEncoder().encode(CHAT) as Uint8Array<ArrayBuffer>,
    "WhatsApp Chat with Bob.txt",
  );
  const page = await (await reader.context()).newPage();

  await t.step("the conversation links to its report", async () => {
    await openHydrated(page, `/c/${id}`);
    assert.ok(await page.isVisible("ol.messages time[datetime='2024-02-01']"));
    await page.click("text=Import report");
    await page.waitForURL(`**/imports/${id}/report`);
    await waitHydrated(page);
  });

  await t.step("the report: detected order, certainty, file hash", async () => {
    const order = await page.textContent("[data-field=date-order]") ?? "";
    assert.match(order, /day-first/);
    assert.match(order, /inferred/);
    assert.match(await page.textContent("[data-field=sha256]") ?? "", /^[0-9a-f]{64}$/);
    assert.equal(await page.textContent("[data-field=messages]"), "4");
    await screenshot(page, "import-report");
  });

  await t.step("the switch shows a preview of the difference", async () => {
    await page.click("text=Read dates as month-first instead");
    await page.waitForURL(`**/imports/${id}/reparse?dateOrder=MDY`);
    await waitHydrated(page);
    assert.match(
      await page.textContent("[data-field=changed]") ?? "",
      /4 of 4 message dates change when read month-first/,
    );
    const rows = await page.$$eval(
      "table.date-changes tbody tr",
      (trs) => trs.map((tr) => [...tr.querySelectorAll("time")].map((t) => t.dateTime)),
    );
    assert.deepEqual(rows[1], ["2024-02-03T10:01:00", "2024-03-02T10:01:00"]);
    await screenshot(page, "import-reparse-preview");
  });

  await t.step("confirming re-imports; the conversation shows the new dates", async () => {
    await page.click("button:has-text('Re-parse month-first')");
    // The import's status page refreshes itself, then goes on to the conversation.
    await page.waitForURL(new RegExp(`/c/${id}#end$`), { timeout: 30_000 });
    await waitHydrated(page);
    assert.ok(await page.isVisible("ol.messages time[datetime='2024-03-02']"));
    assert.equal(await page.$("ol.messages time[datetime='2024-02-03']"), null);
    await page.goto(`/imports/${id}/report`);
    assert.match(await page.textContent("[data-field=date-order]") ?? "", /month-first.*chosen/);
  });

  await t.step("no errors in the browser console", () => {
    assert.deepEqual(reader!.errors, []);
  });
});
