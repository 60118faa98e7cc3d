import assert from "node:assert/strict";
import {
  createRng,
  generateExport,
  generateMessages,
  type GenerateOptions,
  renderMessage,
  type RenderStyle,
} from "./generate.ts";
import type { Message } from "./types.ts";

const msg = (over: Partial<Message>): Message => ({
  date: "2023-01-04T19:02:00",
  author: "Person 1",
  text: "hi",
  kind: "text",
  attachment: null,
  edited: false,
  ...over,
});
const ANDROID_DMY: RenderStyle = { layout: "android", dateOrder: "DMY", clock: "24h" };
const IOS_MDY_12: RenderStyle = { layout: "ios", dateOrder: "MDY", clock: "12h" };

async function collect(gen: AsyncIterable<string>): Promise<string> {
  let s = "";
  for await (const chunk of gen) s += chunk;
  return s;
}

Deno.test("renderMessage writes headers as WhatsApp does (FORMAT.md §2.1)", () => {
  assert.equal(renderMessage(msg({}), ANDROID_DMY), "04/01/2023, 19:02 - Person 1: hi\n");
  assert.equal(
    renderMessage(msg({}), { layout: "android", dateOrder: "MDY", clock: "12h" }),
    "1/4/23, 7:02\u202FPM - Person 1: hi\n", // H3
  );
  assert.equal(
    renderMessage(msg({ date: "2023-12-20T00:46:00" }), {
      layout: "android",
      dateOrder: "YMD",
      clock: "12h",
    }),
    "2023-12-20, 12:46\u202Fa.m. - Person 1: hi\n", // H8, 12 AM = 00
  );
  assert.equal(
    renderMessage(
      msg({ date: "2025-11-13T12:25:55", author: null, kind: "system", text: "This business…" }),
      {
        ...IOS_MDY_12,
        chatName: "Amazon EG",
      },
    ),
    "[11/13/25, 12:25:55\u202FPM] Amazon EG: \u200EThis business…\r\n", // H18
  );
  assert.equal(
    renderMessage(msg({ date: "2017-07-12T22:35:22" }), {
      layout: "ios-old",
      dateOrder: "DMY",
      clock: "24h",
    }),
    "12.07.17, 22:35:22: Person 1: hi\r\n", // H30
  );
});

Deno.test("renderMessage writes bodies: multi-line, edited, media, deleted, phone authors", () => {
  assert.equal(
    renderMessage(msg({ text: "a\n\nb", edited: true }), ANDROID_DMY),
    "04/01/2023, 19:02 - Person 1: a\n\nb <This message was edited>\n",
  );
  assert.equal(
    renderMessage(msg({ kind: "media", attachment: "Q1 Budget.pdf", text: "cap" }), ANDROID_DMY),
    "04/01/2023, 19:02 - Person 1: Q1 Budget.pdf (file attached)\ncap\n",
  );
  assert.equal(
    renderMessage(msg({ kind: "media", text: "<Media omitted>" }), ANDROID_DMY),
    "04/01/2023, 19:02 - Person 1: <Media omitted>\n",
  );
  assert.equal(
    renderMessage(msg({ kind: "media", attachment: "00000012-PHOTO.jpg", text: "" }), IOS_MDY_12),
    "\u200E[1/4/23, 7:02:00\u202FPM] Person 1: \u200E<attached: 00000012-PHOTO.jpg>\r\n",
  );
  assert.equal(
    renderMessage(msg({ kind: "deleted", text: "This message was deleted." }), IOS_MDY_12),
    "[1/4/23, 7:02:00\u202FPM] Person 1: \u200EThis message was deleted.\r\n",
  );
  assert.equal(
    renderMessage(msg({ author: "+1 555 0100" }), ANDROID_DMY),
    "04/01/2023, 19:02 - \u202A+1 555 0100\u202C: hi\n",
  );
});

Deno.test("generateExport is deterministic, streams, and counts exactly", async () => {
  const o: GenerateOptions = {
    messages: 3000,
    layout: "ios",
    dateOrder: "DMY",
    clock: "12h",
    seed: 42,
  };
  const a = await collect(generateExport(o).text());
  assert.equal(a, await collect(generateExport(o).text()));
  assert.notEqual(a, await collect(generateExport({ ...o, seed: 43 }).text()));
  const messages = generateExport(o).messages();
  assert.equal(messages.length, 3000);
  assert.equal(a, messages.map((m) => renderMessage(m, o)).join(""));
  assert.ok(!/[^\r]\n/.test(a), "iOS uses CRLF only");
  const decoder = new TextDecoder();
  let decoded = "";
  for await (const chunk of generateExport(o).bytes()) {
    decoded += decoder.decode(chunk, { stream: true });
  }
  assert.equal(decoded, a);
});

Deno.test("generated content is realistic: every kind, 20 authors, sorted dates, ~88 B/message", async () => {
  const o: GenerateOptions = {
    messages: 20_000,
    layout: "android",
    dateOrder: "DMY",
    clock: "24h",
    seed: 1,
  };
  const kinds = new Map<string, number>();
  const authors = new Set<string>();
  let last = "";
  let edited = 0;
  for (const m of generateMessages(o)) {
    kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    if (m.author) authors.add(m.author);
    assert.ok(m.date >= last, "chronological");
    assert.match(m.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00$/);
    last = m.date;
    if (m.edited) edited++;
  }
  assert.deepEqual(
    [...kinds.keys()].sort(),
    ["contact", "deleted", "location", "media", "poll", "system", "text"],
  );
  assert.equal(authors.size, 20);
  assert.ok(edited > 100);
  const text = await collect(generateExport(o).text());
  const bytesPerMessage = new TextEncoder().encode(text).length / o.messages;
  assert.ok(bytesPerMessage > 80 && bytesPerMessage < 96, `${bytesPerMessage} B/message`);
  for (const needle of ["\u200D", "(file attached)", "<Media omitted>", "\u202A", "\n\n"]) {
    assert.ok(text.includes(needle), needle);
  }
  assert.ok(/[\u0590-\u05FF]/.test(text) && /[\u0600-\u06FF]/.test(text), "Hebrew and Arabic");
});

Deno.test("createRng is uniform enough and seeded", () => {
  const rng = createRng(5);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 40_000; i++) counts[rng.int(4)]++;
  for (const c of counts) assert.ok(c > 9_500 && c < 10_500, String(counts));
  assert.equal(createRng(9).next(), createRng(9).next());
});
