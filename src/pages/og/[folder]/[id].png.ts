/** The social image of each story, person and event: /og/<stories|people|events>/<id>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { cardKey, eventCard, personCard, renderSocialImage, storyCard, type SocialCard } from '../../../lib/social-image.ts';
import { cacheDir } from '../../../site-config.ts';

// The card is the key: an unchanged card is not drawn again on the next build.
export const getStaticPaths = (() =>
  [
    ...graph.storiesByDate.map((story) => ['stories', story.id, storyCard(story)] as const),
    ...graph.peopleByName.map((person) => ['people', person.id, personCard(person)] as const),
    ...graph.eventsByDate.map((event) => ['events', event.id, eventCard(event)] as const),
  ].map(([folder, id, card]) => ({ params: { folder, id }, props: { card }, cacheKey: cardKey(card) }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(await renderSocialImage(props.card, { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
