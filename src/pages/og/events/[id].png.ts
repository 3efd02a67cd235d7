/** The social image of each event: /og/events/<id>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { eventCard, renderSocialImage } from '../../../lib/social-image.ts';
import type { EventRecord } from '../../../lib/records.ts';
import { cacheDir } from '../../../site-config.ts';

export const getStaticPaths = (() => graph.eventsByDate.map((event) => ({ params: { id: event.id }, props: { event } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ event: EventRecord }> = async ({ props }) =>
  new Response(await renderSocialImage(eventCard(props.event), { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
