/**
 * The three content collections, read from the top-level `content/` folder.
 * Schemas come from the domain core so the build and `npm run check` agree.
 * Bodies are kept as text: the site renders them itself (see the loader).
 */
import { defineCollection } from 'astro:content';
import { markdownRecords } from './loaders/markdown-records.ts';
import { eventSchema, personSchema, storySchema } from './lib/schema.ts';
import { contentDir } from './site-config.ts';

export const collections = {
  stories: defineCollection({ loader: markdownRecords(contentDir, 'stories'), schema: storySchema }),
  people: defineCollection({ loader: markdownRecords(contentDir, 'people'), schema: personSchema }),
  events: defineCollection({ loader: markdownRecords(contentDir, 'events'), schema: eventSchema }),
};
