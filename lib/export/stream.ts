/**
 * Text exports as byte streams pulled by the client: a page of messages is fetched only when
 * the previous one has been read (highWaterMark 0), so memory stays flat for any size.
 *
 * @module
 */
import type { ExportMessage } from "./source.ts";

/** How a text format writes itself: an opening, each message, a closing. */
export interface TextFormat {
  head: string;
  row(m: ExportMessage, index: number): string;
  tail: string;
}

const encoder = new TextEncoder();

/**
 * The bytes of `format` over the messages `pages` yields.
 *
 * @example
 * ```ts
 * const body = textStream(exportPages(sql, id, range), { head: "", row: txtMessage, tail: "" });
 * ```
 */
export function textStream(
  pages: AsyncIterator<ExportMessage[]>,
  format: TextFormat,
): ReadableStream<Uint8Array> {
  let index = 0, started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        if (format.head !== "") {
          controller.enqueue(encoder.encode(format.head));
          return;
        }
      }
      const next = await pages.next();
      if (next.done) {
        if (format.tail !== "") controller.enqueue(encoder.encode(format.tail));
        controller.close();
        return;
      }
      let chunk = "";
      for (const m of next.value) chunk += format.row(m, index++);
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await pages.return?.(undefined);
    },
  }, { highWaterMark: 0 });
}
