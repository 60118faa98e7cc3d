/**
 * The parser's version, stored with every import (`imports.parser_version`). Bump it when the
 * parser reads some export differently: stored originals parsed by an older version are then
 * re-parsed (worker/reparse.ts) without the user uploading again.
 */
export const PARSER_VERSION = 1;
