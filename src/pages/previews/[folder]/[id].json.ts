/**
 * The preview card data of each person and event: /previews/<people|events>/<id>.json,
 * made on request by the dev server. A build does not make these pages: the
 * Backstory integration writes the files (see `integrations/preview-files.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { previewFiles, type Preview } from '../../../lib/preview.ts';

export const getStaticPaths = (() =>
  import.meta.env.DEV
    ? previewFiles(graph.peopleBySurname, graph.eventsByDate).map(({ folder, id, preview }) => ({ params: { folder, id }, props: { preview } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ preview: Preview }> = ({ props }) => Response.json(props.preview);
