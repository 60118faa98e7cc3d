import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { CSV_COLUMNS } from "../../lib/export/csv.ts";
import { generateMessages } from "../../lib/parse/generate.ts";
import { parseString } from "../../lib/parse/parser.ts";
import type { Message } from "../../lib/parse/types.ts";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";
import { type ChatMessage, numbered, seedChat } from "../_test_chat.ts";

const fields = (m: Message) => ({
  date: m.date,
  author: m.author,
  text: m.text,
  kind: m.kind,
  attachment: m.attachment,
  edited: m.edited,
});

/** Every kind, multi-line, RTL, emoji, edited, captions: hand-picked plus generated traps. */
function everyKind(): ChatMessage[] {
  const hand: Message[] = [
    {
      date: "2024-01-02T09:00:00",
      author: null,
      text: 'You created group "Book club"',
      kind: "system",
    },
    { date: "2024-01-02T09:00:05", author: "Ann", text: "line one\n\nline 3, with comma" },
    { date: "2024-01-02T09:00:06", author: "محمد علي", text: "مرحبا، كيف حالك؟" },
    { date: "2024-01-02T09:00:07", author: "Eve 🤓", text: "family 👨‍👩‍👧‍👦 flag 🇪🇸" },
    { date: "2024-01-02T09:01:00", author: "Ann", text: "fixed\ntwice", edited: true },
    {
      date: "2024-01-02T09:02:00",
      author: "Bob",
      text: "This message was deleted",
      kind: "deleted",
    },
    {
      date: "2024-01-02T09:03:00",
      author: "Bob",
      text: "look at this\nsecond caption line",
      kind: "media",
      attachment: "IMG-20240102-WA0001.jpg",
    },
    { date: "2024-01-02T09:03:01", author: "Bob", text: "<Media omitted>", kind: "media" },
    {
      date: "2024-01-02T09:04:00",
      author: "Ann",
      text: "",
      kind: "contact",
      attachment: "Jane Doe.vcf",
    },
  ].map((m) => ({ kind: "text", attachment: null, edited: false, ...m }) as Message);
  const generated = [
    ...generateMessages({
      layout: "android",
      dateOrder: "DMY",
      clock: "12h",
      seed: 4,
      messages: 400,
      hard: true,
    }),
    ...generateMessages({
      layout: "ios",
      dateOrder: "MDY",
      clock: "24h",
      seed: 5,
      messages: 400,
      hard: true,
    }),
  ];
  return [...hand, ...generated];
}

async function withApp(fn: (t: TestApp) => Promise<void>) {
  const t = await createTestApp();
  try {
    await fn(t);
  } finally {
    await t.close();
  }
}

const get = (t: TestApp, path: string, headers: Record<string, string>) =>
  t.app.request(path, { headers });

Deno.test("export txt: re-importing it gives back the same messages (round trip)", async () => {
  await withApp(async (t) => {
    const ann = await signUp(t.app);
    const messages = everyKind();
    const id = await seedChat(t, ann.userId, { title: "Book club", messages });
    const res = await get(t, `/api/conversations/${id}/export?format=txt`, ann.headers);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "text/plain; charset=utf-8");
    assert.match(res.headers.get("content-disposition")!, /^attachment; filename="Book club\.txt"/);
    assert.equal(res.headers.get("cache-control"), "private, no-store");
    const text = await res.text();
    assert.match(text, /^2024-01-02, 09:00:00 - You created group "Book club"\n/);
    const back = parseString(text);
    assert.equal(back.summary.dateOrderCertainty, "certain");
    assert.deepEqual(back.messages.map(fields), messages.map((m) => fields(m as Message)));
  });
});

/** A minimal RFC 4180 reader, to check the CSV export parses back. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = "", quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') field += s[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), field = "";
    else if (ch === "\r" && s[i + 1] === "\n") {
      row.push(field), rows.push(row), row = [], field = "", i++;
    } else field += ch;
  }
  assert.equal(field + row.join(""), "", "the file ends with CRLF");
  return rows;
}

Deno.test("export csv: BOM, header, RFC 4180 quoting of commas, quotes and newlines", async () => {
  await withApp(async (t) => {
    const ann = await signUp(t.app);
    const messages: ChatMessage[] = [
      { date: "2024-03-01T10:00:00", author: 'Kim "KO" O\'Neil', text: 'say "hi", then\r\nleave' },
      { date: "2024-03-01T10:00:01", author: "Ann", text: "=1+1,\n\nend" },
      { date: "2024-03-01T10:00:02", author: null, text: "Ann added Bob" },
      {
        date: "2024-03-01T10:00:03",
        author: "Bob",
        text: "pic",
        kind: "media",
        attachment: "a, b.jpg",
        edited: true,
      },
    ];
    const id = await seedChat(t, ann.userId, { messages });
    const res = await get(t, `/api/conversations/${id}/export?format=csv`, ann.headers);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type")!, /^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, 5);
    const col = (r: string[], c: typeof CSV_COLUMNS[number]) => r[CSV_COLUMNS.indexOf(c)];
    rows.slice(1).forEach((r, i) => {
      const m = messages[i];
      assert.equal(col(r, "seq"), String(i + 1));
      assert.equal(col(r, "ref"), String(i + 1));
      assert.equal(col(r, "date"), m.date);
      assert.equal(col(r, "at"), m.date + "Z");
      assert.equal(col(r, "author"), m.author ?? "");
      assert.equal(col(r, "text"), m.text);
      assert.equal(col(r, "attachment"), m.attachment ?? "");
      assert.equal(col(r, "edited"), String(m.edited ?? false));
    });
    assert.equal(col(rows[3], "kind"), "system");
  });
});

Deno.test("export json: a range by refs and by days; bad ranges are 400 naming the field", async () => {
  await withApp(async (t) => {
    const ann = await signUp(t.app);
    // 1,500 messages a minute apart from 2024-01-01 09:00: 2024-01-02 starts at message 901.
    const id = await seedChat(t, ann.userId, { messages: numbered(1500) });
    const json = async (q: string) => {
      const res = await get(t, `/api/conversations/${id}/export?format=json&${q}`, ann.headers);
      assert.equal(res.status, 200, q);
      return await res.json();
    };
    const byRef = await json("from=10&to=12");
    assert.deepEqual(byRef.messages.map((m: { ref: number }) => m.ref), [10, 11, 12]);
    assert.deepEqual(Object.keys(byRef.messages[0]), [
      "seq",
      "ref",
      "date",
      "at",
      "author",
      "text",
      "kind",
      "attachment",
      "edited",
    ]);
    assert.deepEqual(byRef.range, { from: 10, to: 12 });
    const byDay = await json("fromDate=2024-01-02&toDate=2024-01-02&from=");
    assert.equal(byDay.messages.length, 600);
    assert.equal(byDay.messages[0].text, "message 901");
    const both = await json("from=1400&fromDate=2024-01-02");
    assert.equal(both.messages.length, 101);
    assert.equal((await json("")).messages.length, 1500, "all pages are streamed");

    const bad = async (q: string, field: RegExp) => {
      const res = await get(t, `/api/conversations/${id}/export?${q}`, ann.headers);
      assert.equal(res.status, 400, q);
      assert.match((await res.json()).error.message, field);
    };
    await bad("from=abc", /^from: /);
    await bad("to=0", /^to: /);
    await bad("from=5000", /^from: no message with ref 5000/);
    await bad("from=20&to=10", /^to: must not come before from/);
    await bad("fromDate=2024-02-30", /^fromDate: not a real date/);
    await bad("toDate=2024-13-01", /^toDate: not a real date/);
    await bad("fromDate=2024-02-03&toDate=2024-02-01", /^toDate: /);
    await bad("format=docx", /^format: /);
  });
});

/** The decoded content streams of every page of a PDF. */
async function pageContents(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    return refs.map((r) => {
      const stream = doc.context.lookup(r) as PDFRawStream;
      const raw = stream.getContents();
      return new TextDecoder("latin1").decode(
        stream.dict.get(PDFName.of("Filter")) ? inflateSync(raw) : raw,
      );
    }).join("\n");
  });
}
const hex = (s: string) =>
  [...new TextEncoder().encode(s)].map((b) => b.toString(16).padStart(2, "0")).join("");

Deno.test("export pdf: paginated, numbered, SHA-256 of the upload and page N of M on every page", async () => {
  await withApp(async (t) => {
    const ann = await signUp(t.app);
    const messages = [...everyKind().slice(0, 9), ...numbered(300)];
    const id = await seedChat(t, ann.userId, { title: "Книжный клуб 📚", messages });
    const sha = "0123456789abcdef".repeat(4);
    await t.db.sql`
      insert into imports (id, user_id, status, filename, size, sha256, blob_key)
      values (${id}, ${ann.userId}, 'done', 'WhatsApp Chat with Книжный клуб.txt', 1, ${sha}, 'k')`;
    const res = await get(t, `/api/conversations/${id}/export?format=pdf`, ann.headers);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/pdf");
    assert.match(res.headers.get("content-disposition")!, /filename\*=UTF-8''%D0%9A.*\.pdf$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), "%PDF-");
    const pages = await pageContents(bytes);
    assert.ok(pages.length > 5, `a long chat takes several pages (got ${pages.length})`);
    pages.forEach((content, i) => {
      const text = content.toLowerCase();
      assert.ok(text.includes(hex(`SHA-256 of the original upload: ${sha}`)), `page ${i + 1}`);
      assert.ok(text.includes(hex(`Page ${i + 1} of ${pages.length}`)), `page ${i + 1} number`);
    });
  });
});

Deno.test("export pdf: a range larger than the PDF bound is refused with 400", async () => {
  await withApp(async (t) => {
    const ann = await signUp(t.app);
    const id = await seedChat(t, ann.userId, { messages: numbered(10_001) });
    const res = await get(t, `/api/conversations/${id}/export?format=pdf`, ann.headers);
    assert.equal(res.status, 400);
    assert.match((await res.json()).error.message, /^to: a PDF holds at most 10000 messages/);
    const ok = await get(t, `/api/conversations/${id}/export?format=pdf&from=1&to=50`, ann.headers);
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get("content-disposition")!, /\(refs 1-50\)\.pdf/);
    await ok.body?.cancel();
  });
});

Deno.test("export: another user's conversation is 404 in every format", async () => {
  await withApp(async (t) => {
    const ann = await signUp(t.app);
    const eve = await signUp(t.app);
    const id = await seedChat(t, ann.userId, { messages: numbered(3) });
    for (const format of ["json", "csv", "txt", "pdf", "original"]) {
      const res = await get(t, `/api/conversations/${id}/export?format=${format}`, eve.headers);
      assert.equal(res.status, 404, format);
      await res.body?.cancel();
    }
    const anon = await t.app.request(`/api/conversations/${id}/export?format=csv`);
    assert.equal(anon.status, 401);
    await anon.body?.cancel();
  });
});

Deno.test("conversation page: an Export form (no JS) and the print stylesheet", async () => {
  await withApp(async (t) => {
    const ann = await signUp(t.app);
    const id = await seedChat(t, ann.userId, { messages: numbered(3) });
    const res = await get(t, `/c/${id}`, ann.headers);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<link rel="stylesheet" href="\/static\/print.css" media="print"\/?>/);
    assert.match(html, new RegExp(`<form method="get" action="/api/conversations/${id}/export">`));
    for (const name of ["format", "from", "to", "fromDate", "toDate"]) {
      assert.match(html, new RegExp(`name="${name}"`));
    }
    assert.match(html, /<ol [^>]*data-first-seq="1"/, "where print numbering starts");
    const css = await t.app.request("/static/print.css");
    assert.equal(css.status, 200);
    const rules = await css.text();
    assert.match(rules, /\.topbar,[\s\S]*display: none/);
    assert.match(rules, /break-inside: avoid/);
    assert.match(
      rules,
      /counter-reset: msg calc\(attr\(data-first-seq type\(<integer>\), 1\) - 1\)/,
    );
    assert.match(rules, /content: "#" counter\(msg\)/);
    // The form's empty range fields are accepted as "no limit".
    const form = await get(
      t,
      `/api/conversations/${id}/export?format=txt&from=&to=&fromDate=&toDate=`,
      ann.headers,
    );
    assert.equal(form.status, 200);
    assert.equal(parseString(await form.text()).messages.length, 3);
  });
});
