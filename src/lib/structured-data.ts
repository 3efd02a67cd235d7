/**
 * Structured data for search engines: schema.org JSON-LD for every page type,
 * as pure functions of the records (no Astro), rendered by HeadMeta.
 *
 * Dates. A story's `published` and `updated` may be a plain day
 * (`2017-06-07`). Schema.org and Google want a date-time with a time zone,
 * and the site has no time zone of its own, so a plain day becomes **noon
 * UTC** of that day (`2017-06-07T12:00:00Z`): converted to any zone from
 * UTC−11 to UTC+11 it is still June 7, so a search result never shows the day
 * before (midnight UTC would read as the evening of June 6 in the Americas;
 * see `isoDateTime` in dates.ts). A full date-time is kept with its zone (one
 * without a zone never gets this far). Events keep their precision (`2016-07`): schema.org
 * accepts partial ISO 8601 dates and inventing a day would invent a fact.
 */
import { toString } from 'mdast-util-to-string';
import type { Root, FootnoteDefinition } from 'mdast';
import { compareDates, isoDateTime, toIso, type Timestamp } from './dates.ts';
import type { EventRecord, PersonRecord, StoryRecord } from './records.ts';
import { recordPath } from './records.ts';
import { latestRole } from './roles.ts';
import { withBase } from './paths.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { SITE_LANG } from './site-language.ts';

export const SITE_NAME = 'Backstory';

/** Where the site lives: its origin (`https://news.example.org`) and base path (`/explainer/`). */
export interface SiteContext {
  site: string;
  base: string;
}

/** An absolute URL for a path below the base: `stories/x/` → `https://news.example.org/explainer/stories/x/`. */
export function absoluteUrl(ctx: SiteContext, path = ''): string {
  return new URL(withBase(ctx.base, path), ctx.site).href;
}

/** The latest of a story's dates: `updated`, else `published`. */
export function lastModified(story: Pick<StoryRecord, 'published' | 'updated'>): Timestamp {
  return story.updated ?? story.published;
}

/** Serialises JSON-LD for a `<script>` element: `<`, `>` and `&` escaped so that no `</script>` or `<!--` can end it early. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

type Json = Record<string, unknown>;

/** The publisher: Backstory, with its square PNG logo. */
export function organization(ctx: SiteContext): Json {
  return {
    '@type': 'Organization',
    '@id': `${absoluteUrl(ctx)}#organization`,
    name: SITE_NAME,
    url: absoluteUrl(ctx),
    logo: { '@type': 'ImageObject', url: absoluteUrl(ctx, LOGO_PATH), width: LOGO_SIZE, height: LOGO_SIZE },
  };
}

/** The publisher's logo, rendered at build time (src/pages/og/logo.png.ts). */
export const LOGO_PATH = 'og/logo.png';
export const LOGO_SIZE = 512;

/** The home page: the site itself. */
export function webSite(ctx: SiteContext, description: string): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${absoluteUrl(ctx)}#website`,
    name: SITE_NAME,
    url: absoluteUrl(ctx),
    description,
    inLanguage: SITE_LANG,
    publisher: organization(ctx),
  };
}

/** A breadcrumb trail, Home first: each crumb a name and a path below the base. */
export interface Crumb {
  name: string;
  path: string;
}

export function breadcrumbList(crumbs: readonly Crumb[], ctx: SiteContext): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(ctx, crumb.path),
    })),
  };
}

/** Bylines that name a desk rather than a person: credited to the organization. */
const GENERIC_BYLINE = /\b(staff|writers?|desk|editors?|editorial|newsroom|team|correspondents?|reporters?|wire|agenc(y|ies))\b/i;

/**
 * Who wrote a story. Named people (`Jane Doe`, `Jane Doe and John Roe`) become
 * Person entries; a generic byline ("Staff writer") or none credits the
 * original publication when the story is republished, else Backstory.
 */
export function authorsOf(story: Pick<StoryRecord, 'byline' | 'source'>, ctx: SiteContext): Json[] {
  const byline = story.byline?.trim();
  if (byline && !GENERIC_BYLINE.test(byline)) {
    return byline
      .replace(/^by\s+/i, '')
      .split(/\s*(?:,|\band\b|&)\s*/i)
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ '@type': 'Person', name }));
  }
  if (story.source) return [{ '@type': 'Organization', name: story.source.name, ...(story.source.url ? { url: new URL(story.source.url).origin } : {}) }];
  return [organization(ctx)];
}

/** An editor's note, from a footnote definition of the story's Markdown. */
export interface EditorNote {
  id: string;
  text: string;
}

/**
 * The editor's notes of a body: every `[^id]: text` definition as plain text,
 * `[[target|shown]]` reduced to the shown words and `[[target]]` to the
 * target's name (via `nameOf`, for ids), in order of definition.
 */
export function editorNotes(body: string, nameOf: (target: string) => string | undefined = () => undefined): EditorNote[] {
  // Most stories have no notes: no need to parse them a second time.
  if (!body.includes('[^')) return [];
  const tree = parseMarkdown(body);
  const notes: EditorNote[] = [];
  const visit = (node: Root | Root['children'][number]) => {
    if (node.type === 'footnoteDefinition') {
      notes.push({ id: (node as FootnoteDefinition).identifier, text: plainText(toString(node, { includeHtml: false }), nameOf) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return notes;
}

function plainText(text: string, nameOf: (target: string) => string | undefined): string {
  return text
    .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, (_, _target: string, shown: string) => shown.trim())
    .replace(/\[\[([^\]]+)\]\]/g, (_, target: string) => nameOf(target.trim()) ?? target.trim())
    .replace(/\s+/g, ' ')
    .trim();
}

/** A person or event mentioned by another page: its name and URL. */
function personRef(person: Pick<PersonRecord, 'kind' | 'id' | 'name'>, ctx: SiteContext): Json {
  return { '@type': 'Person', name: person.name, url: absoluteUrl(ctx, recordPath(person)) };
}

export interface StoryLdInput {
  story: StoryRecord;
  /** The story's social image, as a path below the base. */
  image: string;
  /** People the story concerns. */
  people?: readonly Pick<PersonRecord, 'kind' | 'id' | 'name'>[];
  /** Editor's notes (corrections), from {@link editorNotes}. */
  notes?: readonly EditorNote[];
}

export function newsArticle({ story, image, people = [], notes = [] }: StoryLdInput, ctx: SiteContext): Json {
  const url = absoluteUrl(ctx, recordPath(story));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    headline: story.title,
    ...(story.dek ? { alternativeHeadline: story.dek } : {}),
    description: story.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: isoDateTime(story.published),
    dateModified: isoDateTime(lastModified(story)),
    author: authorsOf(story, ctx),
    publisher: organization(ctx),
    image: [absoluteUrl(ctx, image)],
    inLanguage: story.lang ?? SITE_LANG,
    ...(story.tags.length > 0 ? { keywords: story.tags.join(', ') } : {}),
    ...(story.source?.url ? { isBasedOn: story.source.url } : {}),
    ...(people.length > 0 ? { mentions: people.map((p) => personRef(p, ctx)) } : {}),
    ...(notes.length > 0 ? { correction: notes.map((note) => ({ '@type': 'CorrectionComment', text: note.text })) } : {}),
  };
}

/** The title of the role a person holds now, or else of the one they held last (see `latestRole` in roles.ts). */
export function currentRole(person: Pick<PersonRecord, 'roles'>): string | undefined {
  return latestRole(person)?.title;
}

export function personLd(input: { person: PersonRecord; image: string }, ctx: SiteContext): Json {
  const { person, image } = input;
  const url = absoluteUrl(ctx, recordPath(person));
  const jobTitle = currentRole(person);
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    '@id': `${url}#person`,
    name: person.name,
    ...(person.aliases.length > 0 ? { alternateName: person.aliases } : {}),
    ...(jobTitle ? { jobTitle } : {}),
    ...(person.born ? { birthDate: toIso(person.born) } : {}),
    ...(person.died ? { deathDate: toIso(person.died) } : {}),
    description: person.summary,
    url,
    mainEntityOfPage: { '@type': 'ProfilePage', '@id': url },
    image: absoluteUrl(ctx, image),
  };
}

export interface EventLdInput {
  event: EventRecord;
  image: string;
  /** Everyone the event concerns; those listed in `event.people` took part. */
  people: readonly Pick<PersonRecord, 'kind' | 'id' | 'name'>[];
}

/**
 * An event at its own precision: `startDate: "2016-07"` for July 2016. Those
 * listed as taking part are attendees; people its record only mentions are
 * what it is `about`.
 */
export function eventLd({ event, image, people }: EventLdInput, ctx: SiteContext): Json {
  const url = absoluteUrl(ctx, recordPath(event));
  const tookPart = new Set<string>(event.people);
  const attendees = people.filter((p) => tookPart.has(p.id));
  const mentioned = people.filter((p) => !tookPart.has(p.id));
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${url}#event`,
    name: event.title,
    startDate: toIso(event.date),
    ...(event.end && compareDates(event.end, event.date) !== 0 ? { endDate: toIso(event.end) } : {}),
    description: event.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: absoluteUrl(ctx, image),
    ...(attendees.length > 0 ? { attendee: attendees.map((p) => personRef(p, ctx)) } : {}),
    ...(mentioned.length > 0 ? { about: mentioned.map((p) => personRef(p, ctx)) } : {}),
  };
}
