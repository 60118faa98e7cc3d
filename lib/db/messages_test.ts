import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { seedChat } from "../../routes/_test_chat.ts";
import { seqOnOrAfter } from "./messages.ts";

Deno.test("seqOnOrAfter: the first message by instant, also inside a DST fold of the chat's zone", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    // Berlin, 27 October 2024: 02:00–03:00 happens twice (CEST 00:00–01:00Z, then CET
    // 01:00–02:00Z). The import settles each repeated wall clock by file order.
    const id = await seedChat(t, u.userId, {
      messages: [
        { date: "2024-10-27T01:30:00", text: "before" }, // 23:30Z on the 26th
        { date: "2024-10-27T02:10:00", text: "first pass" }, // 00:10Z
        { date: "2024-10-27T02:50:00", text: "first pass, later" }, // 00:50Z
        { date: "2024-10-27T02:20:00", text: "second pass" }, // 01:20Z
        { date: "2024-10-27T03:30:00", text: "after" }, // 02:30Z
        { date: "2024-10-28T09:00:00", text: "next day" }, // 08:00Z
      ],
    });
    await t.db.sql`update conversations set time_zone = 'Europe/Berlin' where id = ${id}`;
    const instants = [
      "2024-10-26T23:30:00Z",
      "2024-10-27T00:10:00Z",
      "2024-10-27T00:50:00Z",
      "2024-10-27T01:20:00Z",
      "2024-10-27T02:30:00Z",
      "2024-10-28T08:00:00Z",
    ];
    for (const [i, at] of instants.entries()) {
      await t.db.sql`update messages set at = ${at} where conversation_id = ${id} and seq = ${
        i + 1
      }`;
    }
    const jump = (day: string, zone: string) => seqOnOrAfter(t.db.sql, id, day, zone);
    // Cape Verde (UTC-1): 27 October starts at 01:00Z, Berlin's second 02:00. Only the second
    // pass is after it, though the first pass's wall clocks are later.
    assert.equal(await jump("2024-10-27", "Atlantic/Cape_Verde"), 4);
    // UTC: the day starts at 00:00Z, Berlin's first 02:00.
    assert.equal(await jump("2024-10-27", "UTC"), 2);
    // The chat's own zone: its midnight (22:00Z on the 26th).
    assert.equal(await jump("2024-10-27", "Europe/Berlin"), 1);
    assert.equal(await jump("2024-10-28", "Europe/Berlin"), 6);
    assert.equal(await jump("2024-10-29", "Europe/Berlin"), null);
    assert.equal(await jump("2024-10-01", "Asia/Tokyo"), 1);
  } finally {
    await t.close();
  }
});
