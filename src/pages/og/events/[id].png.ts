/** The social image of each event: /og/events/<id>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { cardKey, eventCard, renderSocialImage, type SocialCard } from '../../../lib/social-image.ts';
import { cacheDir } from '../../../site-config.ts';

// The card is the key: an unchanged card is not drawn again on the next build.
export const getStaticPaths = (() =>
  graph.eventsByDate.map((event) => {
    const card = eventCard(event);
    return { params: { id: event.id }, props: { card }, cacheKey: cardKey(card) };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(await renderSocialImage(props.card, { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
