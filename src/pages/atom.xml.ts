/** The Atom feed of stories, newest first: /atom.xml. */
import type { APIRoute } from 'astro';
import { graph } from '../data/site.ts';
import { atomFeed } from '../lib/feeds.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(atomFeed(graph.storiesByDate, { site: String(site), base: import.meta.env.BASE_URL }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
