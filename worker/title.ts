import { chatNameFromFileName } from "../lib/parse/chat_file.ts";

/**
 * A new conversation's title: the chat name the export's file names tell (`WhatsApp Chat with
 * Bob.txt`, or an iOS `_chat.txt` inside `WhatsApp Chat - Bob.zip` → `Bob`), else the uploaded
 * file's own name without its folder and its `.txt`/`.zip` extension (`ios_media.zip` →
 * `ios_media`): the title also names the export downloads (`<title>.txt`), where a kept
 * extension gave `ios_media.zip.txt`.
 *
 * @example
 * ```ts
 * conversationTitle("ios_media.ZIP", null); // "ios_media"
 * ```
 */
export function conversationTitle(uploadName: string, archiveChatName: string | null): string {
  const named = archiveChatName ?? chatNameFromFileName(uploadName);
  if (named) return named;
  const base = uploadName.slice(
    Math.max(uploadName.lastIndexOf("/"), uploadName.lastIndexOf("\\")) + 1,
  );
  return base.replace(/\.(txt|zip)$/i, "").trim() || base || uploadName;
}

/**
 * True for a title that names no chat: iOS's `_chat` (a bare `_chat.txt` upload, or a zip named
 * so) and WhatsApp's bare `WhatsApp Chat`. Such a conversation is titled by its participants
 * once they are known ({@link participantsTitle}).
 */
export function isGenericTitle(title: string): boolean {
  return /^(_chat|whatsapp[ _]chat)$/i.test(title.trim());
}

/**
 * A title from the participants, in the order they first wrote, as WhatsApp names a group
 * without a subject: `Ann & Bob`, `Ann, Bob & Carol`, `Ann, Bob, Carol +4`; null without any.
 *
 * @example
 * ```ts
 * participantsTitle(["Ann", "Bob", "Carol", "Dan"]); // "Ann, Bob, Carol +1"
 * ```
 */
export function participantsTitle(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return names[0];
  if (names.length <= 3) return `${names.slice(0, -1).join(", ")} & ${names[names.length - 1]}`;
  return `${names.slice(0, 3).join(", ")} +${names.length - 3}`;
}
