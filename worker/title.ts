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
