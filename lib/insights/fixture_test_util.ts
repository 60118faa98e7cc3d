// A small chat whose insights were computed by hand (see the expectations in
// routes/api/_insights_fixture.ts and the insights*_test.ts beside it), seeded straight into the
// tables an import fills.
import type { Sql } from "../db/client.ts";
import { refreshInsights } from "./refresh.ts";

/** A message: date, author (null: system), kind, text, attachment. */
export type Row = [
  date: string,
  author: string | null,
  kind: string,
  text: string,
  attachment?: string,
];

/** seq = index + 1. Mon 2024-01-01 … Thu 2024-02-01; Ann 12, Bob 14, Cleo 4 messages. */
export const CHAT: Row[] = [
  ["2024-01-01 09:00", null, "system", "Messages and calls are end-to-end encrypted."],
  ["2024-01-01 09:00", "Ann", "text", "Hello Bob! Happy new year 🎉"],
  ["2024-01-01 09:05", "Bob", "text", "Happy new year Ann 👨‍👩‍👧 🇪🇸"],
  ["2024-01-01 09:06", "Bob", "text", "the party was great https://www.example.com/photos"],
  ["2024-01-01 09:10", "Ann", "text", "Great great party 😂😂"],
  ["2024-01-01 09:30", "Ann", "media", "party", "IMG-20240101-WA0001.jpg"],
  ["2024-01-01 09:31", "Ann", "media", "", "PTT-20240101-WA0002.opus"],
  ["2024-01-01 10:00", "Bob", "text", "que bonito 😂"],
  ["2024-01-01 22:15", "Cleo", "text", "Late to the party 👍🏽"],
  ["2024-01-02 08:00", "Bob", "text", "Morning! https://example.com/a and https://news.site.org/b"],
  ["2024-01-02 08:02", "Ann", "text", "Morning Bob ❤️"],
  ["2024-01-02 08:03", "Ann", "deleted", "This message was deleted"],
  ["2024-01-02 08:04", "Ann", "text", "coffee later? ❤"],
  ["2024-01-02 08:20", "Bob", "media", "<Media omitted>"],
  ["2024-01-02 08:21", "Bob", "media", "", "STK-20240102-WA0003.webp"],
  ["2024-01-03 19:00", "Cleo", "text", "Coffee coffee coffee 👍🏽👍🏽"],
  ["2024-01-03 19:01", "Cleo", "location", "location: https://maps.google.com/?q=1,2"],
  ["2024-01-03 19:30", "Ann", "text", "Cleo 🇪🇸 party"],
  ["2024-01-10 12:00", "Bob", "text", "Anyone there?"],
  ["2024-01-10 12:10", "Ann", "contact", "", "Dan.vcf"],
  ["2024-01-10 12:11", "Ann", "media", "movie night", "VID-20240110-WA0004.mp4"],
  ["2024-01-10 12:12", "Ann", "media", "", "DOC-20240110-WA0005.pdf"],
  ["2024-01-10 12:40", "Bob", "text", "Nice movie 🎉🎉"],
  ["2024-01-11 07:00", "Bob", "text", "Good morning"],
  ["2024-01-11 07:01", "Bob", "text", "Coffee?"],
  ["2024-01-11 07:02", "Bob", "text", "Hello?"],
  ["2024-01-11 07:03", "Bob", "poll", "POLL:\nCoffee?\nOPTION: Yes (1 vote)"],
  ["2024-01-11 09:03", "Cleo", "text", "yes coffee https://example.com/menu"],
  ["2024-02-01 20:00", "Ann", "text", "February already 😂"],
  ["2024-02-01 20:05", "Bob", "media", "", "AUD-20240201-WA0006.mp3"],
  ["2024-02-01 20:06", "Bob", "text", "listen 👨‍👩‍👧"],
];

/** Creates the conversation (Spanish, per its summary) for `userId` and computes its insights. */
export async function seedChat(
  sql: Sql,
  userId: string,
  chat: Row[] = CHAT,
  title = "Friends",
): Promise<string> {
  const id = crypto.randomUUID();
  await sql`
    insert into conversations (id, user_id, title, message_count, summary)
    values (${id}, ${userId}, ${title}, ${chat.length}, ${sql.json({ language: "es" })})`;
  const rows = chat.map(([date, author, kind, text, attachment], i) => ({
    conversation_id: id,
    seq: i + 1,
    ref: i + 1,
    date,
    at: `${date}Z`,
    author,
    kind,
    text,
    attachment: attachment ?? null,
  }));
  await sql`insert into messages ${sql(rows)}`;
  await sql`
    insert into participants (conversation_id, name, message_count, first_seq)
    select conversation_id, author, count(*), min(seq) from messages
    where conversation_id = ${id} and author is not null group by conversation_id, author`;
  await refreshInsights(sql, id);
  return id;
}
