import type { Message } from "../lib/parse/types.ts";
import { mayHaveSpellings } from "./media_names.ts";

/** Participants and date range, gathered while the messages stream by (no extra table scan). */
export class ChatStats {
  participants = new Map<string, { count: number; firstSeq: number }>();
  firstDate: string | null = null;
  lastDate: string | null = null;
  /** The attachment names with non-ASCII characters (see media_names.ts). */
  attachments = new Set<string>();
  #seq = 0;

  async *observe(batches: AsyncIterable<Message[]>): AsyncIterable<Message[]> {
    for await (const batch of batches) {
      for (const m of batch) {
        const seq = ++this.#seq;
        if (this.firstDate === null || m.date < this.firstDate) this.firstDate = m.date;
        if (this.lastDate === null || m.date > this.lastDate) this.lastDate = m.date;
        if (m.attachment !== null && mayHaveSpellings(m.attachment)) {
          this.attachments.add(m.attachment);
        }
        if (m.author === null) continue;
        const p = this.participants.get(m.author);
        if (p) p.count++;
        else this.participants.set(m.author, { count: 1, firstSeq: seq });
      }
      yield batch;
    }
  }
}
