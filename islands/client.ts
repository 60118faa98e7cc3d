/// <reference lib="dom" />
// The browser entry: finds the `[data-island]` marks the server rendered, loads each island's
// code on demand (one chunk per island, shared code in common chunks) and hydrates it with the
// props written next to it. When every island on the page is live, `<html data-hydrated="true">`
// tells tests (and anyone curious) that the page is interactive; a failed island makes it
// "error" instead.
import { type ComponentType, h, hydrate } from "preact";
import { closeMenusOnEscapeOrOutside } from "./_lib/menus.ts";
import { replaceBrokenPictures } from "./_lib/broken_pictures.ts";
import { enableCopyButtons } from "./_lib/copy_buttons.ts";

// Each island takes its own props; they are checked where the page renders the mark.
// deno-lint-ignore no-explicit-any
type Loader = () => Promise<{ default: ComponentType<any> }>;

const islands: Record<string, Loader> = {
  upload: () => import("./upload.tsx"),
  import_list: () => import("./import_list.tsx"),
  infinite_scroll: () => import("./infinite_scroll.tsx"),
  search: () => import("./search.tsx"),
  jump_to_date: () => import("./jump_to_date.tsx"),
  view_as: () => import("./view_as.tsx"),
  lightbox: () => import("./lightbox.tsx"),
  theme_toggle: () => import("./theme_toggle.tsx"),
};

async function hydrateIsland(el: HTMLElement): Promise<void> {
  const name = el.dataset.island ?? "";
  const load = islands[name];
  if (!load) throw new Error(`unknown island "${name}": expected one of ${Object.keys(islands)}`);
  const props = JSON.parse(el.dataset.props ?? "{}");
  const { default: Island } = await load();
  hydrate(h(Island, props), el);
  el.dataset.hydrated = "true";
}

async function main(): Promise<void> {
  closeMenusOnEscapeOrOutside(document);
  replaceBrokenPictures(document);
  enableCopyButtons(document);
  const marks = [...document.querySelectorAll<HTMLElement>("[data-island]")];
  const results = await Promise.allSettled(marks.map(hydrateIsland));
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  for (const f of failed) console.error("island failed to hydrate:", f.reason);
  document.documentElement.dataset.hydrated = failed.length ? "error" : "true";
}

main();
