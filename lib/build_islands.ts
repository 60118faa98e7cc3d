/**
 * Builds the browser islands: `deno bundle --platform browser --minify --code-splitting` of
 * `islands/client.ts` (which lazily imports each island) and `islands/islands.css` into
 * `static/build/`, the two entries renamed `client-<hash>.js` and `islands-<hash>.css` (esbuild
 * already hashes the islands and shared chunks), and `static/build/manifest.json` naming every
 * file with its static imports. Run by `deno task build`; `deno task start` runs it first.
 *
 * @module
 */

/** Where the files go, and the URL they are served under. */
export const BUILD_DIR = "static/build";
const URL_PREFIX = "/static/build/";
const ENTRY = "islands/client.ts";
const STYLES = "islands/islands.css";

/** One built file: its URL and the URLs it imports statically, transitively. */
export interface BuiltFile {
  file: string;
  imports: string[];
}

/** What the layout and the size test read: the client entry and each island by name. */
export interface IslandManifest {
  client: BuiltFile;
  /** The islands' stylesheet (the page's own styles are `static/app.css`). */
  css: string;
  islands: Record<string, BuiltFile>;
  /** SHA-256 of the local source files the bundle was built from (to skip fresh rebuilds). */
  sources: string;
}

/**
 * Reads `static/build/manifest.json`, or returns null when the build has not run (pages then
 * render without scripts and still work).
 */
export function readIslandManifest(dir = BUILD_DIR): IslandManifest | null {
  try {
    return JSON.parse(Deno.readTextFileSync(`${dir}/manifest.json`));
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return null;
    throw err;
  }
}

/**
 * Bundles the islands and writes the manifest. With `ifStale`, returns the current manifest
 * without bundling when it was built from the same sources. Files of the build before the
 * previous one are removed (a server still running the previous build keeps working).
 */
export async function buildIslands(
  options: { ifStale?: boolean; dir?: string; quiet?: boolean } = {},
): Promise<IslandManifest> {
  const dir = options.dir ?? BUILD_DIR;
  const sources = await sourcesHash();
  const previous = readIslandManifest(dir);
  if (options.ifStale && previous?.sources === sources) return previous;

  await Deno.mkdir(dir, { recursive: true });
  const tmp = await Deno.makeTempDir({ dir, prefix: ".tmp-" });
  try {
    await deno([
      "bundle",
      "--quiet",
      "--platform",
      "browser",
      "--minify",
      "--code-splitting",
      "--outdir",
      tmp,
      ENTRY,
      STYLES,
    ]);
    const contents = new Map<string, string>();
    for await (const entry of Deno.readDir(tmp)) {
      if (entry.isFile && /\.(js|css)$/.test(entry.name)) {
        contents.set(entry.name, await Deno.readTextFile(`${tmp}/${entry.name}`));
      }
    }
    const clientText = contents.get("client.js");
    if (clientText === undefined) {
      throw new Error(`deno bundle: expected client.js in the output, got ${[...contents.keys()]}`);
    }
    const clientName = `client-${await hash(clientText, 8)}.js`;
    contents.delete("client.js");
    contents.set(clientName, clientText);
    const cssText = contents.get("islands.css") ?? "";
    const cssName = `islands-${await hash(cssText, 8)}.css`;
    contents.delete("islands.css");
    contents.set(cssName, cssText);
    for (const [name, text] of contents) await Deno.writeTextFile(`${dir}/${name}`, text);

    const manifest: IslandManifest = {
      client: built(clientName, contents),
      css: URL_PREFIX + cssName,
      islands: Object.fromEntries(
        dynamicImports(clientText).map((file) => [islandName(file), built(file, contents)]),
      ),
      sources,
    };
    await Deno.writeTextFile(`${tmp}/manifest.json`, JSON.stringify(manifest, null, 2) + "\n");
    await Deno.rename(`${tmp}/manifest.json`, `${dir}/manifest.json`);
    await prune(dir, [manifest, previous]);
    if (!options.quiet) report(manifest, contents);
    return manifest;
  } finally {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
  }
}

/** `upload-7JHCDF3T.js` → `upload` (island files are snake_case: no dash before the hash). */
const islandName = (file: string) => file.replace(/-[^-]+\.js$/, "");

function built(name: string, contents: Map<string, string>): BuiltFile {
  const seen = new Set<string>();
  const visit = (file: string) => {
    for (const dep of staticImports(contents.get(file) ?? "")) {
      if (!seen.has(dep)) {
        seen.add(dep);
        visit(dep);
      }
    }
  };
  visit(name);
  return { file: URL_PREFIX + name, imports: [...seen].sort().map((f) => URL_PREFIX + f) };
}

/** `import{a}from"./chunk-X.js"` and `import"./chunk-X.js"` (esbuild's minified output). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
}

/** `import("./upload-X.js")`. */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*"\.\/([^"]+\.js)"\s*\)/g)].map((m) => m[1]);
}

async function prune(dir: string, keep: (IslandManifest | null)[]) {
  const wanted = new Set(["manifest.json"]);
  for (const m of keep) {
    if (!m) continue;
    if (m.css) wanted.add(m.css.slice(URL_PREFIX.length));
    for (const f of [m.client, ...Object.values(m.islands)]) {
      for (const url of [f.file, ...f.imports]) wanted.add(url.slice(URL_PREFIX.length));
    }
  }
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && !wanted.has(entry.name)) await Deno.remove(`${dir}/${entry.name}`);
  }
}

/** The local files the entry depends on (from `deno info --json`), hashed with their paths. */
async function sourcesHash(): Promise<string> {
  const info = JSON.parse(await deno(["info", "--json", ENTRY]));
  const files: string[] = info.modules
    .map((m: { specifier: string }) => m.specifier)
    .filter((s: string) => s.startsWith("file:"))
    .sort();
  const parts = await Promise.all(files.map(async (url) => {
    const path = decodeURIComponent(new URL(url).pathname);
    return `${path}\n${await Deno.readTextFile(path)}`;
  }));
  parts.push(await Deno.readTextFile(STYLES), await Deno.readTextFile("deno.json"));
  return await hash(parts.join("\n\0\n"), 16);
}

async function hash(text: string, length: number): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("")
    .slice(0, length).toUpperCase();
}

async function deno(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const out = new TextDecoder().decode(stdout);
  if (code !== 0) {
    throw new Error(`deno ${args[0]} failed (exit ${code}):\n${new TextDecoder().decode(stderr)}`);
  }
  return out;
}

/** Gzipped size of a text, as a browser downloads it from a compressing server. */
export async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

function report(manifest: IslandManifest, contents: Map<string, string>) {
  const size = (url: string) => contents.get(url.slice(URL_PREFIX.length))?.length ?? 0;
  const line = (label: string, f: BuiltFile) =>
    `  ${label.padEnd(16)} ${f.file.slice(URL_PREFIX.length).padEnd(28)} ${
      String(size(f.file)).padStart(7)
    } B`;
  console.log(`islands built into ${BUILD_DIR}/ (${contents.size} files):`);
  console.log(line("client", manifest.client));
  console.log(line("css", { file: manifest.css, imports: [] }));
  for (const [name, f] of Object.entries(manifest.islands)) console.log(line(name, f));
}

if (import.meta.main) {
  await buildIslands({ ifStale: Deno.args.includes("--if-stale") });
}
