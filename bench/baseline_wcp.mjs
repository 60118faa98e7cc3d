// Baseline for bench/parse.ts: whatsapp-chat-parser v4 (npm, installed by Deno under node_modules/)
// reading the whole export and parsing it with attachments on, as its README shows.
// Usage: node bench/baseline_wcp.mjs FILE  → prints {"messages": N, "ms": T} on stdout.
import { readFileSync } from "node:fs";
import { parseString } from "whatsapp-chat-parser";

const started = performance.now();
const text = readFileSync(process.argv[2], "utf8");
const messages = parseString(text, { parseAttachments: true });
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ messages: messages.length, ms }) + "\n");
