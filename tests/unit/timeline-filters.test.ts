/**
 * The ids the main timeline writes on each event for filtering in the
 * browser: they must pick out exactly the events of each pre-built
 * `/timeline/people/<id>/` and `/timeline/stories/<id>/` page.
 */
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { eventFilterIds } from '../../src/lib/timeline.ts';
import { assembleSite } from '../../src/lib/site.ts';
import { loadContent } from '../../src/lib/load.ts';
import { partialDate } from '../../src/lib/dates.ts';
import type { EventRecord, PersonRecord, StoryRecord } from '../../src/lib/records.ts';
import type { EventId, PersonId, StoryId } from '../../src/lib/ids.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const event = (id: string) => ({ id: id as EventId, title: id, date: partialDate('2017-01-01') }) as EventRecord;
const person = (id: string) => ({ id: id as PersonId }) as PersonRecord;
const story = (id: string) => ({ id: id as StoryId }) as StoryRecord;

describe('eventFilterIds', () => {
  it('lists each event’s people and stories as space-separated ids, and leaves out events that have none', () => {
    const [met, fired, alone] = [event('met'), event('fired'), event('alone')];
    const personEvents = vi.fn((id: PersonId) => ({ ana: [met, fired], zoe: [met] })[id as string] ?? []);
    const storyEvents = vi.fn((id: StoryId) => ({ rift: [fired] })[id as string] ?? []);
    const ids = eventFilterIds({ peopleBySurname: [person('ana'), person('zoe')], storiesByDate: [story('rift')], personEvents, storyEvents });

    expect(ids.get(met.id)).toEqual({ people: 'ana zoe', stories: undefined });
    expect(ids.get(fired.id)).toEqual({ people: 'ana', stories: 'rift' });
    expect(ids.has(alone.id)).toBe(false);
    // One look at each person's and story's events, not one per event.
    expect(personEvents).toHaveBeenCalledTimes(2);
    expect(storyEvents).toHaveBeenCalledTimes(1);
  });

  it('picks out exactly the events of every filtered timeline of the seed content', () => {
    const { content, issues } = loadContent(join(ROOT, 'content'), ROOT);
    expect(issues).toEqual([]);
    const { graph } = assembleSite(content, { base: '/' });
    const ids = eventFilterIds(graph);
    const having = (list: 'people' | 'stories', id: string) =>
      graph.eventsByDate.filter((e) => (ids.get(e.id)?.[list] ?? '').split(' ').includes(id)).map((e) => e.id);

    for (const p of graph.peopleBySurname) expect(having('people', p.id), p.id).toEqual(graph.personEvents(p.id).map((e) => e.id));
    for (const s of graph.storiesByDate) expect(having('stories', s.id), s.id).toEqual(graph.storyEvents(s.id).map((e) => e.id));
    expect(having('people', 'sergey-kislyak').length).toBeGreaterThan(0);
  });
});
