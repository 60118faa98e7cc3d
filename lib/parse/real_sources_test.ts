/**
 * Shapes from real exports committed to public repositories (session 10's sweep), each test
 * citing its source: lines an earlier parser version misread.
 *
 * @module
 */
import assert from "node:assert/strict";
import { msg, parseText } from "./testdata/helpers.ts";

Deno.test("old iOS: the contact card placeholder in angle brackets is a contact", async () => {
  // nating/whatsapp-stats README.md documents an old iOS export line by line: `dd/mm/yy,
  // hh:mm:ss: <user>: <Contact card omitted>` beside `<image omitted>` and `<video omitted>`.
  const { messages, summary } = await parseText(
    '24/01/17, 09:03:58: Ann changed the subject to "Fun 2"\n' +
      "24/01/17, 09:04:00: Bob: <Contact card omitted>\n" +
      "24/01/17, 09:04:02: Bob: <video omitted>\n" +
      "25/01/17, 09:04:06: Ann: a <Contact card omitted>\n",
  );
  assert.deepEqual(messages, [
    msg("2017-01-24T09:03:58", null, 'Ann changed the subject to "Fun 2"'),
    msg("2017-01-24T09:04:00", "Bob", "<Contact card omitted>", "contact"),
    msg("2017-01-24T09:04:02", "Bob", "<video omitted>", "media"),
    msg("2017-01-25T09:04:06", "Ann", "a <Contact card omitted>"),
  ]);
  assert.equal(summary.layout, "ios-old");
});
