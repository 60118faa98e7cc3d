import { type ComponentChildren, type ComponentType, createContext } from "preact";
import { useContext } from "preact/hooks";
import type { IslandManifest } from "../../lib/build_islands.ts";

/** A value an island may take as a prop: what survives `JSON.stringify` / `JSON.parse` intact. */
export type Serialisable =
  | string
  | number
  | boolean
  | null
  | Serialisable[]
  | { [key: string]: Serialisable | undefined };

/** The islands `islands/client.ts` knows how to load, by file name (`islands/<name>.tsx`). */
export type IslandName =
  | "upload"
  | "import_list"
  | "infinite_scroll"
  | "search"
  | "jump_to_date"
  | "view_as"
  | "lightbox"
  | "theme_toggle";

/** The built islands' manifest for this app (null when the build has not run: no script tag). */
export const IslandAssets = createContext<IslandManifest | null>(null);

/**
 * Marks where an island renders: a `<div data-island="name" data-props="{json}">` wrapper around
 * the island's server-side output, which `islands/client.ts` hydrates with the same props. Pass
 * the island's `component` (rendered here with `props`, so the page works without JavaScript),
 * or `children` that are exactly that component's output.
 *
 * @example
 * ```tsx
 * import Upload from "../islands/upload.tsx";
 * <Island name="upload" component={Upload} props={{ maxBytes: 1e9 }} />;
 * ```
 */
export function Island<P extends { [key: string]: Serialisable | undefined }>(
  props: {
    name: IslandName;
    props: P;
    component?: ComponentType<P>;
    children?: ComponentChildren;
    class?: string;
  },
) {
  const Component = props.component;
  return (
    <div
      data-island={props.name}
      data-props={propsJson(props.name, props.props)}
      class={props.class}
    >
      {Component ? <Component {...props.props} /> : props.children}
    </div>
  );
}

/**
 * The props as JSON, refusing what would not survive the trip (functions, symbols, bigints,
 * class instances). Preact escapes the attribute (`&`, `"`, `<`, `>`); `<` is also escaped
 * inside the JSON so the value stays inert even if someone pastes it into a script.
 */
export function propsJson(name: string, props: unknown): string {
  check(name, props, "props");
  return JSON.stringify(props).replace(/</g, "\\u003c");
}

function check(name: string, value: unknown, path: string): void {
  const type = typeof value;
  if (value === null || type === "string" || type === "boolean" || type === "undefined") return;
  if (type === "number") {
    if (Number.isFinite(value)) return;
  } else if (Array.isArray(value)) {
    return value.forEach((v, i) => check(name, v, `${path}[${i}]`));
  } else if (type === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, v] of Object.entries(value as object)) check(name, v, `${path}.${key}`);
    return;
  }
  const found = type === "object" ? (value as object).constructor?.name ?? "object" : type;
  throw new TypeError(
    `Island "${name}": expected serialisable props (JSON values), got ${found} at ${path}`,
  );
}

/** The `<script>` and preload tags of the island client, when the build has run. */
export function IslandScripts() {
  const manifest = useContext(IslandAssets);
  if (!manifest) return null;
  return (
    <>
      {manifest.client.imports.map((file) => <link key={file} rel="modulepreload" href={file} />)}
      <script type="module" src={manifest.client.file} />
      <link rel="stylesheet" href={manifest.css} />
    </>
  );
}
