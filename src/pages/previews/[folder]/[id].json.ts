/** The preview card data of each person and event: /previews/<people|events>/<id>.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { eventPreview, personPreview, type Preview } from '../../../lib/preview.ts';

// No cacheKey: writing this small JSON costs less than Astro keeping a second copy of it for the next build.
export const getStaticPaths = (() =>
  [
    ...graph.peopleByName.map((person) => ['people', person.id, personPreview(person)] as const),
    ...graph.eventsByDate.map((event) => ['events', event.id, eventPreview(event)] as const),
  ].map(([folder, id, preview]) => ({ params: { folder, id }, props: { preview } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ preview: Preview }> = ({ props }) => Response.json(props.preview);
