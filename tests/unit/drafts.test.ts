/** What the published site leaves out: drafts, and stories scheduled for later. */
import { describe, expect, it } from 'vitest';
import { isScheduled, scheduledStories, withoutDrafts } from '../../src/lib/drafts.ts';
import type { ContentSet, StoryRecord } from '../../src/lib/records.ts';

const NOW = new Date('2024-03-20T12:00:00Z');

describe('isScheduled', () => {
  it.each<[string, boolean]>([
    ['2024-03-19', false],
    // A plain day is published on that (UTC) day, whatever the hour.
    ['2024-03-20', false],
    ['2024-03-21', true],
    ['2999-05-21', true],
    ['2024-03-20T11:59:00Z', false],
    ['2024-03-20T12:01:00Z', true],
    // The zone counts: 13:30 in Paris is 12:30 UTC.
    ['2024-03-20T13:30:00+01:00', true],
    ['2024-03-20T07:30:00-04:00', false],
  ])('published %s, built at noon UTC on 2024-03-20 → %s', (iso, scheduled) => {
    expect(isScheduled({ published: { iso, day: { year: 2024, month: 3, day: 20, precision: 'day' } } }, NOW)).toBe(scheduled);
  });
});

describe('withoutDrafts', () => {
  const story = (id: string, iso: string, draft = false) => ({ id, draft, published: { iso } }) as unknown as StoryRecord;
  const content: ContentSet = { stories: [story('out', '2024-03-01'), story('later', '2024-04-01'), story('draft', '2024-03-01', true), story('draft-later', '2024-04-01', true)], people: [], events: [] };

  it('leaves out drafts and stories scheduled for later', () => {
    expect(withoutDrafts(content, NOW).stories.map((s) => s.id)).toEqual(['out']);
  });

  it('names the stories held back for later, not the drafts', () => {
    expect(scheduledStories(content, NOW).map((s) => s.id)).toEqual(['later']);
  });
});
