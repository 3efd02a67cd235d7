/**
 * The three content collections, read from the top-level `content/` folder.
 * Schemas come from the domain core so the build and `npm run check` agree.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { eventSchema, personSchema, storySchema } from './lib/schema.ts';
import { contentDir } from './site-config.ts';

// deferRender: a Markdown plugin error then fails the build instead of shipping an empty page.
const markdownIn = (folder: string) => glob({ pattern: '*.md', base: `${contentDir}/${folder}`, deferRender: true });

export const collections = {
  stories: defineCollection({ loader: markdownIn('stories'), schema: storySchema }),
  people: defineCollection({ loader: markdownIn('people'), schema: personSchema }),
  events: defineCollection({ loader: markdownIn('events'), schema: eventSchema }),
};
