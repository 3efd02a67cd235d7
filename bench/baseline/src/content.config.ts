/** Stories and people from the benchmark corpus, with only the fields the pages show. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const contentDir = process.env.BENCH_CONTENT_DIR ?? '../../content';

export const collections = {
  stories: defineCollection({
    loader: glob({ pattern: '*.md', base: `${contentDir}/stories` }),
    schema: z.object({ title: z.string(), published: z.coerce.date(), summary: z.string() }),
  }),
  people: defineCollection({
    loader: glob({ pattern: '*.md', base: `${contentDir}/people` }),
    schema: z.object({ name: z.string(), summary: z.string() }),
  }),
};
