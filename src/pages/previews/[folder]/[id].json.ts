/** The preview card data of each person and event: /previews/<people|events>/<id>.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph, keyOf } from '../../../data/site.ts';
import { eventPreview, personPreview, type Preview } from '../../../lib/preview.ts';

// The preview is its own key: an unchanged one is reused from the last build.
export const getStaticPaths = (() =>
  [
    ...graph.peopleByName.map((person) => ['people', person.id, personPreview(person)] as const),
    ...graph.eventsByDate.map((event) => ['events', event.id, eventPreview(event)] as const),
  ].map(([folder, id, preview]) => ({ params: { folder, id }, props: { preview }, cacheKey: keyOf(preview) }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ preview: Preview }> = ({ props }) => Response.json(props.preview);
