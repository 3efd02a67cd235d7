import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { personPreview, type Preview } from '../../../lib/preview.ts';
import { digestOf } from '../../../lib/digest.ts';

// The preview is its own key: an unchanged one is reused from the last build.
export const getStaticPaths = (() =>
  graph.peopleByName.map((person) => {
    const preview = personPreview(person);
    return { params: { id: person.id }, props: { preview }, cacheKey: digestOf(preview) };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ preview: Preview }> = ({ props }) => Response.json(props.preview);
