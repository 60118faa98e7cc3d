/**
 * fontkit 2 adapted to what pdf-lib expects of a fontkit (`registerFontkit`).
 *
 * pdf-lib's own fork (@pdf-lib/fontkit 1.x) is Babel output that sets up static inheritance
 * with `subClass.__proto__ = superClass`, which Deno disables: text shaping then fails with
 * "this.shaper.plan is not a function". Upstream fontkit 2 uses native classes; the only
 * difference pdf-lib meets is that a font subset is written by `encode()` (bytes) instead of
 * the removed `encodeStream()`, which is supplied here.
 *
 * @module
 */
import * as fontkit from "fontkit";

interface Subset {
  encode(): Uint8Array;
  encodeStream?: () => unknown;
}
type Handler = (value?: unknown) => void;

/** The minimal event stream pdf-lib reads a subset from (`data`, then `end`, or `error`). */
function encodeStream(subset: Subset) {
  const on: Record<string, Handler> = {};
  const stream = {
    on(event: string, handler: Handler) {
      on[event] = handler;
      return stream;
    },
  };
  queueMicrotask(() => {
    try {
      on.data?.(subset.encode());
      on.end?.();
    } catch (err) {
      on.error?.(err);
    }
  });
  return stream;
}

/** Pass to `PDFDocument.registerFontkit`. */
export const pdfFontkit = {
  create(data: Uint8Array) {
    const font = fontkit.create(data as never) as unknown as { createSubset(): Subset };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      subset.encodeStream = () => encodeStream(subset);
      return subset;
    };
    return font;
  },
};
