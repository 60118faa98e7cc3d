/**
 * The synthetic group chat of the read benchmark (bench/read.ts): six people, a Zipf vocabulary of
 * common chat words and made-up ones, a few accented and rare words, one message every 0–10
 * minutes from 2015. Deterministic for a seed.
 *
 * @module
 */
import { createRng } from "../lib/parse/generate.ts";
import type { Message } from "../lib/parse/types.ts";

/** The participants. */
export const AUTHORS = ["Ann", "Bob", "Chloé", "Dmitri", "Eve Adams", "Farah"];
/** Rare words planted in the chat, with how many messages hold each. */
const RARE = { zanzibar: 5, quokka: 1 };

/** A vocabulary: common chat words first, then made-up words; Zipf-distributed draws. */
function vocabulary(random: () => number) {
  const common = [
    "ok",
    "the",
    "you",
    "haha",
    "yes",
    "and",
    "to",
    "it",
    "is",
    "what",
    "no",
    "i",
    "lol",
    "café",
    "thanks",
  ];
  const syllables = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ta",
    "ri",
    "so",
    "vu",
    "pe",
    "da",
    "zo",
    "fi",
    "gu",
    "ha",
    "je",
    "bo",
  ];
  const words = new Set(common);
  while (words.size < 8000) {
    const n = 2 + Math.floor(random() * 3);
    let w = "";
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    words.add(w);
  }
  const list = [...words];
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 0; r < list.length; r++) cumulative.push(sum += 1 / Math.pow(r + 1, 1.05));
  return () => {
    const x = random() * sum;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
}

/** `count` synthetic messages in batches of 10,000, one every 0–10 minutes from 2015. */
export async function* syntheticMessages(count: number, seed = 42): AsyncGenerator<Message[]> {
  const random = createRng(seed).next; // deterministic: every run seeds the same chat
  const word = vocabulary(random);
  const rare = new Map<number, string>();
  for (const [w, n] of Object.entries(RARE)) {
    for (let i = 0; i < n; i++) rare.set(Math.floor(random() * count), w);
  }
  let time = Date.UTC(2015, 0, 1, 8, 0, 0);
  let batch: Message[] = [];
  for (let i = 0; i < count; i++) {
    time += Math.floor(random() * 600) * 1000;
    const words: string[] = [];
    const n = 1 + Math.floor(random() * 14);
    for (let k = 0; k < n; k++) words.push(word());
    if (rare.has(i)) words.splice(Math.floor(random() * words.length), 0, rare.get(i)!);
    const r = random();
    batch.push({
      date: new Date(time).toISOString().slice(0, 19),
      author: r < 0.002 ? null : AUTHORS[Math.floor(random() * AUTHORS.length)],
      text: words.join(" ") + (r > 0.97 ? "\n*" + word() + "* _" + word() + "_" : ""),
      kind: r < 0.002 ? "system" : "text",
      attachment: null,
      edited: r > 0.995,
    });
    if (batch.length === 10_000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
