import type { APIRoute, GetStaticPaths } from 'astro';
import { graph } from '../../../data/site.ts';
import { eventPreview } from '../../../lib/preview.ts';
import type { EventRecord } from '../../../lib/records.ts';

export const getStaticPaths = (() => graph.eventsByDate.map((event) => ({ params: { id: event.id }, props: { event } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ event: EventRecord }> = ({ props }) => Response.json(eventPreview(props.event));
