/** The social image of pages that are not a story, person or event: /og/site.png. */
import type { APIRoute } from 'astro';
import { renderSocialImage, SITE_CARD } from '../../lib/social-image.ts';
import { cacheDir } from '../../site-config.ts';

export const GET: APIRoute = async () => new Response(await renderSocialImage(SITE_CARD, { cacheDir }), { headers: { 'Content-Type': 'image/png' } });
