/** Structured JSON logging: one object per line, with fields inherited by child loggers. */
export type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines also carry `fields` (e.g. the request id). */
  child(fields: Record<string, unknown>): Logger;
}

/** Creates a logger writing to `write` (stderr by default) at `level` and above. */
export function createLogger(
  level: Level = "info",
  base: Record<string, unknown> = {},
  write: (line: string) => void = (line) => console.error(line),
): Logger {
  const log = (l: Level) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[l] < ORDER[level]) return;
    const extra = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? v.message : v]),
    );
    write(JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...base, ...extra }));
  };
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = createLogger("error", {}, () => {});
