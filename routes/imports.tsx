import { Hono } from "hono";
import { z } from "zod";
import { getImport } from "../lib/db/imports.ts";
import { deleteFailedImport } from "../lib/db/delete_import.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { receiveUpload } from "../lib/upload.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { readUpload } from "./_middleware/upload_body.ts";
import { validate } from "./_middleware/validate.ts";
import { Layout } from "./_components/layout.tsx";
import { render } from "./_components/render.ts";
import { conversationHref } from "./_components/conversation_href.ts";
import { DeleteImport } from "../islands/_delete_import.tsx";
import { IMPORT_STATUS_WORDS, OPEN_CONVERSATION, percent } from "../islands/_lib/import_words.ts";

/** The upload form's target and the import status page (refreshes itself while running). */
export function importPages(deps: AppDeps) {
  const uploadDeps = { ...deps, maxBytes: deps.config.maxUploadBytes };
  return new Hono<AppEnv>()
    .post("/imports", requireUserPage, async (c) => {
      const upload = await readUpload(c, deps.config.maxUploadBytes);
      let id: string;
      try {
        id = await receiveUpload(uploadDeps, {
          ...upload,
          timeZone: upload.options.timeZone,
          userId: userIdOf(c),
          requestId: c.var.requestId,
        });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== "duplicate_upload") throw err;
        return render(c, <AlreadyImported filename={upload.filename} error={err} />, 409);
      }
      return c.redirect(`/imports/${id}`, 303);
    })
    // The library's and the import page's "Delete" of a failed import (a form: works without JS).
    .post(
      "/imports/:id/delete",
      requireUserPage,
      validate("param", z.object({ id: z.uuid() })),
      async (c) => {
        const id = c.req.valid("param").id;
        await deleteFailedImport(deps.db, deps.blobs, userIdOf(c), id);
        c.var.logger.info("failed import deleted", { importId: id });
        return c.redirect("/", 303);
      },
    )
    .get(
      "/imports/:id",
      requireUserPage,
      validate("param", z.object({ id: z.uuid() })),
      async (c) => {
        const imp = await getImport(deps.db, userIdOf(c), c.req.valid("param").id);
        if (!imp) throw notFound("import");
        const running = imp.status === "queued" || imp.status === "processing";
        if (imp.status === "done" && imp.conversationId && c.req.query("stay") === undefined) {
          return c.redirect(conversationHref(imp.conversationId), 303);
        }
        return render(
          c,
          <Layout title={`Import of ${imp.filename}`} signedIn>
            {running && <meta http-equiv="refresh" content="2" />}
            <h1>
              <bdi>{imp.filename}</bdi>
            </h1>
            <p class={`status status-${imp.status}`} role="status">
              {IMPORT_STATUS_WORDS[imp.status]}
            </p>
            {running && <progress max={1} value={imp.progress}>{percent(imp.progress)}</progress>}
            {imp.error && <p class="error" role="alert">{imp.error}</p>}
            {imp.status === "failed" && !imp.conversationId && <DeleteImport id={imp.id} />}
            {imp.duplicateOf && (
              <p>
                <a href={`/imports/${imp.duplicateOf}`}>Open the earlier import of this file</a>
              </p>
            )}
            {imp.conversationId && (
              <p>
                <a href={conversationHref(imp.conversationId)}>{OPEN_CONVERSATION}</a>
              </p>
            )}
            {imp.summary !== null && (
              <p>
                <a href={`/imports/${imp.id}/report`}>Import report</a>
              </p>
            )}
            <p>
              <a href="/">Back to your chats</a>
            </p>
          </Layout>,
        );
      },
    );
}

/** The answer to an upload of a file already imported: nothing added, a link to it. */
function AlreadyImported(props: { filename: string; error: AppError }) {
  const d = props.error.details as {
    importUrl: string;
    conversationUrl: string | null;
    title: string | null;
  };
  return (
    <Layout title="Already imported" signedIn>
      <h1>Already in your library</h1>
      <p class="status" role="status">
        <span dir="auto">{props.filename}</span>{" "}
        is the same file, byte for byte, as one you imported before. Nothing was added: no second
        copy, nothing to merge.
      </p>
      <p>
        {d.conversationUrl
          ? (
            <a href={d.conversationUrl}>
              Open <span dir="auto">{d.title ?? "the conversation"}</span>
            </a>
          )
          : <a href={d.importUrl}>See that import (still in progress)</a>}
      </p>
      <p>
        <a href="/">Back to your chats</a>
      </p>
    </Layout>
  );
}
