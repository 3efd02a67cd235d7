/** The RSS 2.0 feed of stories, newest first: /rss.xml. */
import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { graph } from '../data/site.ts';
import { absoluteUrl } from '../lib/structured-data.ts';
import { escapeXml, FEED_DESCRIPTION, FEED_TITLE, RSS_PATH, rssItems } from '../lib/feeds.ts';

export const GET: APIRoute = ({ site }) => {
  const ctx = { site: String(site), base: import.meta.env.BASE_URL };
  return rss({
    title: FEED_TITLE,
    description: FEED_DESCRIPTION,
    site: absoluteUrl(ctx),
    items: rssItems(graph.storiesByDate, ctx),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>en</language><atom:link href="${escapeXml(absoluteUrl(ctx, RSS_PATH))}" rel="self" type="application/rss+xml"/>`,
  });
};
