import { Hono } from "hono";
import { serveStatic } from "hono/deno";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { csrf } from "./_middleware/csrf.ts";
import { onError, onNotFound } from "./_middleware/errors.ts";
import { requestContext } from "./_middleware/request_context.ts";
import { requireUser, session } from "./_middleware/session.ts";
import { authApi } from "./api/auth.ts";
import { conversationsApi } from "./api/conversations.ts";
import { importsApi } from "./api/imports.ts";
import { authPages } from "./auth.tsx";
import { conversationPages } from "./conversations.tsx";
import { healthRoutes } from "./health.ts";
import { importPages } from "./imports.tsx";
import { libraryPage } from "./index.tsx";

export type { AppDeps } from "./deps.ts";

/** Builds the web app from its dependencies; no socket, so tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const accounts = { db: deps.db, tokens: deps.tokens, sessionTtlSeconds: deps.config.sessionTtlSeconds };
  const app = new Hono<AppEnv>();
  app.use(requestContext({ logger: deps.logger, metrics: deps.metrics }));
  app.route("/", healthRoutes(deps));
  if (deps.metrics) {
    const registry = deps.metrics.registry;
    app.get("/metrics", async (c) =>
      c.text(await registry.metrics(), 200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }));
  }
  app.use("/static/*", serveStatic({ root: "./" }));
  app.use(session(accounts));
  app.use(csrf);
  app.use("/api/*", async (c, next) => {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "private, no-cache");
  });
  app.route("/api/auth", authApi(deps));
  app.use("/api/*", requireUser);
  app.route("/api/imports", importsApi(deps));
  app.route("/api/conversations", conversationsApi(deps));
  app.route("/", authPages(deps));
  app.route("/", libraryPage(deps));
  app.route("/", importPages(deps));
  app.route("/", conversationPages(deps));
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}
