/**
 * Admin deletions and call rows as real exports of 2023–2026 write them (sources in
 * wordings_deleted.ts and wordings_calls.ts): every message exactly.
 *
 * @module
 */
import assert from "node:assert/strict";
import { msg, parseText } from "./testdata/helpers.ts";
import { CALLS, IOS_CALLS, SHARED_CALLS } from "./wordings_calls.ts";
import { EXACT, SYSTEM_ANY, systemLanguage } from "./wordings.ts";

const LRM = "\u200e";
const parse = async (text: string) => (await parseText(text)).messages;

Deno.test("an admin's deletion is deleted and keeps the sender (Android, iOS, translations)", async () => {
  assert.deepEqual(
    await parse(
      "01/10/2025, 09:43 - Ada Lovelace: This message was deleted by admin ~Bolanle.\n" +
        "01/10/2025, 09:44 - Ada Lovelace: This message was deleted by an admin\n" +
        "01/10/2025, 09:45 - Bolanle: You deleted this message as admin\n" +
        "01/10/2025, 09:46 - Max: Diese Nachricht wurde von Admin Jo gelöscht.\n" +
        "01/10/2025, 09:47 - Ana: Un admin., Lucía, eliminó este mensaje.\n",
    ),
    [
      msg(
        "2025-10-01T09:43:00",
        "Ada Lovelace",
        "This message was deleted by admin ~Bolanle.",
        "deleted",
      ),
      msg("2025-10-01T09:44:00", "Ada Lovelace", "This message was deleted by an admin", "deleted"),
      msg("2025-10-01T09:45:00", "Bolanle", "You deleted this message as admin", "deleted"),
      msg("2025-10-01T09:46:00", "Max", "Diese Nachricht wurde von Admin Jo gelöscht.", "deleted"),
      msg("2025-10-01T09:47:00", "Ana", "Un admin., Lucía, eliminó este mensaje.", "deleted"),
    ],
  );
  // iOS: U+200E before the body made it a system line without its author; U+202F after `~`.
  assert.deepEqual(
    await parse(
      `[21/03/26, 10:45:00\u202fPM] Alice Example: ${LRM}This message was deleted by admin ~\u202fBob.\n` +
        `[21/03/26, 10:46:00\u202fPM] Bob: ${LRM}You deleted this message as admin.\n` +
        `[21/03/26, 10:47:00\u202fPM] Bob: ${LRM}This message was deleted by an admin.\n`,
    ),
    [
      msg(
        "2026-03-21T22:45:00",
        "Alice Example",
        "This message was deleted by admin ~\u202fBob.",
        "deleted",
      ),
      msg("2026-03-21T22:46:00", "Bob", "You deleted this message as admin.", "deleted"),
      msg("2026-03-21T22:47:00", "Bob", "This message was deleted by an admin.", "deleted"),
    ],
  );
});

Deno.test("sentences about an admin's deletion stay text", async () => {
  const bodies = [
    "This message was deleted by admin Zeeshan?",
    "This message was deleted by admin because of spam",
    "I think this message was deleted by admin Zeeshan.",
    "This message was deleted by admin .",
    // A reason or a remark where the name stands (review): no name starts so, or holds `, `.
    "This message was deleted by admin because it was spam.",
    "This message was deleted by admin and I have no idea why lol.",
    "Pesan ini dihapus oleh admin karena melanggar aturan grup.",
    "Pesan ini dihapus oleh admin ya.",
    "Questo messaggio è stato eliminato dall'amministratore perché era spam.",
    "Mensagem apagada por um admin (kkkk)",
    "Esta mensagem foi apagada por um/a administrador/a, acho que por engano.",
    "Данное сообщение удалено админом (и правильно).",
    "This message was deleted by admin Bob, who was right to delete it.",
  ];
  const text = bodies.map((b, i) => `01/10/2025, 09:${10 + i} - Ann: ${b}\n`).join("");
  assert.deepEqual(
    await parse(text),
    bodies.map((b, i) => msg(`2025-10-01T09:${10 + i}:00`, "Ann", b)),
  );
});

Deno.test("an admin's deletion naming the admin by a short name, a number or `~ Name`", async () => {
  const bodies = [
    "管理员 张三 已删除这条消息。", // 15 characters: a two-character Chinese name
    "This message was deleted by admin +44 7700 900123.",
    "This message was deleted by admin ~\u202fAlice Example.",
    "Pesan ini dihapus oleh admin Budi.",
  ];
  const text = bodies.map((b, i) => `01/10/2025, 10:${10 + i} - Ann: ${b}\n`).join("");
  assert.deepEqual(
    await parse(text),
    bodies.map((b, i) => msg(`2025-10-01T10:${10 + i}:00`, "Ann", b, "deleted")),
  );
});

Deno.test("iOS call rows are system lines by their U+200E; without it, a participant's words", async () => {
  assert.deepEqual(
    await parse(
      `[23/04/2026, 18:05:47] Desmond: ${LRM}Missed voice call, ${LRM}Tap to call back\n` +
        `[23/04/2026, 18:30:02] Jordan: ${LRM}Voice call, ${LRM}No answer\n` +
        `[23/04/2026, 18:30:08] Desmond: ${LRM}Silenced voice call, ${LRM}Focus mode\n` +
        `[23/04/2026, 18:30:21] Desmond: ${LRM}Video call, ${LRM}6 min\n` +
        `[23/04/2026, 18:30:22] Desmond: ${LRM}Missed voice call\n` +
        `[23/04/2026, 18:30:23] Ana: ${LRM}Llamada perdida\n` +
        // Typed by a participant (no mark): text, in an iOS file even Android's wordings.
        "[23/04/2026, 18:30:24] Jordan: Voice call, 10 min\n" +
        "[23/04/2026, 18:30:25] Ana: Llamada perdida\n" +
        "[23/04/2026, 18:30:26] Ana: Missed voice call\n",
    ),
    [
      msg("2026-04-23T18:05:47", null, "Missed voice call, Tap to call back"),
      msg("2026-04-23T18:30:02", null, "Voice call, No answer"),
      msg("2026-04-23T18:30:08", null, "Silenced voice call, Focus mode"),
      msg("2026-04-23T18:30:21", null, "Video call, 6 min"),
      msg("2026-04-23T18:30:22", null, "Missed voice call"),
      msg("2026-04-23T18:30:23", null, "Llamada perdida"),
      msg("2026-04-23T18:30:24", "Jordan", "Voice call, 10 min"),
      msg("2026-04-23T18:30:25", "Ana", "Llamada perdida"),
      msg("2026-04-23T18:30:26", "Ana", "Missed voice call"),
    ],
  );
});

Deno.test("Android missed group calls are system lines (en, tr)", async () => {
  assert.deepEqual(
    await parse(
      "27/03/2022, 21:52 - Dmitry S: Missed group voice call\n" +
        "27/03/2022, 21:53 - Dmitry S: Missed group video call\n" +
        "27/03/2022, 21:54 - Ayşe: Cevapsız sesli grup araması\n" +
        "27/03/2022, 21:55 - Ayşe: Missed group voice call again?\n",
    ),
    [
      msg("2022-03-27T21:52:00", null, "Missed group voice call"),
      msg("2022-03-27T21:53:00", null, "Missed group video call"),
      msg("2022-03-27T21:54:00", null, "Cevapsız sesli grup araması"),
      msg("2022-03-27T21:55:00", "Ayşe", "Missed group voice call again?"),
    ],
  );
});

Deno.test("Android call rows of every language are system lines without an author", async () => {
  // One or two of whats_json's wordings per language (L/S), written here, not read from CALLS.
  const rows: string[] = [
    "مكالمة صوتية فائتة",
    "مكالمة فيديو فائتة",
    "שיחה קולית שלא נענתה",
    "부재중 전화",
    "부재중 영상통화",
    "Panggilan suara tak terjawab",
    "Panggilan video terlepas",
    "不在着信",
    "未接语音通话",
    "छूटी हुई विडियो कॉल",
    "تماس صوتی پاسخ داده نشده",
    "Αναπάντητη κλήση",
    "Cuộc gọi nhỡ video",
    "สายที่ไม่ได้รับ",
    "Nieodebrane połączenie",
    "Missat röstsamtal",
    "মিসড ভয়েস কল",
    "چھوٹی ہوئی صوتی کال",
    "Cevapsız sesli arama",
    "Пропуснато видео обаждане",
    "Stemoproep gemis",
    "O‘tkazib yub. videoqo‘ng‘iroq",
  ];
  const text = rows.map((b, i) => `16/12/2021, 7:${10 + i} PM - Sumaira: ${b}\n`).join("");
  assert.deepEqual(
    await parse(text),
    rows.map((b, i) => msg(`2021-12-16T19:${10 + i}:00`, null, b)),
  );
  // With the right-to-left mark Arabic exports write; sentences holding a wording stay text.
  assert.deepEqual(
    await parse(
      "16/12/2021, 8:00 PM - سارة: \u200fمكالمة فيديو فائتة\n" +
        "16/12/2021, 8:01 PM - سارة: مكالمة صوتية فائتة؟\n" +
        "16/12/2021, 8:02 PM - Jun: 부재중 전화 봤어요\n" +
        "16/12/2021, 8:03 PM - Ana: Missat samtal igen\n" +
        // iOS-only wordings and other cases are a participant's words on Android.
        "16/12/2021, 8:04 PM - Ana: Llamada perdida\n" +
        "16/12/2021, 8:05 PM - Ana: Missat samtal\n" +
        "16/12/2021, 8:06 PM - Ana: missed voice call\n",
    ),
    [
      msg("2021-12-16T20:00:00", null, "مكالمة فيديو فائتة"),
      msg("2021-12-16T20:01:00", "سارة", "مكالمة صوتية فائتة؟"),
      msg("2021-12-16T20:02:00", "Jun", "부재중 전화 봤어요"),
      msg("2021-12-16T20:03:00", "Ana", "Missat samtal igen"),
      msg("2021-12-16T20:04:00", "Ana", "Llamada perdida"),
      msg("2021-12-16T20:05:00", "Ana", "Missat samtal"),
      msg("2021-12-16T20:06:00", "Ana", "missed voice call"),
    ],
  );
});

Deno.test("an Arabic export whose only system lines are calls is Arabic", async () => {
  const { summary } = await parseText(
    "16/12/2021, 7:55 PM - سارة: مرحبا\n" +
      "16/12/2021, 7:56 PM - سارة: مكالمة صوتية فائتة\n" +
      "16/12/2021, 7:57 PM - أحمد: مكالمة فيديو فائتة\n",
  );
  assert.equal(summary.language, "ar");
});

Deno.test("every call wording votes its language; Android's are whole-body system lines", () => {
  // Czech Android writes Slovak iOS's `Zmeškaný videohovor`: it votes for neither.
  assert.deepEqual([...SHARED_CALLS], ["Zmeškaný videohovor"]);
  for (const [table, whole] of [[CALLS, true], [IOS_CALLS, false]] as const) {
    for (const [lang, list] of Object.entries(table)) {
      for (const w of list) {
        const expected = SHARED_CALLS.has(w) ? null : lang;
        assert.equal(systemLanguage(w), expected, w);
        assert.equal(systemLanguage(`\u200e${w}.`), expected, w); // iOS
        assert.ok(SYSTEM_ANY.test(w), w);
        if (!whole) {
          // Not a whole-body wording, unless Android writes the same words (cs `Zmeškaný …`).
          const android = Object.values(CALLS).some((l) => l.includes(w));
          assert.equal(EXACT.get(w)?.kind === "system", android, w);
          continue;
        }
        // A whole body is its table's language (the shared row: none).
        assert.deepEqual(EXACT.get(w), { kind: "system", lang: expected }, w);
        assert.deepEqual(EXACT.get(w + "."), { kind: "system", lang: expected }, w);
        // Written one way: no case variant.
        const flipped = w[0] === w[0].toLowerCase() ? w[0].toUpperCase() : w[0].toLowerCase();
        if (flipped !== w[0]) assert.equal(EXACT.get(flipped + w.slice(1)), undefined, w);
      }
    }
  }
  // iOS rows of a call that took place, written once (wordings_calls.ts IOS_CALL_START).
  assert.equal(systemLanguage("Voice call, 6 min"), "en");
  assert.equal(systemLanguage("Video call, 1 hr"), "en");
  assert.equal(systemLanguage("A missed call, ask Ana"), null);
});
