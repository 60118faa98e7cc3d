/// <reference lib="dom" />
// The coverage timeline of a fused conversation (issue 9): two exports of one chat, a week
// apart, imported through the API and merged; the page draws two ranges with a gap between.
import assert from "node:assert/strict";
import { androidZip } from "../../lib/merge/fixtures_test_util.ts";
import { importChat, openHydrated, readerTest, screenshot } from "../helpers/browser.ts";

const lines = (day: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${day}/01/2024, 10:0${i} - ${i % 2 ? "Bob" : "Ann"}: day ${day} message ${i}`,
  );

readerTest("browser: the coverage timeline shows two ranges and a gap", async (reader) => {
  const early = await importChat(
    reader,
    await androidZip([...lines(13, 3), ...lines(14, 3)].join("\n") + "\n") as Uint8Array<
      ArrayBuffer
    >,
  );
  const late = await importChat(
    reader,
    await androidZip([...lines(20, 3), ...lines(22, 3)].join("\n") + "\n") as Uint8Array<
      ArrayBuffer
    >,
  );
  const res = await reader.t.app.request(`/api/conversations/${early}/merge`, {
    method: "POST",
    headers: { authorization: `Bearer ${reader.token}`, "content-type": "application/json" },
    body: JSON.stringify({ from: late }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal((await res.json()).added, 6);

  const context = await reader.context({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await openHydrated(page, `/c/${early}`);
  const box = async (selector: string) => {
    const el = await page.$(selector);
    assert.ok(el, `${selector} is on the page`);
    const b = await el.boundingBox();
    assert.ok(b && b.width > 0 && b.height > 0, `${selector} is visible`);
    return b;
  };
  assert.equal(await page.$eval("details.coverage", (d) => (d as HTMLDetailsElement).open), true);
  assert.match(await page.textContent("details.coverage > summary") ?? "", /2 exports · 1 gap/);
  assert.equal((await page.$$("svg.coverage-chart rect.range")).length, 2);
  const [first, second] = await page.$$eval(
    "svg.coverage-chart rect.range",
    (rects) => rects.map((r) => r.getBoundingClientRect().toJSON() as DOMRect),
  );
  const gap = await box("svg.coverage-chart rect.gap");
  // The gap lies between the two ranges, on the shared day axis.
  assert.ok(
    first.right <= gap.x + 1,
    `first range ends before the gap (${first.right}, ${gap.x})`,
  );
  assert.ok(gap.x + gap.width <= second.left + 1, "the gap ends where the second range starts");
  // …and the text alternative says the same.
  const items = await page.$$eval(
    "ul.coverage-list > li",
    (lis) => lis.map((li) => [li.className, li.textContent?.replace(/\s+/g, " ").trim()]),
  );
  assert.equal(items.filter(([c]) => c === "range").length, 2);
  assert.deepEqual(items.filter(([c]) => c === "gap").map(([, t]) => t), [
    "Gap: Monday, January 15, 2024 – Friday, January 19, 2024 — no export covers these days",
  ]);
  assert.match(items[1][1]!, /6 messages · 1 media file/);
  assert.deepEqual(reader.errors, []);
  await page.$eval("details.coverage", (d) => d.scrollIntoView({ block: "start" }));
  await screenshot(page, "coverage");
});
