import assert from "node:assert/strict";
import { type AlignKey, alignMessages, matchKey } from "./align.ts";

/** A text message `body` by `author` at `time` on 2024-01-01 (seconds optional). */
const t = (time: string, body: string, author: string | null = "Ann"): AlignKey => ({
  date: `2024-01-01T${time.length === 5 ? time + ":00" : time}`,
  author,
  kind: author === null ? "system" : "text",
  body,
});
const media = (time: string, body: string, author = "Ann"): AlignKey => ({
  ...t(time, body, author),
  kind: "media",
});

/** The merged timeline as bodies, incoming ones marked with `+`. */
function timeline(existing: AlignKey[], incoming: AlignKey[]) {
  const a = alignMessages(existing, incoming);
  return {
    ...a,
    bodies: [...a.order].map((i) => i >= 0 ? existing[i].body : "+" + incoming[-i - 1].body),
    match: [...a.match],
  };
}

Deno.test("align: overlapping exports keep shared messages once, new ones around them", () => {
  const old = [t("10:00", "a"), t("10:01", "b"), t("10:02", "c")];
  const next = [t("10:01", "b"), t("10:02", "c"), t("10:03", "d"), t("10:04", "e")];
  const r = timeline(old, next);
  assert.deepEqual(r.bodies, ["a", "b", "c", "+d", "+e"]);
  assert.deepEqual(r.match, [1, 2, -1, -1]);
  assert.equal(r.added, 2);
  assert.equal(r.anchors, 2);
});

Deno.test("align: an older export goes before, gaps interleave by date", () => {
  const old = [t("10:05", "x"), t("10:07", "z")];
  const next = [t("10:01", "p"), t("10:05", "x"), t("10:06", "y"), t("10:08", "w")];
  assert.deepEqual(timeline(old, next).bodies, ["+p", "x", "+y", "z", "+w"]);
});

Deno.test("align: repeated messages within a minute match by occurrence", () => {
  const old = [t("10:00", "ok"), t("10:00", "ok", "Bob"), t("10:00", "ok")];
  // The newer export has a third "ok" by Ann in that minute: only it is new.
  const next = [t("10:00", "ok"), t("10:00", "ok", "Bob"), t("10:00", "ok"), t("10:00", "ok")];
  const r = timeline(old, next);
  assert.deepEqual(r.match, [0, 1, 2, -1]);
  assert.deepEqual(r.bodies, ["ok", "ok", "ok", "+ok"]);
  // Same text in another minute is another message.
  assert.deepEqual(timeline([t("10:00", "ok")], [t("10:01", "ok")]).match, [-1]);
});

Deno.test("align: <Media omitted> matches the attached file of the same author and minute", () => {
  const textOnly = [
    t("10:00", "look"),
    media("10:00", "<Media omitted>"),
    t("10:01", "nice", "Bob"),
  ];
  const withMedia = [t("10:00", "look"), media("10:00", ""), t("10:01", "nice", "Bob")];
  const r = timeline(textOnly, withMedia);
  assert.deepEqual(r.match, [0, 1, 2]);
  assert.equal(r.added, 0);
  // …but not another author's file, nor a text message.
  assert.deepEqual(timeline([media("10:00", "x")], [media("10:00", "x", "Bob")]).match, [-1]);
  assert.deepEqual(timeline([t("10:00", "x")], [media("10:00", "x")]).match, [-1]);
  // contact cards are files too (a text-only export may call one <Media omitted>).
  assert.equal(
    matchKey({ ...media("10:00", "a"), kind: "contact" }),
    matchKey(media("10:00", "<Media omitted>")),
  );
});

Deno.test("align: seconds (iOS) are truncated to the minute (Android)", () => {
  const android = [t("10:00", "hi"), t("10:01", "yo", "Bob")];
  const ios = [t("10:00:42", "hi"), t("10:01:05", "yo", "Bob"), t("10:01:30", "new")];
  const r = timeline(android, ios);
  assert.deepEqual(r.match, [0, 1, -1]);
  assert.deepEqual(r.bodies, ["hi", "yo", "+new"]);
});

Deno.test("align: disjoint exports are concatenated in date order", () => {
  const old = [t("09:00", "a"), t("09:01", "b")];
  const next = [t("11:00", "c"), t("11:01", "d")];
  assert.deepEqual(timeline(old, next).bodies, ["a", "b", "+c", "+d"]);
  assert.deepEqual(timeline(next, old).bodies, ["+a", "+b", "c", "d"]);
  assert.deepEqual(timeline([], old).bodies, ["+a", "+b"]);
  assert.deepEqual(timeline(old, []).bodies, ["a", "b"]);
});

Deno.test("align: a fully contained export adds nothing", () => {
  const all = ["a", "b", "c", "d", "e"].map((b, i) => t(`10:0${i}`, b));
  const r = timeline(all, all.slice(1, 4));
  assert.equal(r.added, 0);
  assert.deepEqual(r.bodies, ["a", "b", "c", "d", "e"]);
});

Deno.test("align: crossing matches anchor nothing and are never duplicated", () => {
  const old = [t("10:00", "a"), t("10:00", "b"), t("10:05", "c")];
  // The other phone wrote b before a (same minute), then a new message.
  const next = [t("10:00", "b"), t("10:00", "a"), t("10:03", "n"), t("10:05", "c")];
  const r = timeline(old, next);
  assert.deepEqual(r.match, [1, 0, -1, 2]);
  assert.equal(r.anchors, 2);
  assert.equal(r.added, 1);
  assert.deepEqual(r.bodies, ["a", "b", "+n", "c"]);
});

Deno.test("align: neither file's own order is changed, even when dates go backwards", () => {
  // The existing file has a clock jump back; incoming messages fill the gap by date only
  // against the existing messages of their gap, never moving an existing one.
  const old = [t("10:00", "a"), t("09:00", "b"), t("10:10", "c")];
  const next = [t("10:00", "a"), t("10:05", "n1"), t("09:30", "n2"), t("10:10", "c")];
  const r = timeline(old, next);
  const kept = r.bodies.filter((b) => !b.startsWith("+"));
  assert.deepEqual(kept, ["a", "b", "c"]);
  const added = r.bodies.filter((b) => b.startsWith("+"));
  assert.deepEqual(added, ["+n1", "+n2"]);
  assert.equal(r.order.length, 5);
});

Deno.test("align: system messages (no author) match on their text", () => {
  const old = [t("10:00", "Ann changed the subject", null)];
  const next = [t("10:00", "Ann changed the subject", null), t("10:00", "Bob left", null)];
  assert.deepEqual(timeline(old, next).match, [0, -1]);
});
