import { setResponseHeader } from "./_middleware/set_header.ts";
import { Hono } from "hono";
import { serveStatic } from "hono/deno";
import { readIslandManifest } from "../lib/build_islands.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { bodyLimits, MAX_FORM_BODY_BYTES } from "./_middleware/body_limit.ts";
import { cacheDefaults, conversationEtag, IMMUTABLE } from "./_middleware/cache.ts";
import { csrf } from "./_middleware/csrf.ts";
import { onError, onNotFound } from "./_middleware/errors.ts";
import { apiMethodNotAllowed } from "./_middleware/method_not_allowed.ts";
import { appRateLimits } from "./_middleware/rate_limit.ts";
import { requestContext } from "./_middleware/request_context.ts";
import { securityHeaders, uploadOrigin } from "./_middleware/security_headers.ts";
import { requireUser, session } from "./_middleware/session.ts";
import { accountPages } from "./account.tsx";
import { accountApi } from "./api/account.ts";
import { authApi } from "./api/auth.ts";
import { conversationsApi } from "./api/conversations.ts";
import { mergeApi } from "./api/merge.ts";
import { mergeCandidatesApi } from "./api/merge_candidates.ts";
import { coverageApi } from "./api/coverage.ts";
import { userSharesApi } from "./api/user_shares.ts";
import { mediaApi } from "./api/media.ts";
import { openApiRoutes } from "./api/docs.tsx";
import { exportApi } from "./api/export.ts";
import { importsApi } from "./api/imports.ts";
import { reportApi } from "./api/report.ts";
import { uploadsApi } from "./api/uploads.ts";
import { insightsApi } from "./api/insights.ts";
import { searchApi } from "./api/search.ts";
import { sharesApi } from "./api/shares.ts";
import { tokensApi } from "./api/tokens.ts";
import { authPages } from "./auth.tsx";
import { conversationPages } from "./conversations.tsx";
import { mergePages } from "./merge.tsx";
import { mergedRedirect } from "./merge_redirect.ts";
import { galleryPages } from "./gallery.tsx";
import { healthRoutes } from "./health.ts";
import { importPages } from "./imports.tsx";
import { reportPages } from "./report.tsx";
import { insightsPages } from "./insights.tsx";
import { libraryPage } from "./index.tsx";
import { searchPage } from "./search.tsx";
import { sharePages } from "./share.tsx";
import { filesRoutes } from "./files.ts";
import { privacyPages } from "./privacy.tsx";
import { conversationSharePages } from "./conversation_shares.ts";

export type { AppDeps } from "./deps.ts";

/** Builds the web app from its dependencies; no socket, so tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const accounts = {
    db: deps.db,
    tokens: deps.tokens,
    sessionTtlSeconds: deps.config.sessionTtlSeconds,
  };
  const app = new Hono<AppEnv>();
  app.use(requestContext({ logger: deps.logger, metrics: deps.metrics }));
  const upload = uploadOrigin(deps.config.s3);
  app.use(securityHeaders({ connectOrigins: upload ? [upload] : [] }));
  app.use(cacheDefaults());
  // Forms and JSON are read whole: bounded before any route (or rate limiter) reads them.
  app.use(bodyLimits({
    maxBytes: MAX_FORM_BODY_BYTES,
    streamed: ["POST /api/imports", "POST /imports"],
  }));
  app.route("/", healthRoutes(deps));
  if (deps.metrics) {
    const registry = deps.metrics.registry;
    app.get(
      "/metrics",
      async (c) =>
        c.text(await registry.metrics(), 200, {
          "Content-Type": registry.contentType,
          "Cache-Control": "no-store",
        }),
    );
  }
  // Built islands have content-hashed names: cache them for good (the manifest is not served).
  app.use("/static/build/*", async function immutableBuild(c, next) {
    if (c.req.path.endsWith("/manifest.json")) return c.notFound();
    await next();
    if (c.res.ok) setResponseHeader(c, "Cache-Control", IMMUTABLE);
  });
  app.use("/static/*", serveStatic({ root: "./" }));
  // Browsers ask for /favicon.ico whatever the page links (<link rel="icon">): the SVG, for good.
  app.get("/favicon.ico", (c) => {
    c.header("Cache-Control", IMMUTABLE);
    return c.redirect("/static/favicon.svg", 301);
  });
  const islands = readIslandManifest();
  app.use(async function islandAssets(c, next) {
    c.set("islands", islands);
    await next();
  });
  // Shared pages come before the session: no cookie is read there (edge-cacheable by URL).
  app.route("/", sharePages(deps));
  // Media by capability URL (routes/files.ts): the URL is the credential, no cookie is read.
  app.route("/", filesRoutes(deps));
  // A method a path under /api has no route for: 405 with Allow (from app.routes), not 404.
  app.use("/api/*", apiMethodNotAllowed(app));
  app.use(session(accounts));
  app.use(csrf);
  const limits = appRateLimits(deps);
  for (const path of ["/api/auth/login", "/signin"]) app.use(path, limits.signin);
  for (const path of ["/api/auth/signup", "/signup"]) app.use(path, limits.signup);
  // A direct upload counts when it starts (the S3 upload and the import row are made there); its
  // completion finishes that one upload.
  for (const path of ["/api/imports", "/api/uploads", "/imports"]) {
    app.use(path, limits.upload);
  }
  for (const path of ["/api/account", "/account/delete"]) app.use(path, limits.confirmPassword);
  // Seconds of CPU here on a big chat: parsing the original again (a preview, or a re-import
  // queued for a date order or the phone's zone), a PDF, a merge in-request.
  for (
    const path of [
      "/api/imports/:id/reparse/preview",
      "/api/imports/:id/reparse",
      "/imports/:id/reparse",
      "/c/:id/time-zone",
      "/api/conversations/:id/export",
      "/api/conversations/:id/merge",
      "/api/conversations/:id/merge-candidates",
      "/c/:id/merge",
    ]
  ) app.use(path, limits.heavy);
  app.route("/api/auth", authApi(deps));
  app.route("/api", openApiRoutes(deps.config.buildId));
  app.use("/api/*", requireUser);
  const etag = conversationEtag({ db: deps.db, buildId: deps.config.buildId });
  // Views of one conversation: an ETag from its version, 304 to a revisit (_middleware/cache.ts).
  const versioned = [
    "/api/conversations/:id",
    "/api/conversations/:id/messages",
    "/c/:id",
    "/c/:id/m/:ref",
  ];
  for (const path of versioned) {
    app.use(path, etag);
  }
  app.route("/api/tokens", tokensApi(deps));
  app.route("/api/account", accountApi(deps));
  app.route("/api/imports", importsApi(deps));
  app.route("/api/imports", reportApi(deps));
  app.route("/api/uploads", uploadsApi(deps));
  app.route("/api/conversations", exportApi(deps));
  app.route("/api/conversations", sharesApi(deps));
  app.route("/api/conversations", conversationsApi(deps));
  app.route("/api/conversations", mergeApi(deps));
  app.route("/api/conversations", mergeCandidatesApi(deps));
  app.route("/api/conversations", coverageApi(deps));
  app.route("/api/shares", userSharesApi(deps));
  app.route("/api", mediaApi(deps));
  app.route("/api/conversations", insightsApi(deps));
  app.route("/api/search", searchApi(deps));
  app.route("/", authPages(deps));
  app.route("/", libraryPage(deps));
  app.route("/", importPages(deps));
  app.route("/", reportPages(deps));
  // A page of a conversation merged into another (404) redirects there (migration 00007).
  app.use("/c/:id/*", mergedRedirect({ db: deps.db }));
  app.route("/", conversationPages(deps));
  app.route("/", privacyPages(deps));
  app.route("/", conversationSharePages(deps));
  app.route("/", mergePages(deps));
  app.route("/", galleryPages(deps));
  app.route("/", insightsPages(deps));
  app.route("/", searchPage(deps));
  app.route("/", accountPages(deps));
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}
