/**
 * Preview cards for the names and events linked in running text (progressive
 * enhancement: without this script the links simply work). Links in lists —
 * the timeline, the people index, search results, "Who's who" — get none:
 * there the title and summary are already on the page, and a tap opens it.
 *
 * Meets WCAG 2.2 SC 1.4.13 (content on hover or focus): the card opens on
 * hover and on keyboard focus, can be hovered itself without closing, stays
 * until the pointer or focus leaves, and Esc dismisses it without moving
 * focus. It never covers its link (SC 2.4.11): below it, above it, or, where
 * neither has room, on the roomier side, scrolling within itself. On touch,
 * the first tap opens the card and the card's own link goes through; a
 * keyboard's Enter always goes through. The card's link is no Tab stop: the
 * name before it goes to the same page. Card data is a small JSON file per
 * record, fetched on demand; a card still loading when the pointer or focus
 * has left, or after Esc, is not shown.
 */

import type { Preview } from '../lib/preview.ts';
import { detailOn } from '../lib/preview-detail.ts';

/** The day the page is about (a story's publication, an event's date), if it is about one: a person's card shows the role they held then. */
const PAGE_DAY = document.querySelector<HTMLElement>('[data-when]')?.dataset.when;

/**
 * The site's base path, from where this script is served (`<base>_astro/…`):
 * only `<base>people/<id>/` and `<base>events/<id>/` are records, not
 * `<base>timeline/people/<id>/`.
 */
const BASE = /^(.*\/)_astro\//.exec(new URL(import.meta.url).pathname)?.[1] ?? '/';
const RECORD_PATH = new RegExp(`^${BASE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(people|events)/([^/]+)/$`);
const cache = new Map<string, Promise<Preview | undefined>>();

let card: HTMLElement | undefined;
let owner: HTMLAnchorElement | undefined;
let hideTimer: number | undefined;
let showTimer: number | undefined;
let lastPointer = 'mouse';
/** The link whose card is on its way: a card that arrives for another link, or none, is not shown. */
let wanted: HTMLAnchorElement | undefined;

function dataUrl(link: HTMLAnchorElement): string | undefined {
  // Only names and events linked in running text (`.mention`, written by the linker).
  if (!link.classList.contains('mention') || link.origin !== location.origin || link.closest('.preview-card')) return undefined;
  const match = RECORD_PATH.exec(link.pathname);
  if (!match) return undefined;
  return `${BASE}previews/${match[1]}/${match[2]}.json`;
}

function load(url: string): Promise<Preview | undefined> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<Preview>) : undefined))
      .catch(() => undefined);
    cache.set(url, pending);
  }
  return pending;
}

function element(tag: string, className: string, text: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

function ensureCard(): HTMLElement {
  if (card) return card;
  // Phrasing elements only: the card is placed inside the paragraph, right
  // after its link, so Tab moves from the link into the card.
  card = document.createElement('span');
  card.id = 'preview-card';
  card.className = 'preview-card';
  card.hidden = true;
  card.addEventListener('pointerenter', () => clearTimeout(hideTimer));
  card.addEventListener('pointerleave', () => scheduleHide());
  card.addEventListener('focusout', (e) => {
    const next = e.relatedTarget as Node | null;
    if (!next || (!card!.contains(next) && next !== owner)) hide();
  });
  return card;
}

async function show(link: HTMLAnchorElement): Promise<void> {
  const url = dataUrl(link);
  if (!url) return;
  clearTimeout(hideTimer);
  wanted = link;
  const preview = await load(url);
  if (!preview || !link.isConnected || wanted !== link) return;
  const box = ensureCard();
  const label = preview.kind === 'person' ? 'Person' : 'Event';
  const more = document.createElement('a');
  more.href = link.href;
  more.className = 'preview-more';
  more.textContent = `Open ${preview.title}`;
  // For a pointer; a keyboard opens the page from the name itself.
  more.tabIndex = -1;
  box.replaceChildren(
    element('span', 'preview-kind', label),
    element('span', 'preview-title', preview.title),
    ...[detailOn(preview, PAGE_DAY)].filter((detail) => detail !== undefined).map((detail) => element('span', 'preview-detail', detail)),
    element('span', 'preview-summary', preview.summary),
    more,
  );
  owner?.removeAttribute('aria-describedby');
  owner = link;
  link.setAttribute('aria-describedby', box.id);
  if (link.nextSibling !== box) link.after(box);
  box.hidden = false;
  place(box, link);
}

function place(box: HTMLElement, link: HTMLElement): void {
  // Position against the page: reset, then measure where the card's offset parent sits.
  box.style.left = '0px';
  box.style.top = '0px';
  const origin = box.getBoundingClientRect();
  const rect = link.getClientRects()[0] ?? link.getBoundingClientRect();
  const width = Math.min(320, document.documentElement.clientWidth - 16);
  box.style.width = `${width}px`;
  const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
  box.style.left = `${left - origin.left}px`;
  // Below the link, or above it; where neither has room (a phone held sideways, a page zoomed in),
  // on the roomier side, as tall as the room, so the card never covers its link.
  box.style.maxHeight = '';
  const room = { below: innerHeight - rect.bottom - 6 - 8, above: rect.top - 6 - 8 };
  const height = box.offsetHeight;
  const side = height <= room.below ? 'below' : height <= room.above ? 'above' : room.below >= room.above ? 'below' : 'above';
  if (height > room[side]) box.style.maxHeight = `${Math.max(0, room[side])}px`;
  const top = side === 'below' ? rect.bottom + 6 : rect.top - 6 - Math.min(height, room[side]);
  box.style.top = `${top - origin.top}px`;
}

function hide(): void {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  wanted = undefined;
  if (card) card.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = undefined;
}

function scheduleHide(): void {
  clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, 300);
}

function linkFrom(target: EventTarget | null): HTMLAnchorElement | undefined {
  const link = (target as Element | null)?.closest?.('a[href]');
  return link instanceof HTMLAnchorElement && dataUrl(link) ? link : undefined;
}

document.addEventListener('pointerdown', (e) => (lastPointer = e.pointerType));
// A key pressed after a tap is a keyboard at work (a tablet's): focus shows cards again, and Enter opens pages.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') lastPointer = 'keyboard';
});

document.addEventListener('pointerover', (e) => {
  if (e.pointerType !== 'mouse') return;
  const link = linkFrom(e.target);
  if (!link) return;
  clearTimeout(hideTimer);
  clearTimeout(showTimer);
  if (owner !== link) showTimer = window.setTimeout(() => void show(link), 150);
});

document.addEventListener('pointerout', (e) => {
  if (e.pointerType !== 'mouse') return;
  const link = linkFrom(e.target);
  if (!link) return;
  clearTimeout(showTimer);
  if (card?.contains(e.relatedTarget as Node | null)) return;
  // Left before its card arrived: it is not wanted any more.
  if (owner !== link) wanted = undefined;
  scheduleHide();
});

document.addEventListener('focusin', (e) => {
  const link = linkFrom(e.target);
  if (link && owner !== link && lastPointer !== 'touch') void show(link);
});

document.addEventListener('focusout', (e) => {
  const link = linkFrom(e.target);
  if (!link || link !== owner) return;
  const next = e.relatedTarget as Node | null;
  if (!next || !card?.contains(next)) hide();
});

document.addEventListener('click', (e) => {
  // On touch, the first tap opens the card; the card's link goes through. A keyboard's click (detail 0) always goes through.
  if (lastPointer !== 'touch' || e.detail === 0) return;
  const link = linkFrom(e.target);
  if (link) {
    if (owner === link && card && !card.hidden) return;
    e.preventDefault();
    void show(link);
  } else if (card && !card.hidden && !card.contains(e.target as Node)) {
    hide();
  }
});

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && (wanted || (card && !card.hidden))) hide();
});

// A module, not a global script: its names stay its own.
export {};
