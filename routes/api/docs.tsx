import { Hono } from "hono";
import type { AppEnv } from "../_middleware/env.ts";
import { notModified, strongEtag } from "../_middleware/cache.ts";
import { themeOf } from "../_components/page_context.ts";
import { Layout } from "../_components/layout.tsx";
import { render } from "../_components/render.ts";
import { openApiDocument } from "./openapi_document.ts";

type Json = Record<string, unknown>;
// deno-lint-ignore no-explicit-any
type Operation = Record<string, any>;

const METHODS = ["get", "post", "put", "patch", "delete"];
const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function Schema(props: { schema: unknown }) {
  return (
    <details>
      <summary>Schema</summary>
      <pre><code>{pretty(props.schema)}</code></pre>
    </details>
  );
}

function Content(props: { content?: Record<string, { schema?: unknown }> }) {
  if (!props.content) return null;
  return (
    <>
      {Object.entries(props.content).map(([type, media]) => (
        <div>
          <p>
            <code>{type}</code>
          </p>
          {media.schema !== undefined && <Schema schema={media.schema} />}
        </div>
      ))}
    </>
  );
}

function OperationView(props: { method: string; path: string; op: Operation }) {
  const { method, path, op } = props;
  return (
    <article class="card api-op" id={op.operationId}>
      <h3>
        <code class={`method method-${method}`}>{method.toUpperCase()}</code> <code>{path}</code>
      </h3>
      <p>{op.summary}</p>
      {op.description && <p class="muted">{op.description}</p>}
      <p class="muted">
        {op.security?.length === 0
          ? "No authentication."
          : "Needs the session cookie or a Bearer token."}
      </p>
      {op.parameters?.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Parameter</th>
              <th>In</th>
              <th>Type</th>
              <th>Description</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p: Operation) => (
              <tr>
                <td>
                  <code>{p.name}</code>
                  {p.required ? " (required)" : ""}
                </td>
                <td>{p.in}</td>
                <td>
                  <code>
                    {[p.schema.type ?? "any", p.schema.format].filter(Boolean).join(", ")}
                  </code>
                  {p.schema.enum && <>one of {p.schema.enum.join(", ")}</>}
                  {p.schema.default !== undefined && <>(default {String(p.schema.default)})</>}
                </td>
                <td>{p.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {op.requestBody && (
        <section>
          <h4>Request body</h4>
          {op.requestBody.description && <p>{op.requestBody.description}</p>}
          <Content content={op.requestBody.content} />
        </section>
      )}
      <h4>Responses</h4>
      <dl>
        {Object.entries(op.responses as Record<string, Operation>).map(([status, r]) => (
          <>
            <dt>
              <code>{status}</code> {r.description}
            </dt>
            <dd>
              <Content content={r.content} />
            </dd>
          </>
        ))}
      </dl>
    </article>
  );
}

function ReferencePage(props: { doc: Json }) {
  const { doc } = props;
  const info = doc.info as { title: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const ops = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] }))
  );
  const tags = (doc.tags as { name: string }[]).map((t) => t.name);
  return (
    <Layout title="API reference" wide>
      <h1>{info.title}</h1>
      <p>{info.description}</p>
      <p>
        Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
      </p>
      <nav aria-label="Sections">
        <ul>
          {tags.map((tag) => (
            <li>
              <a href={`#${tag.toLowerCase().replace(/\W+/g, "-")}`}>{tag}</a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section id={tag.toLowerCase().replace(/\W+/g, "-")}>
          <h2>{tag}</h2>
          {ops.filter(({ op }) => op.tags[0] === tag).map((o) => (
            <OperationView key={o.op.operationId} {...o} />
          ))}
        </section>
      ))}
    </Layout>
  );
}

/**
 * `GET /api/openapi.json` and `GET /api/docs` (the document rendered on the server: no
 * script, no CDN). Both are built once, carry an ETag and answer 304 to a revisit.
 */
export function openApiRoutes(buildId: string) {
  const doc = openApiDocument();
  const json = JSON.stringify(doc);
  const etag = strongEtag([buildId, json]);
  const headers = { ETag: etag, "Cache-Control": "no-cache" };
  return new Hono<AppEnv>()
    .get("/openapi.json", (c) =>
      notModified(c, etag, "no-cache") ??
        c.body(json, 200, { ...headers, "Content-Type": "application/json; charset=utf-8" }))
    .get("/docs", (c) => {
      const pageEtag = strongEtag([etag, themeOf(c)]); // the page follows the theme cookie
      const cached = notModified(c, pageEtag, "no-cache");
      if (cached) return cached;
      c.header("ETag", pageEtag);
      c.header("Cache-Control", "no-cache");
      return render(c, <ReferencePage doc={doc} />);
    });
}
