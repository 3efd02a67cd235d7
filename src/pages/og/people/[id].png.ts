/** The social image of each person: /og/people/<id>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { cardKey, personCard, renderSocialImage, type SocialCard } from '../../../lib/social-image.ts';
import { cacheDir } from '../../../site-config.ts';

// The card is the key: an unchanged card is not drawn again on the next build.
export const getStaticPaths = (() =>
  graph.peopleByName.map((person) => {
    const card = personCard(person);
    return { params: { id: person.id }, props: { card }, cacheKey: cardKey(card) };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(await renderSocialImage(props.card, { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
