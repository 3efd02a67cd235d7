/** The social image of each story: /og/stories/<id>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { renderSocialImage, storyCard } from '../../../lib/social-image.ts';
import type { StoryRecord } from '../../../lib/records.ts';
import { cacheDir } from '../../../site-config.ts';

export const getStaticPaths = (() => graph.storiesByDate.map((story) => ({ params: { id: story.id }, props: { story } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: StoryRecord }> = async ({ props }) =>
  new Response(await renderSocialImage(storyCard(props.story), { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
