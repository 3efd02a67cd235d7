import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { eventPreview, type Preview } from '../../../lib/preview.ts';
import { digestOf } from '../../../lib/digest.ts';

// The preview is its own key: an unchanged one is reused from the last build.
export const getStaticPaths = (() =>
  graph.eventsByDate.map((event) => {
    const preview = eventPreview(event);
    return { params: { id: event.id }, props: { preview }, cacheKey: digestOf(preview) };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ preview: Preview }> = ({ props }) => Response.json(props.preview);
