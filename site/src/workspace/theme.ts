/** Starlight's colour scheme: `data-theme` on <html> is "light" or "dark", and changes when the reader switches it. */
import type { Theme } from './types.ts';

export type { Theme };

export function currentTheme(root: HTMLElement = document.documentElement): Theme {
  return root.dataset.theme === 'light' ? 'light' : root.dataset.theme === 'dark' ? 'dark' : prefersDark();
}

function prefersDark(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

/** Calls `listener` whenever the theme changes; returns the function that stops watching. */
export function watchTheme(listener: (theme: Theme) => void, root: HTMLElement = document.documentElement): () => void {
  let last = currentTheme(root);
  const observer = new MutationObserver(() => {
    const next = currentTheme(root);
    if (next !== last) listener((last = next));
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
