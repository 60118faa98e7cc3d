// Test helper: a conversation written straight into the database for a signed-up user, as
// the import worker would leave it (messages by COPY, participants, counts, view-as, media).
import { copyMessages } from "../lib/db/messages.ts";
import { rebuildSearchIndex } from "../lib/db/search_index.ts";
import type { Message } from "../lib/parse/types.ts";
import type { TestApp } from "../tests/helpers/app.ts";

/** A message for {@link seedChat}: only `date` and `text` are needed. */
export type ChatMessage = Partial<Message> & { date: string; text: string };

/** Writes a conversation and returns its id. Authors default to "Ann"; kinds to text/system. */
export async function seedChat(
  t: TestApp,
  userId: string,
  chat: {
    title?: string;
    messages: ChatMessage[];
    viewAs?: string | null;
    media?: { name: string; contentType: string; bytes: Uint8Array }[];
  },
): Promise<string> {
  const id = crypto.randomUUID();
  const sql = t.db.sql;
  await sql`insert into conversations (id, user_id, title) values (${id}, ${userId}, ${
    chat.title ?? "Chat"
  })`;
  const messages: Message[] = chat.messages.map((m) => {
    const author = m.author === undefined ? "Ann" : m.author;
    return {
      date: m.date,
      text: m.text,
      author,
      kind: m.kind ?? (author === null ? "system" : "text"),
      attachment: m.attachment ?? null,
      edited: m.edited ?? false,
    };
  });
  async function* once() {
    yield messages;
  }
  const count = await copyMessages(sql, id, once());
  await rebuildSearchIndex(sql, id); // as the worker does right after an import's commit
  await sql`
    insert into participants (conversation_id, name, message_count, first_seq)
    select conversation_id, author, count(*), min(seq) from messages
    where conversation_id = ${id} and author is not null group by conversation_id, author`;
  for (const f of chat.media ?? []) {
    const key = `conversations/${id}/media/${f.name}`;
    await t.blobs.put(key, f.bytes, { contentType: f.contentType, size: f.bytes.length });
    await sql`
      insert into media (conversation_id, name, blob_key, size, content_type)
      values (${id}, ${f.name}, ${key}, ${f.bytes.length}, ${f.contentType})`;
  }
  const viewAs = chat.viewAs === undefined
    ? (messages.find((m) => m.author)?.author ?? null)
    : chat.viewAs;
  await sql`
    update conversations c set message_count = ${count}, view_as = ${viewAs},
      first_date = (select min(date) from messages where conversation_id = c.id),
      last_date = (select max(date) from messages where conversation_id = c.id)
    where id = ${id}`;
  return id;
}

/** `n` text messages "message 1" … "message n", one a minute from 2024-01-01 09:00 by Ann/Bob. */
export function numbered(n: number, start = Date.UTC(2024, 0, 1, 9, 0, 0)): ChatMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(start + i * 60_000).toISOString().slice(0, 19),
    author: i % 2 ? "Bob" : "Ann",
    text: `message ${i + 1}`,
  }));
}

/** Reads a page as text, failing on any status but the expected one. */
export async function page(
  t: TestApp,
  path: string,
  headers: Record<string, string>,
  status = 200,
) {
  const res = await t.app.request(path, { headers });
  const body = await res.text();
  if (res.status !== status) {
    throw new Error(`GET ${path}: expected ${status}, got ${res.status}: ${body.slice(0, 300)}`);
  }
  return body;
}
