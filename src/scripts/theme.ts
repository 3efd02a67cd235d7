/**
 * Light and dark themes: the reader's system setting by default, and a toggle
 * button in the header that remembers the reader's choice (localStorage).
 *
 * Without JavaScript the page still follows `prefers-color-scheme` through
 * CSS alone, and the toggle stays `hidden` (this script is what shows it).
 *
 * Trade-off, on purpose: no inline script. A strict Content-Security-Policy
 * (`script-src 'self'`) is planned, and the usual "no flash" trick is an
 * inline script in <head>. This file is an external module instead, and
 * module scripts are deferred: they run once the HTML has been parsed. So the
 * default theme is the system's, done in CSS with no script at all, and a
 * stored choice is applied as the first statement of this module. Only a
 * reader who picked the opposite of their system setting can see the system
 * theme for a moment before it switches; for our small pages parsing is
 * usually done before the first paint, so in practice the switch happens
 * before anything is shown. A blocking classic script in <head> would rule
 * the flash out entirely, at the cost of a render-blocking request on every
 * page for every reader: we chose speed for everyone.
 */

export type Theme = 'light' | 'dark';

export const STORAGE_KEY = 'backstory-theme';
const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function storedTheme(): Theme | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined; // Storage blocked (private mode, policy): follow the system.
  }
}

function store(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered, but it still applies to this page.
  }
}

/** The theme in effect: the reader's choice, else the system's. */
function currentTheme(): Theme {
  const chosen = root.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark.matches ? 'dark' : 'light';
}

function toggles(): HTMLButtonElement[] {
  return [...document.querySelectorAll<HTMLButtonElement>('button[data-theme-toggle]')];
}

function sync(): void {
  const dark = currentTheme() === 'dark';
  for (const button of toggles()) button.setAttribute('aria-pressed', String(dark));
}

function apply(theme: Theme | undefined): void {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
  sync();
}

// First, before anything else: the stored choice.
apply(storedTheme());

for (const button of toggles()) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    store(next);
    apply(next);
  });
}

// The system setting changed while no choice is stored; or another tab chose.
systemDark.addEventListener('change', sync);
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) apply(storedTheme());
});
