import type { ImportRow } from "../db/imports.ts";
import { AppError } from "../errors.ts";
import { type DateOrder, ParseError } from "../parse/types.ts";
import type { BlobStore } from "../storage/types.ts";
import { openStoredChat } from "./original.ts";
import { previewDateOrder, type ReparsePreview } from "./preview.ts";

/**
 * Previews re-reading an import's stored original with the `proposed` date order against the
 * order it is read with now (the user's choice, else detection). 409 when the original is gone
 * or cannot be read as a chat.
 */
export async function previewImport(
  blobs: BlobStore,
  imp: Pick<ImportRow, "blobKey" | "dateOrder" | "filename">,
  proposed: DateOrder,
): Promise<ReparsePreview> {
  let chat;
  try {
    chat = await openStoredChat(blobs, imp.blobKey, imp.filename);
  } catch (err) {
    if (err instanceof ParseError) throw unreadable(err);
    throw err;
  }
  if (!chat) throw new AppError(409, "original_missing", "the original upload is no longer stored");
  try {
    return await previewDateOrder(await chat.chatStream(), await chat.chatStream(), {
      current: imp.dateOrder,
      proposed,
    });
  } catch (err) {
    if (err instanceof ParseError) throw unreadable(err);
    throw err;
  } finally {
    await chat.close();
  }
}

const unreadable = (err: ParseError) =>
  new AppError(409, "unreadable", `the original upload cannot be read as a chat: ${err.message}`);
