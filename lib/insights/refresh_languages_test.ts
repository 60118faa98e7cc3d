// The stop words of the most used words follow the languages people write in, not only the
// export's language (lib/insights/languages.ts), against the real database.
import assert from "node:assert/strict";
import { createImport } from "../db/imports.ts";
import { silentLogger } from "../log.ts";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";
import { importChat } from "../../worker/import_chat.ts";
import { seedChat } from "./fixture_test_util.ts";
import { chatLanguages } from "./languages.ts";
import { stopWordsFor } from "./stopwords/mod.ts";

type User = Awaited<ReturnType<typeof signUp>>;
type Words = { all: { term: string }[]; byParticipant: Record<string, { term: string }[]> };

/** Imports an English-headed Android export of `messages` ([author, text]), 7 minutes apart. */
async function importEnglishExport(
  t: TestApp,
  user: User,
  messages: [string, string][],
): Promise<string> {
  const p = (n: number) => String(n).padStart(2, "0");
  const lines = [
    "01/01/2024, 08:59 - Messages and calls are end-to-end encrypted. No one outside of this " +
    "chat, not even WhatsApp, can read or listen to them. Tap to learn more.",
  ];
  messages.forEach(([author, text], i) => {
    const d = new Date(Date.UTC(2024, 0, 1, 9) + i * 7 * 60_000);
    lines.push(
      `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ` +
        `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} - ${author}: ${text}`,
    );
  });
  const chat = new TextEncoder().encode(lines.join("\n") + "\n");
  const id = crypto.randomUUID();
  await t.blobs.put(`imports/${id}/original`, chat);
  await createImport(t.db.sql, {
    id,
    userId: user.userId,
    filename: "WhatsApp Chat with Bob.txt",
    size: chat.length,
    sha256: "0".repeat(64),
    blobKey: `imports/${id}/original`,
  });
  await importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, id);
  const [conv] = await t.db
    .sql`select summary->>'language' as language from conversations where id = ${id}`;
  assert.equal(conv.language, "en");
  return id;
}

async function topWords(t: TestApp, user: User, id: string): Promise<Words> {
  const res = await t.app.request(`/api/conversations/${id}/insights`, { headers: user.headers });
  assert.equal(res.status, 200);
  return (await res.json()).terms.words;
}

Deno.test("most used words: an English export written half in Spanish loses both languages' stop words", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    const english = [
      "I miss you so much, the beach was lovely",
      "dinner at the beach tonight? I can cook",
      "love the photos of the beach and the dog",
      "what time do you finish work today?",
    ];
    const spanish = [
      "te quiero mucho, la casa de tu madre es muy bonita",
      "que bueno que vienes, te espero en la playa",
      "jaja no sé, pero la comida de ayer estaba rica",
      "el perro de la vecina se comió mi zapato",
      "hay que comprar pan y leche para la cena de la playa",
      "estoy en la oficina, te llamo cuando salga",
      "tengo hambre, vamos a la playa el sábado que viene",
      "qué tal el trabajo? te extraño, la playa sin ti no es igual",
    ];
    const messages: [string, string][] = [];
    for (let i = 0; i < 24; i++) {
      messages.push(["Ann", english[i % english.length]], ["Bob", spanish[i % spanish.length]]);
    }
    const id = await importEnglishExport(t, user, messages);
    const words = await topWords(t, user, id);
    const stop = new Set([...stopWordsFor("en"), ...stopWordsFor("es")]);
    for (const list of [words.all, words.byParticipant.Ann, words.byParticipant.Bob]) {
      assert.equal(list.length, 10);
      const found = list.map((w) => w.term).filter((w) => stop.has(w));
      assert.deepEqual(found, [], "no English or Spanish stop words");
    }
    assert.equal(words.byParticipant.Bob[0].term, "playa");
    assert.equal(words.byParticipant.Ann[0].term, "beach");
  } finally {
    await t.close();
  }
});

Deno.test("most used words: a chat in one language is unchanged, other languages' stop words kept", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    // Spanish (as seedChat's export): "va" is an Italian stop word, "come" too, "son" a French
    // one; here they are Spanish words and stay.
    const texts = [
      ...new Array(5).fill("mi hermano come mucho y va al gimnasio"),
      ...new Array(4).fill("son las diez, la cena va a estar lista"),
      ...new Array(3).fill("los gatos son muy lindos y come todo el día"),
    ];
    const id = await seedChat(
      t.db.sql,
      user.userId,
      texts.map((text, i) => [`2024-03-01 10:${String(i).padStart(2, "0")}`, "Ana", "text", text]),
    );
    const words = await topWords(t, user, id);
    assert.deepEqual(words.all.map((w) => w.term), [
      "va",
      "come",
      "son",
      "gimnasio",
      "hermano",
      "cena",
      "diez",
      "lista",
      "día",
      "gatos",
    ]);
  } finally {
    await t.close();
  }
});

Deno.test("most used words: quoting a few foreign words keeps that language's stop words", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    // "door" and "want" are Dutch stop words, "war" and "hat" German ones; a few quoted German
    // and Dutch sentences (10 German marker words in ~3,500) do not make this chat German.
    const english = [
      "we want a new door for the kitchen, the old one is broken",
      "the war documentary was great, I want to watch it again tonight",
      "found my old hat behind the door of the garage this morning",
      "do you want the red hat from the war museum or the blue one",
    ];
    const messages: [string, string][] = [];
    for (let i = 0; i < 400; i++) {
      messages.push([i % 2 ? "Bob" : "Ann", english[i % english.length]]);
    }
    messages.splice(100, 0, ["Ann", "she always says ich liebe dich und so"]);
    messages.splice(200, 0, ["Bob", "ich liebe dich und so, as she says"]);
    messages.splice(250, 0, ["Ann", "ha, ich liebe dich und so"]);
    messages.splice(300, 0, ["Bob", "das ist gut, ich weiß"], ["Ann", "ik hou van jou"]);
    messages.splice(350, 0, ["Bob", "das ist gut, ich weiß"], ["Ann", "ik hou van jou"]);
    const id = await importEnglishExport(t, user, messages);
    const top = (await topWords(t, user, id)).all.map((w) => w.term);
    for (const word of ["want", "door", "hat", "war"]) assert.ok(top.includes(word), word);
  } finally {
    await t.close();
  }
});

Deno.test("chatLanguages: the sample spans the chat, so a language written late is seen", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    const id = crypto.randomUUID();
    await t.db.sql`
      insert into conversations (id, user_id, title, message_count, summary)
      values (${id}, ${user.userId}, 'Long', 30000, ${t.db.sql.json({ language: "en" })})`;
    // 30,000 messages (three times what the sample reads): English, then Spanish from 24,001.
    await t.db.sql`
      insert into messages (conversation_id, seq, ref, date, at, author, kind, text)
      select ${id}, seq, seq, timestamp '2024-01-01' + seq * interval '1 minute',
        timestamptz '2024-01-01Z' + seq * interval '1 minute', 'Ann', 'text',
        case when seq <= 24000 then 'the cat and the dog are out with you'
          else 'jaja pero el perro está muy bien' end
      from generate_series(1, 30000) as seq`;
    assert.deepEqual((await chatLanguages(t.db.sql, id, "en")).sort(), ["en", "es"]);
  } finally {
    await t.close();
  }
});
