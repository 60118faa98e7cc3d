// `deno task bench:insights [messages] [--v8-flags=…]`: seeds a synthetic chat (default 1M
// messages, four people, five years) with COPY into a fresh database, runs refreshInsights on it
// in a child process (so that its peak RSS, VmHWM, is the refresh's alone, as in the worker; the
// V8 flags given are passed to that child) and times the insights page and API (cold, warm,
// filtered, 304). Uses the machine's PostgreSQL like the tests (TEST_DATABASE_URL or
// 127.0.0.1:5432, else an embedded one).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createRng } from "../lib/parse/generate.ts";
import { createTestApp, signUp } from "../tests/helpers/app.ts";

const TOTAL = Number(Deno.args.find((a) => !a.startsWith("--")) ?? 1_000_000);
const V8_FLAGS = Deno.args.filter((a) => a.startsWith("--v8-flags="));
const PEOPLE = ["Ann", "Bob", "Chloé", "Dmitri Ivanov"];
const WEIGHTS = [0.4, 0.3, 0.2, 0.1];
const EMOJI = [
  "😂",
  "❤️",
  "👍",
  "👍🏽",
  "🙏",
  "😍",
  "🎉",
  "👨‍👩‍👧",
  "🇪🇸",
  "🇳🇱",
  "🔥",
  "😭",
  "🤣",
  "😊",
  "🥰",
];
const COMMON =
  ("yes no ok good time home work today tomorrow night dinner coffee love haha call later " +
    "really think know going want need see come thanks sure maybe week weekend morning great nice")
    .split(" ");
const FILLER = [
  "the",
  "and",
  "to",
  "a",
  "is",
  "it",
  "you",
  "that",
  "of",
  "in",
  "for",
  "on",
  "with",
];

// Deterministic: every run seeds the same chat.
const rng = createRng(0x9e3779b9);
const random = rng.next;
const pick = rng.pick;
/** Zipf-like: low indices far more often. */
const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1))) - 1);
const VOCABULARY = [
  ...COMMON,
  ...Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}${"aeiou"[i % 5]}`),
];

function text(): string {
  const words: string[] = [];
  const n = 1 + Math.floor(random() * 12);
  for (let i = 0; i < n; i++) {
    words.push(random() < 0.35 ? pick(FILLER) : VOCABULARY[zipf(VOCABULARY.length)]);
  }
  if (random() < 0.25) words.push(EMOJI[zipf(EMOJI.length)].repeat(1 + Math.floor(random() * 2)));
  if (random() < 0.02) {
    words.push(`https://www.site${zipf(50)}.com/p/${Math.floor(random() * 1e6)}`);
  }
  return words.join(" ");
}

const MEDIA = ["IMG", "IMG", "IMG", "PTT", "VID", "STK", "DOC", "AUD"];
const EXT: Record<string, string> = {
  IMG: "jpg",
  PTT: "opus",
  VID: "mp4",
  STK: "webp",
  DOC: "pdf",
  AUD: "mp3",
};

function* rows(conversationId: string): Generator<string> {
  let t = Date.UTC(2019, 0, 1, 8), author = 0, chunk = "";
  const esc = (s: string) =>
    s.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);
  for (let seq = 1; seq <= TOTAL; seq++) {
    t += random() < 0.03 ? -Math.log(1 - random()) * 3_300_000 : -Math.log(1 - random()) * 60_000;
    const hour = new Date(t).getUTCHours();
    if (hour >= 1 && hour < 7) t += (7 - hour) * 3_600_000;
    if (random() > 0.4) {
      let r = random(), next = 0;
      while (next < WEIGHTS.length - 1 && (r -= WEIGHTS[next]) > 0) next++;
      author = next;
    }
    const date = new Date(t).toISOString().slice(0, 19).replace("T", " ");
    const k = random();
    let who: string | null = PEOPLE[author],
      kind = "text",
      body = "",
      attachment: string | null = null;
    if (k < 0.001) [who, kind, body] = [null, "system", "Ann added Bob"];
    else if (k < 0.041) {
      const type = pick(MEDIA);
      kind = "media";
      attachment = `${type}-${date.slice(0, 10).replaceAll("-", "")}-WA${
        String(seq % 10000).padStart(4, "0")
      }.${EXT[type]}`;
      body = random() < 0.3 ? text() : "";
    } else if (k < 0.044) [kind, body] = ["deleted", "This message was deleted"];
    else if (k < 0.046) [kind, body] = ["location", "location: https://maps.google.com/?q=1,2"];
    else if (k < 0.047) [kind, body, attachment] = ["contact", "", "Someone.vcf"];
    else body = text();
    chunk += `${conversationId}\t${seq}\t${seq}\t${date}\t${date}Z\t${
      who === null ? "\\N" : esc(who)
    }\t${esc(body)}\t${kind}\t${attachment ?? "\\N"}\tf\n`;
    if (seq % 5000 === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

const ms = (since: number) => Math.round(performance.now() - since);
const t = await createTestApp({ db: "auto" });
try {
  const sql = t.db.sql;
  const user = await signUp(t.app);
  const id = crypto.randomUUID();
  await sql`
    insert into conversations (id, user_id, title, summary)
    values (${id}, ${user.userId}, 'Benchmark', ${sql.json({ language: "en" })})`;

  const started = performance.now();
  const writable = await sql`
    copy messages (conversation_id, seq, ref, date, at, author, text, kind, attachment, edited)
    from stdin`
    .writable();
  await pipeline(Readable.from(rows(id)), writable);
  await sql`
    insert into participants (conversation_id, name, message_count, first_seq)
    select conversation_id, author, count(*), min(seq) from messages
    where conversation_id = ${id} and author is not null group by conversation_id, author`;
  await sql`
    update conversations c set message_count = ${TOTAL},
      first_date = (select min(date) from messages where conversation_id = c.id),
      last_date = (select max(date) from messages where conversation_id = c.id)
    where id = ${id}`;
  await sql`analyze messages`;
  const seedMs = ms(started);

  const child = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...V8_FLAGS, new URL("./_insights_refresh.ts", import.meta.url).pathname],
    env: { DATABASE_URL: t.db.url, CONVERSATION_ID: id },
    stderr: "inherit",
  }).output();
  if (!child.success) throw new Error("the refresh failed");
  const refresh = JSON.parse(new TextDecoder().decode(child.stdout));
  await sql`analyze insights_days, insights_starts, insights_replies, insights_runs, insights_terms`;
  const [sizes] = await sql`
    select (select count(*)::int from insights_days where conversation_id = ${id}) as days,
      (select count(*)::int from insights_starts where conversation_id = ${id}) as starts,
      (select count(*)::int from insights_replies where conversation_id = ${id}) as replies,
      (select count(*)::int from insights_runs where conversation_id = ${id}) as runs,
      (select count(*)::int from insights_terms where conversation_id = ${id}) as terms`;

  const time = async (path: string, headers: Record<string, string> = {}) => {
    const s = performance.now();
    const res = await t.app.request(path, { headers: { ...user.headers, ...headers } });
    const body = await res.text();
    return {
      ms: performance.now() - s,
      status: res.status,
      bytes: body.length,
      etag: res.headers.get("etag"),
    };
  };
  const runs = async (path: string, n = 15) => {
    const cold = await time(path);
    const warm: number[] = [];
    for (let i = 0; i < n; i++) warm.push((await time(path)).ms);
    warm.sort((a, b) => a - b);
    return {
      status: cold.status,
      kb: Math.round(cold.bytes / 1024),
      coldMs: Math.round(cold.ms),
      p50Ms: Math.round(warm[Math.floor(n / 2)]),
      maxMs: Math.round(warm[n - 1]),
      etag: cold.etag!,
    };
  };
  const page = await runs(`/c/${id}/insights`);
  const api = await runs(`/api/conversations/${id}/insights`);
  const filtered = await runs(
    `/c/${id}/insights?from=2020-03-15&to=2021-08-10&author=Ann&author=Chlo%C3%A9&gap=3`,
  );
  const notModified = await time(`/c/${id}/insights`, { "if-none-match": page.etag });
  const { etag: _p, ...pageOut } = page,
    { etag: _a, ...apiOut } = api,
    { etag: _f, ...filteredOut } = filtered;
  console.log(JSON.stringify(
    {
      messages: TOTAL,
      seedMs,
      v8Flags: V8_FLAGS,
      refresh,
      aggregateRows: sizes,
      page: pageOut,
      api: apiOut,
      filteredPage: filteredOut,
      notModified: { status: notModified.status, ms: Math.round(notModified.ms) },
      readerRssMb: Math.round(Deno.memoryUsage().rss / 2 ** 20),
    },
    null,
    2,
  ));
} finally {
  await t.close();
}
