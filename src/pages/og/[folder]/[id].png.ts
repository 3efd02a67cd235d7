/** The social image of each story, person and event: /og/<stories|people|events>/<id>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { cardImageKey, recordCards, renderSocialImage, type SocialCard } from '../../../lib/social-image.ts';
import { cacheDir } from '../../../site-config.ts';

// The card is the key: an unchanged card's image is copied from the last build, not drawn or read again.
export const getStaticPaths = (() =>
  recordCards(graph.storiesByDate, graph.peopleByName, graph.eventsByDate).map(({ folder, id, card }) => ({
    params: { folder, id },
    props: { card },
    cacheKey: cardImageKey(card),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(await renderSocialImage(props.card, { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
