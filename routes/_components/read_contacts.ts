import type { AttachedFile, StoredMessage } from "../../lib/db/messages.ts";
import { type Contact, parseVcards } from "../../lib/format/message_kinds.ts";
import type { AppDeps } from "../deps.ts";

/** Card files larger than this are not read (a whole address book): the name comes from the file. */
const VCARD_MAX_BYTES = 64 * 1024;

/**
 * Reads the .vcf files of the contact cards among `messages` (small files only), keyed by seq:
 * every card of a file, for the conversation page and the shared pages that show media.
 */
export async function readContacts(
  deps: Pick<AppDeps, "blobs" | "logger">,
  messages: StoredMessage[],
  files: Map<string, AttachedFile>,
): Promise<Map<number, Contact[]>> {
  const contacts = new Map<number, Contact[]>();
  await Promise.all(messages.map(async (m) => {
    const file = m.kind === "contact" && m.attachment ? files.get(m.attachment) : undefined;
    if (!file || file.size > VCARD_MAX_BYTES) return;
    try {
      const blob = await deps.blobs.get(file.blobKey);
      if (blob) contacts.set(m.seq, parseVcards(await new Response(blob.body).text()));
    } catch (err) {
      deps.logger.warn("contact card unreadable", { error: (err as Error).message });
    }
  }));
  return contacts;
}
