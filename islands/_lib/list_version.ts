/**
 * Which changes of the message list still apply. Every load of messages for the list takes a
 * signal from here before it asks the API, passes it to `fetch`, and may change the list only
 * while the signal is not aborted; the signal aborts the moment the list it was asked for is gone:
 *
 * - a page added at one end (`extend`) is for the list as it is: it lapses when a replacement
 *   lands (a page of 2021 does not belong above a jump to 2020);
 * - a replacement (`replace`, a jump) lapses when a later one is asked for, so the last jump
 *   asked for wins whatever order the answers come in; when it `land`s, every page asked for
 *   before it lapses, including those asked for while it was on its way;
 * - a redraw of the same messages (`redraw`, a new look) lapses when a replacement is asked for
 *   or lands: the replacement draws with the look of the moment.
 *
 * @module
 */

/** The version of one list; get it with {@link versionOf}. */
export class ListVersion {
  /** Aborted and renewed when a replacement is asked for. */
  #asked = new AbortController();
  /** Aborted and renewed when a replacement lands. */
  #landed = new AbortController();

  /** For a page that extends the list as it is now. */
  extend(): AbortSignal {
    return this.#landed.signal;
  }

  /** For a replacement of the whole list: the one on its way, if any, lapses. */
  replace(): AbortSignal {
    this.#asked.abort(lapsed("a later replacement was asked for"));
    this.#asked = new AbortController();
    return this.#asked.signal;
  }

  /** For drawing the messages already there again. */
  redraw(): AbortSignal {
    return AbortSignal.any([this.#asked.signal, this.#landed.signal]);
  }

  /**
   * Claims the list for the replacement holding `signal`, which must change it before the next
   * await: false (and nothing changes) when it has lapsed; else every load in flight lapses.
   */
  land(signal: AbortSignal): boolean {
    if (signal.aborted) return false;
    this.#landed.abort(lapsed("the list was replaced"));
    this.#landed = new AbortController();
    return true;
  }
}

function lapsed(why: string): DOMException {
  return new DOMException(`Dropped: ${why}`, "AbortError");
}

const versions = new WeakMap<object, ListVersion>();

/** The version of a list (one per element, shared by every island that changes it). */
export function versionOf(list: object): ListVersion {
  let version = versions.get(list);
  if (!version) versions.set(list, version = new ListVersion());
  return version;
}
