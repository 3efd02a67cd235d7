/** The social image of each person: /og/people/<id>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { personCard, renderSocialImage } from '../../../lib/social-image.ts';
import type { PersonRecord } from '../../../lib/records.ts';
import { cacheDir } from '../../../site-config.ts';

export const getStaticPaths = (() => graph.peopleByName.map((person) => ({ params: { id: person.id }, props: { person } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ person: PersonRecord }> = async ({ props }) =>
  new Response(await renderSocialImage(personCard(props.person), { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
