/** Drafts: records marked `draft: true` are left out of the published site. */
import type { ContentSet } from './records.ts';

/** The content without its drafts, as the production build publishes it. */
export function withoutDrafts(content: ContentSet): ContentSet {
  return {
    stories: content.stories.filter((r) => !r.draft),
    people: content.people.filter((r) => !r.draft),
    events: content.events.filter((r) => !r.draft),
  };
}
