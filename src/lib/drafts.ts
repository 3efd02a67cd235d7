/** Drafts: records marked `draft: true` are left out of the published site. */
import type { ContentSet } from './records.ts';

/** The records whose `draft` is as given. */
function whereDraft(content: ContentSet, draft: boolean): ContentSet {
  return {
    stories: content.stories.filter((r) => Boolean(r.draft) === draft),
    people: content.people.filter((r) => Boolean(r.draft) === draft),
    events: content.events.filter((r) => Boolean(r.draft) === draft),
  };
}

/** The content without its drafts, as the production build publishes it. */
export function withoutDrafts(content: ContentSet): ContentSet {
  return whereDraft(content, false);
}

/** Only the drafts: links to them get their own message (see `LinkIndex`). */
export function draftsOf(content: ContentSet): ContentSet {
  return whereDraft(content, true);
}
