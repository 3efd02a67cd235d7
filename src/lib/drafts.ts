/**
 * What the published site leaves out: records marked `draft: true`, and
 * stories scheduled for later (a `published` still to come), which a build on
 * or after that day publishes. The dev server shows both.
 */
import { DAY_ONLY, timestampDate } from './dates.ts';
import type { ContentSet, StoryRecord } from './records.ts';

/**
 * Whether a story is dated after `now`: a day after today (the UTC day, as a
 * plain day is read everywhere), or a date-time after this instant. An
 * embargoed story must not go out with the build that happens to run first.
 */
export function isScheduled(story: Pick<StoryRecord, 'published'>, now: Date): boolean {
  const iso = story.published.iso.trim();
  return DAY_ONLY.test(iso) ? iso > now.toISOString().slice(0, 10) : timestampDate(story.published).getTime() > now.getTime();
}

/** The records whose `draft` is as given. */
function whereDraft(content: ContentSet, draft: boolean): ContentSet {
  return {
    stories: content.stories.filter((r) => Boolean(r.draft) === draft),
    people: content.people.filter((r) => Boolean(r.draft) === draft),
    events: content.events.filter((r) => Boolean(r.draft) === draft),
  };
}

/** The content as a build at `now` publishes it: without drafts, and without stories scheduled for later. */
export function withoutDrafts(content: ContentSet, now = new Date()): ContentSet {
  const published = whereDraft(content, false);
  return { ...published, stories: published.stories.filter((story) => !isScheduled(story, now)) };
}

/** The published stories a build at `now` holds back for later (see {@link isScheduled}). */
export function scheduledStories(content: ContentSet, now = new Date()): StoryRecord[] {
  return content.stories.filter((story) => !story.draft && isScheduled(story, now));
}

/** Only the drafts: links to them get their own message (see `LinkIndex`). */
export function draftsOf(content: ContentSet): ContentSet {
  return whereDraft(content, true);
}
