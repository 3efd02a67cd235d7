/**
 * The collections, read once; which stories link each person, found with one
 * scan of each body for `[[person-id` (the baseline has no name matching).
 */
import { getCollection } from 'astro:content';

export const stories = (await getCollection('stories')).sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
export const people = await getCollection('people');

export const storiesOf = new Map<string, typeof stories>();
for (const story of stories) {
  for (const [, id] of (story.body ?? '').matchAll(/\[\[([^\]|]+)/g)) {
    const list = storiesOf.get(id!) ?? [];
    if (list.at(-1) !== story) list.push(story);
    storiesOf.set(id!, list);
  }
}
