import { Hono } from "hono";
import { z } from "zod";
import { getImport } from "../lib/db/imports.ts";
import { notFound } from "../lib/errors.ts";
import { previewImport } from "../lib/reparse/preview_import.ts";
import { loadImportReport } from "../lib/reparse/report.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { previewQuery, queueReparse, reparsableImport, reportIdParam } from "./api/report.ts";
import { Layout } from "./_components/layout.tsx";
import { render } from "./_components/render.ts";
import { PreviewView, ReportView } from "./_components/report_view.tsx";

const reparseForm = z.object({
  dateOrder: z.enum(["DMY", "MDY", "YMD"], "must be DMY, MDY or YMD"),
});

/**
 * The import report page, the preview of reading the dates in another order, and the form
 * target that re-parses (then the import's status page shows the progress). Plain links and
 * forms: no JavaScript needed.
 */
export function reportPages(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/imports/:id/report", requireUserPage, validate("param", reportIdParam), async (c) => {
      const imp = await getImport(deps.db, userIdOf(c), c.req.valid("param").id);
      if (!imp) throw notFound("import");
      const report = await loadImportReport(deps.db, imp);
      return render(
        c,
        <Layout title={`Import report: ${imp.filename}`} signedIn>
          <ReportView report={report} />
        </Layout>,
      );
    })
    .get(
      "/imports/:id/reparse",
      requireUserPage,
      validate("param", reportIdParam),
      validate("query", previewQuery),
      async (c) => {
        const imp = await reparsableImport(deps, userIdOf(c), c.req.valid("param").id);
        const preview = await previewImport(deps.blobs, imp, c.req.valid("query").dateOrder);
        return render(
          c,
          <Layout title={`Re-parse ${imp.filename}`} signedIn>
            <PreviewView id={imp.id} preview={preview} filename={imp.filename} />
          </Layout>,
        );
      },
    )
    .post(
      "/imports/:id/reparse",
      requireUserPage,
      validate("param", reportIdParam),
      validate("form", reparseForm),
      async (c) => {
        const { dateOrder } = c.req.valid("form");
        const imp = await queueReparse(deps, c, c.req.valid("param").id, { dateOrder });
        return c.redirect(`/imports/${imp.id}`, 303);
      },
    );
}
