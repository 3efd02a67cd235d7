/**
 * The timeline's filters, in place (the main timeline when it fits on one
 * page, and each year's or month's page): a person's or a story's link shows only their
 * events on this page instead of opening the pre-built filtered page. That
 * page, with their events of every year, stays what the link opens without
 * JavaScript, in a new tab or with a modifier key; on a year's page the
 * status line links to it too.
 *
 * The filter is kept in the URL (`?person=<id>` or `?story=<id>`), so a
 * filtered view can be shared, bookmarked and reloaded, and Back undoes it.
 * Each event says whose it is in `data-people` and `data-stories` (ids,
 * space-separated), written at build time from the same lists as the
 * pre-built pages, so both show the same events.
 */

import { filteredBy } from '../lib/filter-status.ts';

type Kind = 'person' | 'story';
/** Which list on an event names the people, which the stories. */
const LIST = { person: 'people', story: 'stories' } as const;

const status = document.querySelector<HTMLElement>('[data-timeline-status]');
const message = status?.querySelector<HTMLElement>('[role="status"]');
const showAll = status?.querySelector<HTMLAnchorElement>('a[data-show-all]');
const everyYear = status?.querySelector<HTMLAnchorElement>('a[data-every-year]');
/** The year or month this page shows ("2017", "March 2017"), if it shows one. */
const period = status?.dataset.period;
const items = [...document.querySelectorAll<HTMLElement>('.timeline-month .event-list > li')];
const months = [...document.querySelectorAll<HTMLElement>('.timeline-month')];
const years = [...document.querySelectorAll<HTMLElement>('.timeline-year')];
/** Events begun in earlier years, named on a year's page: filtered alike, but not counted among the year's. */
const ongoing = [...document.querySelectorAll<HTMLElement>('.ongoing-events li')];
const ongoingSection = document.querySelector<HTMLElement>('.ongoing-events');
const pageTitle = document.title;
let active: HTMLAnchorElement | undefined;

function kindOf(link: HTMLAnchorElement): Kind {
  return link.dataset.person !== undefined ? 'person' : 'story';
}

/** The filter the address asks for (`?person=` or `?story=`), if any, and its link here if there is one. */
function filterInAddress(): { kind: Kind; id: string; link?: HTMLAnchorElement } | undefined {
  const params = new URLSearchParams(location.search);
  for (const kind of ['person', 'story'] as const) {
    const id = params.get(kind);
    if (id === null) continue;
    const link = [...document.querySelectorAll<HTMLAnchorElement>(`.timeline-filters a[data-${kind}]`)].find((a) => a.dataset[kind] === id);
    return { kind, id, ...(link ? { link } : {}) };
  }
  return undefined;
}

/** Shows the events of the link's person or story, or every event without a link. */
function show(link: HTMLAnchorElement | undefined): void {
  const kind = link && kindOf(link);
  const id = kind && link.dataset[kind];
  let count = 0;
  for (const item of items) {
    const match = !kind || (item.dataset[LIST[kind]] ?? '').split(' ').includes(id!);
    item.hidden = !match;
    if (match) count++;
  }
  for (const item of ongoing) item.hidden = Boolean(kind) && !(item.dataset[LIST[kind!]] ?? '').split(' ').includes(id!);
  if (ongoingSection) ongoingSection.hidden = ongoing.every((item) => item.hidden);
  // Months, then years: a group with nothing left in it goes, heading and all.
  for (const month of months) month.hidden = !month.querySelector('.event-list > li:not([hidden])');
  for (const year of years) year.hidden = !year.querySelector('.timeline-month:not([hidden])');

  active?.removeAttribute('aria-current');
  active = link;
  link?.setAttribute('aria-current', 'true');
  const label = link?.textContent ?? '';
  message!.textContent = link ? `Showing ${count} event${count === 1 ? '' : 's'} ${filteredBy(kind!, label)}${period ? ` in ${period}` : ''}` : '';
  showAll!.hidden = !link;
  if (everyYear) {
    everyYear.hidden = !link;
    // A year's filter link opens that year of the person's timeline; "Every year" opens all of it.
    if (link) everyYear.href = link.dataset.wholeTimeline ?? link.href;
  }
  document.title = link ? `${kind === 'story' ? `“${label}”` : label} · ${pageTitle}` : pageTitle;
}

/** The current address with the link's filter in it, or with no filter. */
function addressFor(link: HTMLAnchorElement | undefined): URL {
  const address = new URL(location.href);
  address.searchParams.delete('person');
  address.searchParams.delete('story');
  if (link) address.searchParams.set(kindOf(link), link.dataset[kindOf(link)]!);
  return address;
}

function choose(link: HTMLAnchorElement | undefined): void {
  const address = addressFor(link);
  if (address.href !== location.href) history.pushState(null, '', address);
  show(link);
  // On a phone the open list fills the screen: the status line and the events below it come into view, or
  // the choice would seem to do nothing. The focus stays on the link.
  const box = status!.getBoundingClientRect();
  if (link && (box.bottom > innerHeight || box.top < 0)) status!.scrollIntoView({ block: 'nearest' });
}

if (status && message && showAll && items.length > 0) {
  const asked = filterInAddress();
  // An unknown id (a person since removed, a mistyped link): show everything, and say so, in the address and in words.
  if (asked?.link) show(asked.link);
  else if (asked) {
    history.replaceState(null, '', addressFor(undefined));
    message.textContent = `This timeline has no filter for the ${asked.kind} “${asked.id}”: showing every event`;
  }

  document.addEventListener('click', (event) => {
    // Only a plain click: Ctrl, ⌘, Shift or a middle click still open the pre-built page elsewhere.
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (link?.matches('.timeline-filters a[data-person], .timeline-filters a[data-story]')) {
      event.preventDefault();
      choose(link);
    } else if (link === showAll) {
      event.preventDefault();
      const previous = active;
      choose(undefined);
      // The link just clicked is hidden now: focus goes back to the filter that was in force, or its list.
      const list = previous?.closest('details');
      (list?.open ? previous : list?.querySelector('summary'))?.focus();
    }
  });
  window.addEventListener('popstate', () => show(filterInAddress()?.link));
}

// A module, not a global script: its names stay its own.
export {};
