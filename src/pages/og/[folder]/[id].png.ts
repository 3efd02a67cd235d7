/**
 * The social image of each story, person and event: /og/<stories|people|events>/<id>.png,
 * drawn on request by the dev server. A build does not make these pages: the
 * Backstory integration links every image from the drawing cache into the
 * output instead (see `integrations/social-image-files.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { recordCards, renderSocialImage, type SocialCard } from '../../../lib/social-image.ts';
import { cacheDir } from '../../../site-config.ts';

export const getStaticPaths = (() =>
  import.meta.env.DEV
    ? recordCards(graph.storiesByDate, graph.peopleBySurname, graph.eventsByDate).map(({ folder, id, card }) => ({ params: { folder, id }, props: { card } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(await renderSocialImage(props.card, { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
