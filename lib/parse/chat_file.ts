/**
 * Which file of an export is the chat, and what the chat is called, from names alone — `_chat.txt`
 * (iOS), `WhatsApp Chat with Bob.txt` in many languages (Android) — and, where the name does not
 * tell, from the first bytes of a candidate ({@link looksLikeChat}). Pure: no I/O.
 *
 * @module
 */
import { sniff } from "./decode.ts";
import { candidateOf } from "./header.ts";
import { ParseError } from "./types.ts";

/**
 * Android chat-file prefixes in several languages (FORMAT.md §1); `_` may replace spaces, and
 * German writes the compound with a hyphen too (`WhatsApp-Chat mit Bob.txt`).
 */
const CHAT_PREFIXES = [
  "WhatsApp Chat with ",
  "WhatsApp Chat - ",
  "Chat de WhatsApp con ",
  "Chat WhatsApp con ",
  "WhatsApp Chat mit ",
  "Discussion WhatsApp avec ",
  "Conversa do WhatsApp com ",
  "Conversa no WhatsApp com ",
  "Чат WhatsApp с ",
].map((p) => p.toLowerCase());

/**
 * The chat name told by an export's file or folder name, or null: `WhatsApp Chat with Bob.txt`,
 * `WhatsApp_Chat_mit_Bob.txt`, `WhatsApp Chat - Book club.zip`, `WhatsApp Chat - Bob (1).zip` →
 * `Bob`, `Bob`, `Book club`, `Bob`; `_chat.txt` → null.
 *
 * @example
 * ```ts
 * chatNameFromFileName("uploads/WhatsApp Chat - Book club.zip"); // "Book club"
 * ```
 */
export function chatNameFromFileName(name: string): string | null {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1)
    .replace(/\.(txt|zip)$/i, "")
    .replace(/ \(\d+\)$/, "")
    .replaceAll("_", " ");
  const lower = base.toLowerCase().replace(/^whatsapp-chat /, "whatsapp chat ");
  for (const prefix of CHAT_PREFIXES) {
    if (lower.startsWith(prefix)) {
      const rest = base.slice(prefix.length).trim();
      return rest === "" ? null : rest;
    }
  }
  return null;
}

/** True for `_chat.txt` (iOS) and the localised Android chat file names. */
export function isChatFileName(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (!/\.txt$/i.test(base)) return false;
  return base.toLowerCase() === "_chat.txt" || chatNameFromFileName(base) !== null;
}

/**
 * The `.txt` files most likely the chat first: the one chat file name when there is one (the
 * shallowest; then iOS's `_chat.txt`; then the one naming the chat the zip is named after,
 * `zipChatName`; then the shortest path), else every `.txt` — names containing "chat" first,
 * then the shallowest, then the largest. Another chat's export shared in this one is a file of
 * its zip with a chat file name too (`WhatsApp Chat with Al.txt` beside `… with Bob.txt`).
 */
export function rankChatEntries(
  files: { name: string; size: number }[],
  zipChatName: string | null = null,
): string[] {
  const depth = (n: string) => n.split("/").length;
  const base = (n: string) => n.slice(n.lastIndexOf("/") + 1);
  const ios = (n: string) => base(n).toLowerCase() === "_chat.txt" ? 0 : 1;
  const wanted = zipChatName?.toLowerCase();
  const named = (n: string) => chatNameFromFileName(base(n))?.toLowerCase() === wanted ? 0 : 1;
  const txt = files.filter((f) => /\.txt$/i.test(f.name));
  const chats = txt.filter((f) => isChatFileName(f.name));
  if (chats.length > 0) {
    chats.sort((a, b) =>
      depth(a.name) - depth(b.name) || ios(a.name) - ios(b.name) ||
      (wanted ? named(a.name) - named(b.name) : 0) || a.name.length - b.name.length ||
      (a.name < b.name ? -1 : 1)
    );
    return [chats[0].name];
  }
  const hasChat = (n: string) => /chat/i.test(n.slice(n.lastIndexOf("/") + 1)) ? 0 : 1;
  txt.sort((a, b) =>
    hasChat(a.name) - hasChat(b.name) || depth(a.name) - depth(b.name) || b.size - a.size ||
    (a.name < b.name ? -1 : 1)
  );
  return txt.map((f) => f.name);
}

/**
 * True when one of the first lines of `head` (an export's first bytes, any encoding we read) is
 * a message header of a known layout; false for binary data.
 */
export function looksLikeChat(head: Uint8Array): boolean {
  let text: string;
  try {
    text = sniff(head, head.length).decode(head);
  } catch (err) {
    if (err instanceof ParseError) return false;
    throw err;
  }
  return text.split(/\r\n|\r|\n/).slice(0, 20).some((line) =>
    candidateOf(line.replace(/^\uFEFF/, "")) !== null
  );
}
