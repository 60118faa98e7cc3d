// Every header variant of FORMAT.md §2.1 (H1–H34), parsed end to end from testdata/headers/.
import assert from "node:assert/strict";
import { msg, parseFixture } from "./testdata/helpers.ts";
import type { Certainty, Clock, DateOrder, Layout, Message } from "./types.ts";

interface Case {
  messages: Message[];
  layout: Layout;
  clock: Clock;
  order: DateOrder;
  certainty?: Certainty;
  language?: string | null;
}

const CASES: Record<string, Case> = {
  h01: {
    layout: "android",
    clock: "24h",
    order: "DMY",
    messages: [
      msg("2017-03-06T00:45:00", "Sample User", "text"),
      msg("2017-03-13T09:05:00", "Sample User", "second"),
    ],
  },
  h02: {
    layout: "android",
    clock: "24h",
    order: "DMY",
    messages: [msg("2019-01-20T11:23:00", "John Doe", "text")],
  },
  h03: {
    layout: "android",
    clock: "12h",
    order: "MDY",
    messages: [
      msg("2023-01-04T19:02:00", "Person 1", "text"),
      msg("2023-01-15T00:05:00", "Person 1", "later"),
    ],
  },
  h04: {
    layout: "android",
    clock: "12h",
    order: "MDY",
    messages: [
      msg("2021-08-21T23:06:00", "NAME", "MESSAGE"),
      msg("2021-08-22T12:30:00", "NAME", "noon"),
    ],
  },
  h05: {
    layout: "android",
    clock: "12h",
    order: "DMY",
    language: "en",
    messages: [
      msg("2023-06-03T06:12:00", "author", "sample message", "text", null, true),
      msg("2023-06-13T18:12:00", "author", "evening"),
    ],
  },
  h06: {
    layout: "android",
    clock: "12h",
    order: "DMY",
    messages: [
      msg("2017-06-20T20:28:00", "Michelle", "test"),
      msg("2017-06-21T00:05:00", "Michelle", "madrugada"),
    ],
  },
  h07: {
    layout: "android",
    clock: "12h",
    order: "DMY",
    language: "es",
    messages: [msg("2025-03-28T21:29:00", "user1", "", "media", "PTT-20250328-WA0014.opus")],
  },
  h08: {
    layout: "android",
    clock: "12h",
    order: "YMD",
    messages: [msg("2023-12-20T17:46:00", "Farid", "👋🏼")],
  },
  h09: {
    layout: "android",
    clock: "12h",
    order: "YMD",
    messages: [msg("2023-12-20T17:46:00", "Farid", "👋🏼")],
  },
  h10: {
    layout: "android",
    clock: "24h",
    order: "YMD",
    messages: [msg("2019-01-01T11:25:00", "John Doe", "Happy new year")],
  },
  h11: {
    layout: "android",
    clock: "24h",
    order: "DMY",
    messages: [
      msg("2021-08-03T12:30:00", null, "message"),
      msg("2021-08-14T09:15:00", "Anna", "Hallo"),
    ],
  },
  h12: {
    layout: "android",
    clock: "24h",
    order: "DMY",
    language: "fi",
    messages: [
      msg("2019-05-31T16:58:00", "Matti", "moi"),
      msg("2019-06-01T09:05:00", "Liisa", "hei"),
    ],
  },
  h13: {
    layout: "android",
    clock: "24h",
    order: "DMY",
    language: "fr",
    messages: [
      msg("2017-07-12T22:35:00", "XXX", "Salut :)"),
      msg("2017-07-13T08:00:00", "XXX", "Bonjour"),
    ],
  },
  h14: {
    layout: "android",
    clock: "24h",
    order: "DMY",
    messages: [msg("2025-08-30T18:00:00", "Budi", "halo")],
  },
  h15: {
    layout: "android",
    clock: "24h",
    order: "DMY",
    messages: [msg("2019-12-18T15:57:00", "MARCELO gomez", "hola")],
  },
  h16: {
    layout: "android",
    clock: "12h",
    order: "DMY",
    messages: [msg("2018-06-03T13:55:00", "a", "m"), msg("2018-06-13T00:05:00", "a", "n")],
  },
  h17: {
    layout: "ios",
    clock: "24h",
    order: "DMY",
    messages: [
      msg("2022-07-02T18:31:40", "Name", "text"),
      msg("2022-07-14T09:00:00", "Name", "later"),
    ],
  },
  h18: {
    layout: "ios",
    clock: "12h",
    order: "DMY",
    language: "en",
    messages: [
      msg(
        "2025-11-13T12:25:55",
        null,
        "This business uses a secure service from Meta to manage this chat. Tap to learn more.",
      ),
      msg("2025-11-13T12:26:10", "Amazon EG", ""),
    ],
  },
  h19: {
    layout: "ios",
    clock: "12h",
    order: "MDY",
    messages: [
      msg("2023-08-15T09:12:33", "Dr. Feather", "I spotted a rare bird"),
      msg("2023-08-15T09:12:43", "Dr. Feather", "image omitted", "media"),
    ],
  },
  h20: {
    layout: "ios",
    clock: "12h",
    order: "DMY",
    certainty: "inferred",
    messages: [
      msg("2026-02-06T12:32:30", null, "You created group “AI doom”"),
      msg("2026-02-07T08:01:00", "Sam", "morning"),
    ],
  },
  h21: {
    layout: "ios",
    clock: "12h",
    order: "DMY",
    messages: [msg("2019-12-31T02:14:40", "Bryce", "late night")],
  },
  h22: {
    layout: "ios",
    clock: "24h",
    order: "DMY",
    messages: [
      msg("2019-06-20T15:58:47", "Lisa", "Ciao"),
      msg("2019-07-01T08:00:00", "Lisa", "Buongiorno"),
    ],
  },
  h23: {
    layout: "ios",
    clock: "24h",
    order: "DMY",
    messages: [
      msg(
        "2024-08-20T22:02:04",
        "Username",
        "POLL:\nPizza o pasta?\nOPTION: Pizza (3 voti)\nOPTION: Pasta (1 voto)",
        "poll",
      ),
    ],
  },
  h24: {
    layout: "ios",
    clock: "24h",
    order: "DMY",
    messages: [msg("2022-12-31T11:40:26", "John Doe", "Happy new year")],
  },
  h25: {
    layout: "ios",
    clock: "24h",
    order: "DMY",
    language: "es",
    messages: [
      msg("2020-09-29T10:13:49", "Noe", "", "media", "00000030-PHOTO-2020-09-29-10-13-49.jpg"),
    ],
  },
  h26: {
    layout: "ios",
    clock: "24h",
    order: "DMY",
    language: "tr",
    messages: [
      msg("2016-09-23T17:00:28", null, "Maldamer bu grubu oluşturdu"),
      msg("2017-05-05T18:01:12", "mezun A", "", "media", "00000012-PHOTO-2017-05-05-18-01-12.jpg"),
    ],
  },
  h27: {
    layout: "ios",
    clock: "24h",
    order: "DMY",
    messages: [msg("2018-11-27T18:43:20", "Tom Hanks", "Message")],
  },
  h28: {
    layout: "ios",
    clock: "12h",
    order: "DMY",
    messages: [
      msg("2022-01-11T16:19:15", "+91 80--0 19942", "hello"),
      msg("2022-01-13T09:00:00", "+91 80--0 19942", "bye"),
    ],
  },
  h29: {
    layout: "ios",
    clock: "24h",
    order: "YMD",
    messages: [msg("2018-06-13T21:25:15", "a", "m")],
  },
  h30: {
    layout: "ios-old",
    clock: "24h",
    order: "DMY",
    language: "en",
    messages: [
      msg("2018-06-13T21:25:15", "a", "m"),
      msg("2018-06-13T21:26:00", "a", "", "media", "2018-06-13-PHOTO-00004762.jpg"),
    ],
  },
  h30b: {
    layout: "ios-old",
    clock: "24h",
    order: "DMY",
    messages: [
      msg("2017-07-12T22:35:22", "Johannes Gruber", "Servus"),
      msg("2017-07-13T07:00:00", "Johannes Gruber", "Morgen"),
    ],
  },
  h31: {
    layout: "ios-old",
    clock: "24h",
    order: "DMY",
    messages: [msg("2018-06-13T21:25:15", "a", "m"), msg("2018-06-14T08:00:00", "b", "n")],
  },
  h32: {
    layout: "android",
    clock: "24h",
    order: "YMD",
    messages: [msg("2022-12-24T13:01:00", "John Doe", "Merry Christmas")],
  },
  h33: {
    layout: "android",
    clock: "12h",
    order: "DMY",
    language: "ar",
    messages: [
      msg("2023-01-12T22:05:00", "أحمد", "مرحبا"),
      msg("2023-01-13T09:00:00", "سارة", "صباح الخير"),
    ],
  },
  h34ko: {
    layout: "android",
    clock: "12h",
    order: "YMD",
    language: "ko",
    messages: [
      msg("2023-01-05T15:04:00", "김민수", "안녕하세요"),
      msg("2023-01-06T00:10:00", "김민수", "잘 자"),
    ],
  },
  h34zh: {
    layout: "android",
    clock: "12h",
    order: "YMD",
    language: "zh",
    messages: [
      msg("2023-01-05T15:04:00", "王伟", "你好"),
      msg("2023-01-06T09:30:00", "王伟", "早上好"),
    ],
  },
  h34ja: {
    layout: "android",
    clock: "12h",
    order: "YMD",
    language: "ja",
    messages: [
      msg("2023-01-05T15:04:00", "田中", "こんにちは"),
      msg("2023-01-06T00:15:00", "田中", "おやすみ"),
    ],
  },
};

for (const [name, c] of Object.entries(CASES)) {
  Deno.test(`header variant ${name}`, async () => {
    const { messages, summary } = await parseFixture(`headers/${name}.txt`);
    assert.deepEqual(messages, c.messages);
    assert.equal(summary.layout, c.layout);
    assert.equal(summary.clock, c.clock);
    assert.equal(summary.dateOrder, c.order);
    assert.equal(summary.dateOrderCertainty, c.certainty ?? "certain");
    if (c.language !== undefined) assert.equal(summary.language, c.language);
    assert.equal(summary.messages, c.messages.length);
    assert.equal(summary.unplacedLines, 0);
  });
}

Deno.test("every header variant fixture has a case", async () => {
  const names: string[] = [];
  for await (const e of Deno.readDir(new URL("./testdata/headers/", import.meta.url))) {
    names.push(e.name.replace(/\.txt$/, ""));
  }
  assert.deepEqual(names.sort(), Object.keys(CASES).sort());
});
