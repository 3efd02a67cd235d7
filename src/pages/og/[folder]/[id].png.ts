/** The social image of each story, person and event: /og/<stories|people|events>/<id>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { recordCards, renderSocialImage, type SocialCard } from '../../../lib/social-image.ts';
import { cacheDir } from '../../../site-config.ts';

// No cacheKey: images are kept by content digest in the cache folder already (an unchanged
// card is never drawn twice); Astro's own copy would write every image twice on a cold build.
export const getStaticPaths = (() =>
  recordCards(graph.storiesByDate, graph.peopleByName, graph.eventsByDate).map(({ folder, id, card }) => ({ params: { folder, id }, props: { card } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(await renderSocialImage(props.card, { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
