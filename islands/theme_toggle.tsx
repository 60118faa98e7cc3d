/// <reference lib="dom" />
// Auto / light / dark. The choice is stored in the `theme` cookie (which the server renders as
// `<html data-theme>`) and applied at once by setting `data-theme` here, without a reload.
// Without JavaScript the same buttons post the form to `/theme` and the server sets the cookie.
import { useState } from "preact/hooks";

export type Theme = "auto" | "light" | "dark";

export type ThemeToggleProps = {
  theme: Theme;
  /** Where the no-JavaScript form returns to. */
  next: string;
};

const THEMES: [Theme, string][] = [["auto", "Auto"], ["light", "Light"], ["dark", "Dark"]];
const YEAR = 365 * 24 * 3600;

/** Stores and applies a theme (the cookie is the server's `theme` cookie, readable by JS). */
export function applyTheme(theme: Theme): void {
  const secure = location.protocol === "https:" ? "; secure" : "";
  document.cookie = `theme=${theme}; path=/; max-age=${YEAR}; samesite=lax${secure}`;
  const root = document.documentElement;
  root.dataset.theme = theme;
  document.querySelector('meta[name="color-scheme"]')
    ?.setAttribute("content", theme === "auto" ? "light dark" : theme);
}

export default function ThemeToggle(props: ThemeToggleProps) {
  const [theme, setTheme] = useState<Theme>(props.theme);
  function onSubmit(event: SubmitEvent) {
    const value = (event.submitter as HTMLButtonElement | null)?.value;
    const chosen = THEMES.find(([t]) => t === value)?.[0];
    if (!chosen) return;
    event.preventDefault();
    applyTheme(chosen);
    setTheme(chosen);
  }
  return (
    <form method="post" action="/theme" class="theme-toggle" aria-label="Theme" onSubmit={onSubmit}>
      <input type="hidden" name="next" value={props.next} />
      {THEMES.map(([value, label]) => (
        <button
          key={value}
          type="submit"
          name="theme"
          value={value}
          class="chip"
          aria-pressed={theme === value ? "true" : "false"}
        >
          {label}
        </button>
      ))}
    </form>
  );
}
