/**
 * The filesystem blob store: blob `k` is the file `<root>/k`, so the tree stays readable by
 * hand. Bookkeeping lives in the reserved `<root>/.blobstore/` directory (keys may not start
 * with that segment): `tmp/` for writes in progress (renamed into place when complete, on the
 * same filesystem, so a half-written blob is never visible) and `meta/<key>`, a sidecar file
 * holding the content type given to `put` (none is derived from the extension).
 *
 * @module
 */
import { dirname, join } from "node:path";
import { readRange, sliceStream } from "./slice_stream.ts";
import { type BlobStore, checkLength, checkRange, validateKey, validatePrefix } from "./types.ts";

const RESERVED = ".blobstore";

/**
 * Creates a blob store over the directory `root` (created when missing).
 *
 * @example
 * ```ts
 * const store = createFsBlobStore("./data/blobs");
 * await store.put("imports/1/chat.txt", new TextEncoder().encode("hi"), { contentType: "text/plain" });
 * ```
 */
export function createFsBlobStore(root: string): BlobStore {
  const tmpDir = join(root, RESERVED, "tmp");
  const metaRoot = join(root, RESERVED, "meta");

  function pathOf(key: string, base = root): string {
    validateKey(key);
    if (key.split("/")[0] === RESERVED) {
      throw new TypeError(`Invalid blob key: '${RESERVED}/' is reserved, got '${key}'`);
    }
    return join(base, key);
  }

  /** Opens a regular file for reading, or null when missing (or a folder). */
  async function openFile(key: string): Promise<{ file: Deno.FsFile; size: number } | null> {
    let file: Deno.FsFile;
    try {
      file = await Deno.open(pathOf(key), { read: true });
    } catch (err) {
      if (err instanceof Deno.errors.NotFound || err instanceof Deno.errors.NotADirectory) {
        return null;
      }
      throw err;
    }
    const info = await file.stat();
    if (!info.isFile) {
      file.close();
      return null;
    }
    return { file, size: info.size };
  }

  return {
    async put(key, body, options = {}) {
      const target = pathOf(key);
      const metaPath = pathOf(key, metaRoot);
      await Deno.mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, crypto.randomUUID());
      try {
        if (body instanceof Uint8Array) {
          if (options.size !== undefined && options.size !== body.byteLength) {
            throw new RangeError(
              `Blob '${key}': expected ${options.size} bytes, got ${body.byteLength}`,
            );
          }
          await Deno.writeFile(tmp, body);
        } else {
          const file = await Deno.open(tmp, { write: true, createNew: true });
          // pipeTo closes the file when done and aborts (closes) it on a failing body.
          await checkLength(body, key, options.size).pipeTo(file.writable);
        }
        if (options.contentType) {
          await Deno.mkdir(dirname(metaPath), { recursive: true });
          await Deno.writeTextFile(tmp + ".meta", options.contentType);
          await Deno.rename(tmp + ".meta", metaPath);
        } else {
          await removeFile(metaPath);
        }
        await Deno.mkdir(dirname(target), { recursive: true });
        await Deno.rename(tmp, target);
      } catch (err) {
        await removeIfExists(tmp);
        await removeIfExists(tmp + ".meta");
        throw err;
      }
    },

    async get(key, range) {
      if (range) checkRange(range.start, range.end);
      const opened = await openFile(key);
      if (!opened) return null;
      // The readable closes the file at its end or when cancelled (the slice cancels it).
      if (!range) {
        const contentType = await readTextIfExists(pathOf(key, metaRoot));
        return { body: opened.file.readable, size: opened.size, contentType };
      }
      const start = Math.min(range.start, opened.size);
      const length = Math.max(0, Math.min(range.end, opened.size) - start);
      await opened.file.seek(start, Deno.SeekMode.Start);
      // No content type read for a range (the zip reader's many reads; servers know the type).
      return { body: sliceStream(opened.file.readable, 0, length), size: length };
    },

    getRange(key, start, end) {
      return readRange(this, key, start, end);
    },

    async size(key) {
      try {
        const info = await Deno.stat(pathOf(key));
        return info.isFile ? info.size : null;
      } catch (err) {
        if (err instanceof Deno.errors.NotFound || err instanceof Deno.errors.NotADirectory) {
          return null;
        }
        throw err;
      }
    },

    async delete(key) {
      await removeFile(pathOf(key));
      await removeFile(pathOf(key, metaRoot));
    },

    async deletePrefix(prefix) {
      validatePrefix(prefix);
      await removeMatching(root, prefix, true);
      await removeMatching(metaRoot, prefix, false);
    },

    async ping() {
      await Deno.mkdir(root, { recursive: true });
      const info = await Deno.stat(root);
      if (!info.isDirectory) throw new Error(`Blob root is not a directory: '${root}'`);
    },

    close() {},
  };
}

/** Removes everything under `base` whose relative path starts with `prefix`. */
async function removeMatching(base: string, prefix: string, skipReserved: boolean) {
  const slash = prefix.lastIndexOf("/");
  const dir = join(base, prefix.slice(0, slash + 1));
  const namePrefix = prefix.slice(slash + 1);
  if (namePrefix === "") return await removeIfExists(dir);
  const matches: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (!entry.name.startsWith(namePrefix)) continue;
      if (skipReserved && slash === -1 && entry.name === RESERVED) continue;
      matches.push(join(dir, entry.name));
    }
  } catch (err) {
    if (err instanceof Deno.errors.NotFound || err instanceof Deno.errors.NotADirectory) return;
    throw err;
  }
  for (const path of matches) await removeIfExists(path);
}

async function removeIfExists(path: string): Promise<void> {
  try {
    await Deno.remove(path, { recursive: true });
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
  }
}

/** Removes a regular file; a missing path or a folder is left alone. */
async function removeFile(path: string): Promise<void> {
  try {
    if ((await Deno.lstat(path)).isDirectory) return;
    await Deno.remove(path);
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound || err instanceof Deno.errors.NotADirectory)) {
      throw err;
    }
  }
}

async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(path);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound || err instanceof Deno.errors.NotADirectory) {
      return undefined;
    }
    throw err;
  }
}
