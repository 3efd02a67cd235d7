/**
 * Page views and their cache keys: what a record page shows, and a key that
 * changes exactly when something the page shows changes. (The build test
 * tests/build/incremental.test.ts checks the same end to end, byte for byte.)
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { loadContent } from '../../src/lib/load.ts';
import { assembleSite } from '../../src/lib/site.ts';
import { renderer } from '../../src/markdown/render.ts';
import { eventView, pageKey, personView, storyView, PERSON_MAP_NODES, PERSON_PAGE_EVENTS, type PageSettings } from '../../src/lib/page-views.ts';
import { QUOTED_STORIES, RECORD_PAGE_STORIES } from '../../src/lib/coverage.ts';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { ContentSet } from '../../src/lib/records.ts';
import type { PersonId, StoryId } from '../../src/lib/ids.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const settings: PageSettings = { site: 'https://news.example', base: '/', dateStyle: 'month-first' };
const today = new Date('2026-11-24T12:00:00Z');

/** The seed content, freshly loaded, so a test may change a record. */
function seed(): ContentSet {
  const { content, issues } = loadContent(join(ROOT, 'content'), ROOT);
  expect(issues).toEqual([]);
  return content;
}
const build = (content: ContentSet) => assembleSite(content, { base: '/', renderer });

describe('what a record page shows', () => {
  const content = seed();
  const site = build(content);
  const story = site.graph.storiesByDate[0]!;

  it('a story: its body, its cast in order of mention, its timeline with the publication, its map, its age', () => {
    const view = storyView(site, story, today);
    expect(view.html).toBe(site.html.get(story));
    expect(view.people).toEqual(site.graph.storyPeople(story.id));
    expect(view.timeline.filter((item) => item.kind === 'published')).toHaveLength(1);
    expect(view.timeline.filter((item) => item.kind === 'event')).toHaveLength(site.graph.storyEvents(story.id).length);
    expect(view.map?.nodes.map((n) => n.id).sort()).toEqual(view.people.map((p) => p.id).sort());
    expect(view.age).toMatch(/^From \w+ \d{4}$/);
    expect(storyView(site, story, new Date(`${story.published.iso.slice(0, 10)}T12:00:00Z`)).age).toBeUndefined();
  });

  it('a story whose people share nothing but itself has no map (no heading over an empty figure)', () => {
    const content = seed();
    const [someone] = content.people;
    const stranger = (id: string, name: string) => ({ ...someone!, id: id as PersonId, name, aliases: [], roles: [], body: `${name} is a stranger.`, file: `content/people/${id}.md` });
    content.people.push(stranger('ada-strange', 'Ada Strange'), stranger('bo-quaint', 'Bo Quaint'));
    const story = { ...content.stories[0]!, id: 'strangers' as StoryId, file: 'content/stories/strangers.md', people: ['ada-strange', 'bo-quaint'] as PersonId[], events: [], body: 'Ada Strange met Bo Quaint.' };
    content.stories.push(story);
    const withStrangers = build(content);
    const view = storyView(withStrangers, withStrangers.graph.stories.get(story.id)!, today);
    expect(view.people.map((p) => p.id)).toEqual(['ada-strange', 'bo-quaint']);
    expect(view).not.toHaveProperty('map');
  });

  it('a person: stories with quotes, connections, a map around them, no story among "also mentioned in"', () => {
    const person = site.graph.storyPeople(story.id)[0]!;
    const view = personView(site, person);
    expect(view.stories.map((s) => s.story.id)).toContain(story.id);
    expect(view.connections).toEqual(site.graph.personConnections(person.id));
    expect(view.map.focus).toBe(person.id);
    expect(view.map.nodes.length).toBeLessThanOrEqual(PERSON_MAP_NODES);
    expect(view.alsoIn.every((c) => (c.source.kind as string) !== 'story')).toBe(true);
  });

  it('an event: who took part, the stories, the events either side', () => {
    const event = site.graph.eventsByDate[1]!;
    const view = eventView(site, event);
    expect(view.previous).toBe(site.graph.eventsByDate[0]);
    expect(view.next).toBe(site.graph.eventsByDate[2]);
    expect(view.people).toEqual(site.graph.eventPeople(event.id));
  });
});

describe('a person and an event in a large share of the news', () => {
  // Every story names person-00000 and event-00000, and person-00000 takes part in every event.
  const dir = mkdtempSync(join(tmpdir(), 'backstory-hub-'));
  generateCorpus(dir, RECORD_PAGE_STORIES + 10, { hub: 1 });
  const { content } = loadContent(dir);
  rmSync(dir, { recursive: true, force: true });
  const site = build(content);
  const hub = site.graph.people.get('person-00000' as never)!;

  it('the person’s page lists the latest stories and links the years; it shows their latest events only', () => {
    const view = personView(site, hub);
    const all = site.graph.personStories(hub.id);
    expect(all.length).toBeGreaterThan(RECORD_PAGE_STORIES);
    expect(view.stories.map((c) => c.story.id)).toEqual(all.slice(0, QUOTED_STORIES).map((c) => c.story.id));
    expect(view.olderStories.map((s) => s.id)).toEqual(all.slice(QUOTED_STORIES, RECORD_PAGE_STORIES).map((c) => c.story.id));
    expect(view.storiesInAll).toBe(all.length);
    expect(view.storyYears.reduce((sum, y) => sum + y.count, 0)).toBe(all.length);

    const events = site.graph.personEvents(hub.id);
    expect(events.length).toBeGreaterThan(PERSON_PAGE_EVENTS);
    expect(view.eventsInAll).toBe(events.length);
    const shown = view.timeline.flatMap((item) => (item.kind === 'event' ? [item.event.id] : []));
    expect(shown).toEqual(events.slice(-PERSON_PAGE_EVENTS).map((e) => e.id));
    // Their roles stay, whenever they began.
    expect(view.timeline.filter((item) => item.kind === 'role')).toHaveLength(hub.roles.filter((r) => r.from).length);
  });

  it('the event’s page does the same with the stories that cover it', () => {
    const event = site.graph.events.get('event-00000' as never)!;
    const view = eventView(site, event);
    const all = site.graph.eventStories(event.id);
    expect(all.length).toBeGreaterThan(RECORD_PAGE_STORIES);
    expect([...view.stories.map((c) => c.story.id), ...view.olderStories.map((s) => s.id)]).toEqual(all.slice(0, RECORD_PAGE_STORIES).map((c) => c.story.id));
    expect(view.storyYears.reduce((sum, y) => sum + y.count, 0)).toBe(all.length);
  });

  it('a person in few events has them all on the page', () => {
    const quiet = site.graph.peopleBySurname.find((p) => p.id !== hub.id && site.graph.personEvents(p.id).length > 0)!;
    const view = personView(site, quiet);
    expect(view.timeline.filter((item) => item.kind === 'event')).toHaveLength(view.eventsInAll);
    expect(view.storyYears).toEqual([]);
  });
});

describe('a page key', () => {
  const keys = (content: ContentSet) => {
    const site = build(content);
    return new Map([
      ...site.graph.storiesByDate.map((s) => [`story:${s.id}`, pageKey(storyView(site, s, today), settings)] as const),
      ...site.graph.peopleBySurname.map((p) => [`person:${p.id}`, pageKey(personView(site, p), settings)] as const),
      ...site.graph.eventsByDate.map((e) => [`event:${e.id}`, pageKey(eventView(site, e), settings)] as const),
    ]);
  };
  const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => a.get(k) !== b.get(k)).sort();
  const before = keys(seed());

  it('is the same for the same content, built again', () => {
    expect(changed(before, keys(seed()))).toEqual([]);
  });

  it('changes with the settings: URLs and links depend on them', () => {
    const site = build(seed());
    const view = storyView(site, site.graph.storiesByDate[0]!, today);
    expect(pageKey(view, settings)).not.toBe(pageKey(view, { ...settings, base: '/explainer/' }));
    expect(pageKey(view, settings)).not.toBe(pageKey(view, { ...settings, editBaseUrl: 'https://example.org/edit/main/' }));
    expect(pageKey(view, settings)).not.toBe(pageKey(view, { ...settings, dateStyle: 'day-first' }));
    // The age label appears once a story is a year old: the build day counts through the view.
    const story = site.graph.storiesByDate[0]!;
    const onTheDay = storyView(site, story, new Date(`${story.published.iso.slice(0, 10)}T12:00:00Z`));
    expect(pageKey(view, settings)).not.toBe(pageKey(onTheDay, settings));
  });

  it('changes for every page that shows a person when only their summary changes, and for no other', () => {
    const content = seed();
    const site = build(content);
    const person = content.people.find((p) => site.graph.personStories(p.id).length > 0)!;
    person.summary = 'A new summary.';
    const shownOn = [
      `person:${person.id}`,
      ...site.graph.personStories(person.id).map((s) => `story:${s.story.id}`),
      ...site.graph.personEvents(person.id).filter((e) => site.graph.eventPeople(e.id).includes(person)).map((e) => `event:${e.id}`),
      // Connected people's pages list them by name only, but the key counts records whole.
      ...site.graph.personConnections(person.id).map((c) => `person:${c.person.id}`),
    ];
    expect(changed(before, keys(content))).toEqual([...new Set(shownOn)].sort());
  });
});
