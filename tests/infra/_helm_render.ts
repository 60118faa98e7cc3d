/**
 * A test-only renderer for the subset of Helm's Go templates that
 * infra/helm/whatsapp-reader uses. No npm package renders Helm charts under Deno: the Go
 * `text/template` engines on npm (e.g. `@evertdespiegeleer/go-template`, WASM) have none of
 * Helm's functions (`include`, `toYaml`, `nindent`…), and a real `helm` binary is only shipped
 * inside heavy packages (an AWS CDK layer with aws-cdk-lib as peer). helm_test.ts also renders
 * with a real `helm` when one is on PATH (or HELM_BIN), so both agree.
 *
 * Supported: text/actions with `{{-`/`-}}` trimming, comments, `define`, `include`,
 * `template`, `if`/`else if`/`else`, `with`, `range` (lists and maps, with `$k, $v :=`),
 * variables (`$x :=`, `$x =`, `$`), field chains, parenthesised pipelines, string/number/bool
 * literals, and the functions in FUNCTIONS below. Anything else throws, naming what it met.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { stringify } from "yaml";

type Value = unknown;
type Dict = Record<string, Value>;

// ---- parsing ---------------------------------------------------------------------------

type Node =
  | { kind: "text"; text: string }
  | { kind: "output"; pipe: Pipe }
  | { kind: "if"; branches: { pipe: Pipe | null; body: Node[] }[] }
  | { kind: "with"; pipe: Pipe; body: Node[]; otherwise: Node[] }
  | { kind: "range"; vars: string[]; pipe: Pipe; body: Node[]; otherwise: Node[] }
  | { kind: "template"; name: string; pipe: Pipe | null };

/** `$a := …` / `$a = …` then commands separated by `|`. */
interface Pipe {
  decl?: { names: string[]; op: ":=" | "=" };
  cmds: Operand[][];
}

type Operand =
  | { t: "field"; base: "." | string; path: string[] } // base "." or a variable name ("$", "$x")
  | { t: "ident"; name: string }
  | { t: "lit"; value: Value }
  | { t: "pipe"; pipe: Pipe };

const ACTION = /\{\{(-\s)?([\s\S]*?)(\s-)?\}\}/g;

function lexActions(src: string): ({ text: string } | { action: string })[] {
  const parts: ({ text: string } | { action: string })[] = [];
  let last = 0;
  let trimNext = false;
  for (const m of src.matchAll(ACTION)) {
    let text = src.slice(last, m.index);
    if (trimNext) text = text.replace(/^\s+/, "");
    if (m[1]) text = text.replace(/\s+$/, "");
    if (text) parts.push({ text });
    const body = m[2].trim();
    if (!/^\/\*[\s\S]*\*\/$/.test(body)) parts.push({ action: body });
    trimNext = Boolean(m[3]);
    last = m.index! + m[0].length;
  }
  let rest = src.slice(last);
  if (trimNext) rest = rest.replace(/^\s+/, "");
  if (rest) parts.push({ text: rest });
  return parts;
}

const TOKEN =
  /\s*(?:("(?:[^"\\]|\\.)*")|(`[^`]*`)|(:=|=|\||\(|\)|,)|(-?\d+(?:\.\d+)?)|(\$[\w]*(?:\.[\w]+)*)|(\.(?:[\w]+(?:\.[\w]+)*)?)|([A-Za-z_][\w]*))/y;

function tokenize(expr: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expr.length) {
    if (/^\s*$/.test(expr.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(expr);
    if (!m) throw new Error(`template: cannot read ${JSON.stringify(expr.slice(at))}`);
    tokens.push(m.slice(1).find((g) => g !== undefined)!);
  }
  return tokens;
}

function parsePipe(tokens: string[], pos = { i: 0 }, closer?: string): Pipe {
  const pipe: Pipe = { cmds: [] };
  const vars: string[] = [];
  let j = pos.i;
  while (tokens[j]?.startsWith("$") && !tokens[j].includes(".")) {
    vars.push(tokens[j]);
    if (tokens[j + 1] === ",") j += 2;
    else break;
  }
  if (vars.length && (tokens[j + 1] === ":=" || tokens[j + 1] === "=")) {
    pipe.decl = { names: vars, op: tokens[j + 1] as ":=" | "=" };
    pos.i = j + 2;
  }
  let cmd: Operand[] = [];
  while (pos.i < tokens.length) {
    const tok = tokens[pos.i++];
    if (tok === closer) break;
    if (tok === "|") {
      pipe.cmds.push(cmd);
      cmd = [];
    } else if (tok === "(") {
      cmd.push({ t: "pipe", pipe: parsePipe(tokens, pos, ")") });
    } else cmd.push(operand(tok));
  }
  pipe.cmds.push(cmd);
  if (pipe.cmds.some((c) => c.length === 0)) throw new Error("template: empty command in pipeline");
  return pipe;
}

function operand(tok: string): Operand {
  if (tok.startsWith('"')) return { t: "lit", value: JSON.parse(tok) };
  if (tok.startsWith("`")) return { t: "lit", value: tok.slice(1, -1) };
  if (/^-?\d/.test(tok)) return { t: "lit", value: Number(tok) };
  if (tok === "true" || tok === "false") return { t: "lit", value: tok === "true" };
  if (tok === "nil") return { t: "lit", value: null };
  if (tok.startsWith("$")) {
    const [base, ...path] = tok.split(".");
    return { t: "field", base, path };
  }
  if (tok.startsWith(".")) {
    return { t: "field", base: ".", path: tok.slice(1).split(".").filter(Boolean) };
  }
  return { t: "ident", name: tok };
}

/** Parses one file; `define` blocks go to `defines`, the rest is the file's own body. */
function parseFile(src: string, defines: Map<string, Node[]>): Node[] {
  const root: Node[] = [];
  // Each frame: where nodes go now, and how to close it.
  type Frame = { into: Node[]; node?: Node; defineName?: string };
  const stack: Frame[] = [{ into: root }];
  const top = () => stack[stack.length - 1];
  for (const part of lexActions(src)) {
    if ("text" in part) {
      top().into.push({ kind: "text", text: part.text });
      continue;
    }
    const [word, ...restWords] = part.action.split(/\s+/);
    const rest = part.action.slice(word.length).trim();
    const tokens = () => tokenize(rest);
    if (word === "define") {
      const name = JSON.parse(restWords.join(" "));
      const body: Node[] = [];
      stack.push({ into: body, defineName: name });
      defines.set(name, body);
    } else if (word === "if") {
      const node: Node = { kind: "if", branches: [{ pipe: parsePipe(tokens()), body: [] }] };
      top().into.push(node);
      stack.push({ into: node.branches[0].body, node });
    } else if (word === "with" || word === "range") {
      const pipe = parsePipe(tokens());
      const node: Node = word === "with"
        ? { kind: "with", pipe, body: [], otherwise: [] }
        : { kind: "range", vars: pipe.decl?.names ?? [], pipe, body: [], otherwise: [] };
      if (word === "range") delete pipe.decl;
      top().into.push(node);
      stack.push({ into: node.body, node });
    } else if (word === "else") {
      const frame = top();
      const node = frame.node;
      if (node?.kind === "if") {
        const branch = {
          pipe: rest.startsWith("if ") ? parsePipe(tokenize(rest.slice(3))) : null,
          body: [],
        };
        node.branches.push(branch);
        frame.into = branch.body;
      } else if (node?.kind === "with" || node?.kind === "range") {
        frame.into = node.otherwise;
      } else throw new Error("template: unexpected else");
    } else if (word === "end") {
      if (stack.length === 1) throw new Error("template: unexpected end");
      stack.pop();
    } else if (word === "template") {
      const toks = tokenize(rest);
      const name = JSON.parse(toks[0]);
      top().into.push({
        kind: "template",
        name,
        pipe: toks.length > 1 ? parsePipe(toks, { i: 1 }) : null,
      });
    } else if (["block", "break", "continue"].includes(word)) {
      throw new Error(`template: "${word}" is not supported by the test renderer`);
    } else {
      top().into.push({ kind: "output", pipe: parsePipe(tokenize(part.action)) });
    }
  }
  if (stack.length !== 1) throw new Error("template: missing end");
  return root;
}

// ---- evaluation ------------------------------------------------------------------------

function truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v as Dict).length > 0;
  return true;
}

function print(v: Value): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") throw new Error(`template: cannot print ${JSON.stringify(v)}`);
  return String(v);
}

function indent(n: number, s: string): string {
  const pad = " ".repeat(n);
  return s.split("\n").map((line) => pad + line).join("\n");
}

function sprintf(format: string, ...args: Value[]): string {
  let i = 0;
  return format.replace(/%([svdq%])/g, (_, verb) => {
    if (verb === "%") return "%";
    const arg = args[i++];
    return verb === "q" ? JSON.stringify(print(arg)) : print(arg);
  });
}

type Fn = (this: Renderer, ...args: Value[]) => Value;

/** Sprig/Helm functions, with Helm's argument order (piped value last). */
const FUNCTIONS: Record<string, Fn> = {
  include(name, data) {
    return this.run(String(name), data);
  },
  default: (fallback, value) => (truthy(value) ? value : fallback),
  quote: (...args) => args.map((a) => JSON.stringify(print(a))).join(" "),
  toString: (v: Value) => print(v),
  int: (v) => Math.trunc(Number(v)),
  toYaml: (v) =>
    v === null || v === undefined
      ? "null"
      : stringify(v, { sortMapEntries: true, lineWidth: 0 }).replace(/\n$/, ""),
  nindent: (n, s) => "\n" + indent(Number(n), print(s)),
  indent: (n, s) => indent(Number(n), print(s)),
  trunc: (n, s) => print(s).slice(0, Number(n)),
  trimSuffix: (suffix, s) => {
    const str = print(s), suf = print(suffix);
    return suf && str.endsWith(suf) ? str.slice(0, -suf.length) : str;
  },
  trim: (s) => print(s).trim(),
  contains: (substr, s) => print(s).includes(print(substr)),
  replace: (from, to, s) => print(s).split(print(from)).join(print(to)),
  printf: (format, ...args) => sprintf(print(format), ...args),
  print: (...args) => args.map(print).join(""),
  sha256sum: (s) => createHash("sha256").update(print(s)).digest("hex"),
  dict: (...kv) => {
    const d: Dict = {};
    for (let i = 0; i + 1 < kv.length; i += 2) d[print(kv[i])] = kv[i + 1];
    return d;
  },
  eq: (a, ...rest) => rest.some((b) => a === b),
  ne: (a, b) => a !== b,
  not: (v) => !truthy(v),
  required: (message, v) => {
    if (v === undefined || v === null || v === "") throw new Error(print(message));
    return v;
  },
  and: (...args) => args.find((a) => !truthy(a)) ?? args[args.length - 1],
  or: (...args) => args.find((a) => truthy(a)) ?? args[args.length - 1],
};

class Renderer {
  constructor(readonly defines: Map<string, Node[]>) {}

  run(name: string, data: Value): string {
    const body = this.defines.get(name);
    if (!body) throw new Error(`template: no template named "${name}"`);
    return this.exec(body, data, [new Map([["$", data]])]);
  }

  exec(nodes: Node[], dot: Value, scopes: Map<string, Value>[]): string {
    let out = "";
    for (const node of nodes) out += this.execNode(node, dot, scopes);
    return out;
  }

  execNode(node: Node, dot: Value, scopes: Map<string, Value>[]): string {
    const inner = () => [...scopes, new Map<string, Value>()];
    switch (node.kind) {
      case "text":
        return node.text;
      case "output": {
        const v = this.pipe(node.pipe, dot, scopes);
        return node.pipe.decl ? "" : print(v);
      }
      case "if":
        for (const branch of node.branches) {
          const s = inner();
          if (!branch.pipe || truthy(this.pipe(branch.pipe, dot, s))) {
            return this.exec(branch.body, dot, s);
          }
        }
        return "";
      case "with": {
        const s = inner();
        const v = this.pipe(node.pipe, dot, s);
        return truthy(v) ? this.exec(node.body, v, s) : this.exec(node.otherwise, dot, s);
      }
      case "range": {
        const v = this.pipe(node.pipe, dot, scopes);
        const entries: [Value, Value][] = Array.isArray(v)
          ? v.map((e, i) => [i, e])
          : v && typeof v === "object"
          ? Object.keys(v).sort().map((k) => [k, (v as Dict)[k]])
          : [];
        if (entries.length === 0) return this.exec(node.otherwise, dot, inner());
        let out = "";
        for (const [k, e] of entries) {
          const s = inner();
          const vars = node.vars;
          if (vars.length === 1) s.at(-1)!.set(vars[0], e);
          if (vars.length === 2) s.at(-1)!.set(vars[0], k).set(vars[1], e);
          out += this.exec(node.body, e, s);
        }
        return out;
      }
      case "template":
        return this.run(node.name, node.pipe ? this.pipe(node.pipe, dot, scopes) : null);
    }
  }

  pipe(pipe: Pipe, dot: Value, scopes: Map<string, Value>[]): Value {
    let value: Value = undefined;
    pipe.cmds.forEach((cmd, i) => {
      value = this.command(cmd, dot, scopes, i === 0 ? [] : [value]);
    });
    if (pipe.decl) {
      const name = pipe.decl.names[0];
      if (pipe.decl.op === ":=") scopes.at(-1)!.set(name, value);
      else {
        const scope = [...scopes].reverse().find((s) => s.has(name));
        if (!scope) throw new Error(`template: undefined variable ${name}`);
        scope.set(name, value);
      }
    }
    return value;
  }

  command(cmd: Operand[], dot: Value, scopes: Map<string, Value>[], piped: Value[]): Value {
    const [head, ...args] = cmd;
    if (head.t === "ident") {
      const fn = FUNCTIONS[head.name];
      if (!fn) {
        throw new Error(`template: function "${head.name}" is not supported by the test renderer`);
      }
      return fn.apply(this, [...args.map((a) => this.operand(a, dot, scopes)), ...piped]);
    }
    if (args.length || piped.length) {
      throw new Error(`template: ${JSON.stringify(head)} is not a function and takes no arguments`);
    }
    return this.operand(head, dot, scopes);
  }

  operand(op: Operand, dot: Value, scopes: Map<string, Value>[]): Value {
    switch (op.t) {
      case "lit":
        return op.value;
      case "pipe":
        return this.pipe(op.pipe, dot, scopes);
      case "ident":
        return this.command([op], dot, scopes, []);
      case "field": {
        let v: Value = dot;
        if (op.base !== ".") {
          const scope = [...scopes].reverse().find((s) => s.has(op.base));
          if (!scope) throw new Error(`template: undefined variable ${op.base}`);
          v = scope.get(op.base);
        }
        for (const key of op.path) {
          v = v && typeof v === "object" ? (v as Dict)[key] : undefined;
        }
        return v;
      }
    }
  }
}

/** What `helm template NAME CHART --namespace NS` receives, in the shape templates see. */
export interface RenderInput {
  chartName: string;
  chart: { Name: string; Version: string; AppVersion: string };
  values: Dict;
  /** File name (relative to templates/) → source. */
  templates: Record<string, string>;
  release: { Name: string; Namespace: string };
}

/** Renders every manifest template (not `_*`, not NOTES.txt); returns file name → text. */
export function renderChart(input: RenderInput): Record<string, string> {
  const defines = new Map<string, Node[]>();
  const basePath = `${input.chartName}/templates`;
  for (const [file, src] of Object.entries(input.templates)) {
    defines.set(`${basePath}/${file}`, parseFile(src, defines));
  }
  const renderer = new Renderer(defines);
  const out: Record<string, string> = {};
  for (const file of Object.keys(input.templates).sort()) {
    if (file.startsWith("_") || file === "NOTES.txt") continue;
    const data = {
      Values: input.values,
      Chart: input.chart,
      Release: { ...input.release, Service: "Helm", IsInstall: true, IsUpgrade: false },
      Template: { Name: `${basePath}/${file}`, BasePath: basePath },
    };
    out[file] = renderer.run(`${basePath}/${file}`, data);
  }
  return out;
}
