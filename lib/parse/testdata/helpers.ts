/**
 * Test helpers: parse a fixture through BOTH entry points (the byte stream, cut into awkward
 * 7-byte chunks that split UTF-8 sequences and CRLF pairs, and parseString) and require the same
 * result, so every fixture test also tests streaming.
 *
 * @module
 */
import assert from "node:assert/strict";
import { parseChat, parseString } from "../parser.ts";
import type { Message, MessageKind, ParseOptions, ParseSummary } from "../types.ts";

/** A full Message, for `assert.deepEqual` against parser output. */
export function msg(
  date: string,
  author: string | null,
  text: string,
  kind: MessageKind = author === null ? "system" : "text",
  attachment: string | null = null,
  edited = false,
): Message {
  return { date, author, text, kind, attachment, edited };
}

/** Bytes of a fixture file. */
export function fixtureBytes(path: string): Uint8Array {
  return Deno.readFileSync(new URL(`./${path}`, import.meta.url));
}

/** Yields `bytes` in chunks of `size`. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

/** Parses a byte stream fully with parseChat (batches) and returns messages and summary. */
export async function parseBytes(
  bytes: Uint8Array,
  options: ParseOptions = {},
  chunk = 7,
): Promise<{ messages: Message[]; summary: ParseSummary }> {
  const parse = parseChat(chunked(bytes, chunk), options);
  const messages: Message[] = [];
  for await (const batch of parse.batches()) messages.push(...batch);
  return { messages, summary: parse.summary() };
}

/** Parses a fixture through both entry points, asserts they agree, returns the result. */
export async function parseFixture(
  path: string,
  options: ParseOptions = {},
): Promise<{ messages: Message[]; summary: ParseSummary }> {
  const bytes = fixtureBytes(path);
  const streamed = await parseBytes(bytes, options);
  const whole = parseString(new TextDecoder().decode(bytes), options);
  assert.deepEqual(streamed, whole, `${path}: parseChat and parseString disagree`);
  return whole;
}

/** Parses `text` streamed in 7-byte chunks and whole, asserts they agree, returns the result. */
export async function parseText(
  text: string,
  options: ParseOptions = {},
): Promise<{ messages: Message[]; summary: ParseSummary }> {
  const streamed = await parseBytes(new TextEncoder().encode(text), options);
  const whole = parseString(text, options);
  assert.deepEqual(streamed, whole, "parseChat and parseString disagree");
  return whole;
}
