/** The publisher logo for structured data (a PNG: search engines do not all take SVG): /og/logo.png. */
import type { APIRoute } from 'astro';
import { renderLogo } from '../../lib/social-image.ts';
import { cacheDir } from '../../site-config.ts';

export const GET: APIRoute = async () => new Response(await renderLogo({ cacheDir }), { headers: { 'Content-Type': 'image/png' } });
