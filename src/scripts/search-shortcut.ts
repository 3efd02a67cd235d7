/**
 * Keyboard shortcuts to the search box: Ctrl-K and ⌘K put the cursor in it
 * with its text selected; Esc there gives focus back to where it was. The box
 * is the header's, or on the search page (which has no header box) the page's
 * own. No key alone is a shortcut (as `/` was): a reader who speaks to the
 * page, or moves through it with single keys, would set it off unawares.
 *
 * Progressive enhancement: the box is a plain form either way. This script
 * only adds the keys, and shows their hint, which stays `hidden` without it.
 */

const box = document.querySelector<HTMLInputElement>('form[role="search"] input[type="search"]');

/** The hint's words: the keys as the reader's keyboard labels them. */
const appleKeys = /Mac|iPhone|iPad/.test(navigator.userAgent);

if (box) {
  let cameFrom: HTMLElement | undefined;
  box.setAttribute('aria-keyshortcuts', 'Control+K Meta+K');
  for (const hint of document.querySelectorAll<HTMLElement>('.search-hint')) {
    hint.textContent = appleKeys ? '⌘K' : 'Ctrl K';
    hint.hidden = false;
  }

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || event.altKey) return;
    const chord = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k';
    if (!chord) return;
    // Ctrl-K would otherwise open the browser's own search bar.
    event.preventDefault();
    if (document.activeElement !== box && document.activeElement instanceof HTMLElement) cameFrom = document.activeElement;
    box.focus();
    box.select();
  });

  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (cameFrom?.isConnected && cameFrom !== document.body) cameFrom.focus();
    else box.blur();
  });
  // Left some other way (Tab, a click): there is no place to go back to any more.
  box.addEventListener('blur', () => (cameFrom = undefined));
}

// A module, not a global script: its names stay its own.
export {};
