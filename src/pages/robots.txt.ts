/**
 * robots.txt: everything may be crawled; the sitemap index is named with its
 * absolute URL (site and base). Crawlers read robots.txt only at the root of
 * a host, so a site under a sub-path needs the host's own file to carry the
 * `Sitemap:` line (see README, Deployment).
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/structured-data.ts';
import { SITEMAP_INDEX } from '../lib/sitemap.ts';

export const GET: APIRoute = ({ site }) => {
  const ctx = { site: String(site), base: import.meta.env.BASE_URL };
  return new Response(['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(ctx, SITEMAP_INDEX)}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
