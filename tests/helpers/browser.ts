/// <reference lib="dom" />
/**
 * Browser tests: Debian's Chromium, headless, driven by playwright-core, against the real app
 * served on a random local port (islands built first). Policy as for the other services: when
 * `/usr/bin/chromium` is missing, browser tests are skipped with the reason printed, except
 * with `CI=true`, where they fail. Pages are used once `<html data-hydrated="true">` is set by
 * the island client: no test sleeps.
 *
 * @module
 */
import assert from "node:assert/strict";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { exportZip } from "./chat_zip.ts";
import { buildIslands } from "../../lib/build_islands.ts";
import { silentLogger } from "../../lib/log.ts";
import { createWorker } from "../../worker/create_worker.ts";
import { createTestApp, signUp, type TestApp } from "./app.ts";

/** Debian's Chromium. */
export const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";
/** The flags measured to work here (STACK-NOTES.md). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
/** The islands of the conversation page (its JavaScript budget is checked in build_test.ts). */
export const CONVERSATION_ISLANDS = [
  "theme_toggle",
  "search",
  "jump_to_date",
  "view_as",
  "infinite_scroll",
  "lightbox",
];
/** Where screenshots go (gitignored). */
export const SCREENSHOTS = "tests/artifacts/screenshots";

const IN_CI = Deno.env.get("CI") === "true";
const missing = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile ? null : `${CHROMIUM} is not a file`;
  } catch {
    return `${CHROMIUM} is missing (apt-get install chromium)`;
  }
})();
if (missing && !IN_CI) console.warn(`Browser tests are SKIPPED: ${missing}.`);

/**
 * `Deno.test` for a browser test: skipped when Chromium is missing, failing with the reason
 * when `CI=true`. Sanitizers are off (playwright keeps its pipe and timers between steps).
 */
export function browserTest(name: string, fn: (t: Deno.TestContext) => Promise<void>): void {
  Deno.test({
    name,
    ignore: missing !== null && !IN_CI,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn(t) {
      if (missing) throw new Error(`${missing}, and CI=true forbids skipping browser tests`);
      await fn(t);
    },
  });
}

/** The app on a socket, with an import worker, a user and a browser. */
export interface Reader {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  t: TestApp;
  browser: Browser;
  /** The signed-up user's session token (a bearer token and the session cookie alike). */
  token: string;
  /**
   * Uncaught exceptions and console errors of every page (CSP violations, failed hydration),
   * except failed resource loads (the browser's own favicon request).
   */
  errors: string[];
  /** A fresh browser context signed in as the user; options as playwright's. */
  context(options?: Parameters<Browser["newContext"]>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * A browser test against a reader of its own ({@link startReader}), closed whatever happens.
 *
 * @example
 * ```ts
 * readerTest("browser: the gallery", async (reader, t) => {
 *   const page = await (await reader.context()).newPage();
 * });
 * ```
 */
export function readerTest(
  name: string,
  fn: (reader: Reader, t: Deno.TestContext) => Promise<void>,
): void {
  browserTest(name, async (t) => {
    const reader = await startReader();
    try {
      await fn(reader, t);
    } finally {
      await reader.close();
    }
  });
}

/**
 * Builds the islands (when stale), starts the app in-process on a random port with a worker,
 * signs up a user, and launches Chromium.
 */
export async function startReader(): Promise<Reader> {
  await buildIslands({ ifStale: true, quiet: true });
  const t = await createTestApp();
  const stop = new AbortController();
  const worker = createWorker({
    db: t.db.sql,
    queue: t.queue,
    blobs: t.blobs,
    logger: silentLogger,
  })
    .run(stop.signal);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, t.app.fetch);
  const url = `http://127.0.0.1:${server.addr.port}`;
  const { token } = await signUp(t.app);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  return {
    url,
    t,
    browser,
    token,
    errors,
    async context(options) {
      const context = await browser.newContext({ baseURL: url, ...options });
      context.on("page", (page) => {
        page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
        page.on("console", (msg) => {
          if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) {
            errors.push(`${page.url()}: ${msg.text()}`);
          }
        });
      });
      await context.addCookies([{ name: "session", value: token, url, httpOnly: true }]);
      contexts.push(context);
      return context;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      stop.abort();
      await server.shutdown();
      await worker;
      await t.close();
    },
  };
}

/** Opens a path and waits until every island on it is hydrated. */
export async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitHydrated(page);
}

/** Waits for the island client's mark; fails when an island failed. */
export async function waitHydrated(page: Page): Promise<void> {
  await page.waitForSelector("html[data-hydrated]", { state: "attached" });
  const mark = await page.getAttribute("html", "data-hydrated");
  assert.equal(mark, "true", `islands failed to hydrate on ${page.url()} (see the console)`);
}

/**
 * Opens the conversation page's Tools menu (search, jump to a date, view as, time zone) in the
 * sticky header, when it is closed.
 */
export async function openTools(page: Page): Promise<void> {
  if (await page.locator("details.tools-menu[open]").count()) return;
  await page.click("details.tools-menu > summary");
  await page.locator("details.tools-menu > .conv-tools").waitFor({ state: "visible" });
}

/** Saves a full-page screenshot as `tests/artifacts/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await Deno.mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Uploads an export through the API as the reader's user and waits for the import to end. */
export async function importChat(
  reader: Reader,
  file: Uint8Array<ArrayBuffer>,
  filename = "WhatsApp Chat with Bob.zip",
): Promise<string> {
  const headers = { authorization: `Bearer ${reader.token}` };
  const res = await reader.t.app.request(`/api/imports?filename=${encodeURIComponent(filename)}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/zip" },
    body: file,
  });
  assert.equal(res.status, 202, await res.clone().text());
  const { id } = await res.json();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const status = await (await reader.t.app.request(`/api/imports/${id}`, { headers })).json();
    if (status.status === "done") return status.conversationId;
    if (status.status === "failed") throw new Error(`import failed: ${status.error}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("import did not finish within 30 s");
}

/** The first day of the test chat, and how it is laid out. */
export const CHAT = {
  firstDay: "2024-01-01",
  days: 12,
  perDay: 30,
  /** Messages in all: the encryption notice, then `days × perDay`. */
  get total() {
    return 1 + this.days * this.perDay;
  },
  photo: "IMG-20240112-WA0001.jpg",
};

/**
 * An Android export between Ann and Bob (and Cat with `group`): the encryption notice, then
 * `perDay` messages on each of `days` days from 2024-01-01 ("Day 3, message 7 from Ann"); the
 * last day's 5th message is a photo (a small PNG in the zip).
 */
export async function chatZip(
  options: { days?: number; perDay?: number; group?: boolean } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const days = options.days ?? CHAT.days, perDay = options.perDay ?? CHAT.perDay;
  const group = options.group ?? false;
  const lines = [
    "01/01/2024, 08:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
  ];
  for (let d = 1; d <= days; d++) {
    const date = new Date(Date.UTC(2024, 0, d));
    const dd = String(date.getUTCDate()).padStart(2, "0");
    const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
    for (let k = 1; k <= perDay; k++) {
      const who = k % 3 === 0 ? "Bob" : group && k % 3 === 1 ? "Cat" : "Ann";
      const time = `${String(9 + Math.floor(k / 30)).padStart(2, "0")}:${
        String((k * 2) % 60).padStart(2, "0")
      }`;
      const body = d === days && k === 5
        ? `${CHAT.photo} (file attached)\nThe view from the window`
        : `Day ${d}, message ${k} from ${who}${
          k % 4 === 0
            ? ": a longer one, to see how the bubbles wrap when a line goes on for a while."
            : ""
        }`;
      lines.push(`${dd}/${mm}/2024, ${time} - ${who}: ${body}`);
    }
  }
  return exportZip("WhatsApp Chat with Bob.txt", lines, [
    [CHAT.photo, await landscapePng(160, 100)],
  ]);
}

/** A small RGB PNG of a sky-over-sea picture (so screenshots and the lightbox show something). */
export async function landscapePng(width: number, height: number): Promise<Uint8Array> {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const sea = y > height * 0.6;
      const sun = (x - width * 0.7) ** 2 + (y - height * 0.35) ** 2 < (height * 0.12) ** 2;
      const [r, g, b] = sun ? [255, 214, 90] : sea ? [20, 90 + y % 7, 140 + x % 9] : [
        120 + Math.round(100 * y / height),
        170 + Math.round(50 * y / height),
        235,
      ];
      raw.set([r, g, b], row + 1 + x * 3);
    }
  }
  const zlib = new Uint8Array(
    await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate")))
      .arrayBuffer(),
  );
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  return concat([
    Uint8Array.from(signature),
    chunk("IHDR", header),
    chunk("IDAT", zlib),
    chunk("IEND", new Uint8Array()),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
