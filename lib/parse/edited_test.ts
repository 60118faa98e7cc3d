/**
 * The edited marker in every language of wordings_edited.ts: an Android line and an iOS line
 * (U+200E before the `<`) ending with it are edited and lose it, whichever opener (`<`, `‹`);
 * the words without the brackets, or not at the end, stay text.
 *
 * @module
 */
import assert from "node:assert/strict";
import { EDITED } from "./wordings.ts";
import { msg, parseText } from "./testdata/helpers.ts";

const LRM = "\u200E";
const RLM = "\u200F";

/** An Android line and (another file) an iOS line by Ann with `body`; the parsed messages. */
async function both(body: string, iosBody = body) {
  const android = await parseText(`18/03/2022, 14:00 - Ann: ${body}\n`);
  const ios = await parseText(`[18.03.22, 14:56:00] Ann: ${iosBody}\r\n`);
  return [...android.messages, ...ios.messages];
}
const edited = (text: string) => [
  msg("2022-03-18T14:00:00", "Ann", text, "text", null, true),
  msg("2022-03-18T14:56:00", "Ann", text, "text", null, true),
];

Deno.test("every edited marker: Android and iOS, opened by < or ‹, also alone", async () => {
  for (const inner of EDITED.keys()) {
    for (const open of ["<", "\u2039"]) {
      const marker = `${open}${inner}>`;
      assert.deepEqual(
        await both(`see you at 8 ${marker}`, `see you at 8 ${LRM}${marker}`),
        edited("see you at 8"),
        marker,
      );
      // Alone: the user's emptied text, on iOS too (where U+200E usually opens an event).
      assert.deepEqual(await both(marker, `${LRM}${marker}`), edited(""), marker);
    }
  }
});

Deno.test("edited markers beyond the first languages: real shapes, and the language guess", async () => {
  const cases: [string, string, string][] = [
    // [language, text, marker] as exported
    ["ru", "Фрапировать-быстро охладить блюдо перед подачей", "<Сообщение изменено>"],
    ["ar", "الطلب جاهز للتسليم", `${RLM}<تم تعديل هذه الرسالة>`],
    ["id", "Jadi jam 8 ya", "<Pesan ini telah diedit>"],
    ["id", "Jadi jam 8 ya", "<Pesan ini diedit>"],
    ["pl", "So we would not really conclude on the comparison", "<Ta wiadomość była edytowana>"],
    ["ro", "Livrat X1 zona 2", "<Acest mesaj a fost editat>"],
    ["fi", "Nähdään huomenna", "<Tätä viestiä on muokattu>"],
  ];
  for (const [lang, text, marker] of cases) {
    assert.deepEqual(await both(`${text} ${marker}`, `${text} ${LRM}${marker}`), edited(text));
    const { messages, summary } = await parseText(
      [1, 2, 3].map((i) => `18/03/2022, 14:0${i} - Ann: ${text} ${marker}\n`).join(""),
    );
    assert.ok(messages.every((m) => m.edited && m.text === text), marker);
    assert.equal(summary.language, lang, marker);
  }
});

Deno.test("the marker's words that are no marker stay in the text, unedited", async () => {
  for (
    const body of [
      "Сообщение изменено",
      "Сообщение изменено, смотри выше",
      "<Сообщение изменено> смотри выше",
      "смотри <Сообщение изменено",
      "смотри (Сообщение изменено)",
      "Pesan ini telah diedit",
      "Ta wiadomość była edytowana, sorry",
      "<Acest mesaj a fost editat.> nu",
      "<Tätä viestiä on muokattu hieman>",
      `${RLM}تم تعديل هذه الرسالة`,
    ]
  ) {
    const { messages } = await parseText(`18/03/2022, 14:00 - Ann: ${body}\n`);
    assert.deepEqual(messages, [msg("2022-03-18T14:00:00", "Ann", body.replaceAll(RLM, ""))], body);
  }
});
