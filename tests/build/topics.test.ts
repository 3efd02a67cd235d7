/**
 * Topics as a reader meets them, under a sub-path: a story's tags link to a
 * page per topic listing its stories, `/topics/` lists every topic with its
 * count, and the sitemap has them all. Spellings of one tag are one topic; a
 * draft's tags make none. The same small site checks that links an editor
 * writes from the root get the base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { buildSite, copyContent, projectRoot, scratchDir, type BuildResult } from './build-site.ts';
import { attributeValues, fileFor, read, textOf } from './dist.ts';
import { topicSlug } from '../../src/lib/topics.ts';

let scratch: string;
let content: ReturnType<typeof copyContent>;
let built: BuildResult;

const story = (id: string, published: string, tags: string[], extra: string[] = [], more = '') =>
  writeFileSync(
    join(content.dir, `stories/${id}.md`),
    ['---', `title: Story ${id}`, `published: ${published}`, `summary: About ${id}.`, `tags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]`, ...extra, '---', '', `The text of ${id}. ${more}`, ''].join('\n'),
  );

beforeAll(() => {
  scratch = scratchDir('topics');
  content = copyContent(join(projectRoot, 'tests/fixtures/minimal'));
  story('strike-begins', '2024-05-01', ['port strike', 'unions', 'ana lima']);
  story('strike-ends', '2024-06-10', ['Port Strike', 'выборы', '政治'], ['lang: es', 'people: [mo-reyes]', 'events: [harbour-works]'], 'See [the archive](/archive/) and ![the logo](/favicon.svg). La huelga terminó.[^fecha]\n\n[^fecha]: Terminó el día 9.');
  writeFileSync(join(content.dir, 'people/mo-reyes.md'), ['---', 'name: Mo Reyes', 'summary: Leader of the dockers’ union.', '---', '', 'She led the strike.', ''].join('\n'));
  story('strike-draft', '2024-06-11', ['port strike', 'secret plans'], ['draft: true']);
  story('strike-arabic', '2024-04-01', [], ['lang: ar'], 'قال العمال إن الإضراب انتهى.');
  // An event over two years, for the timeline's year pages.
  writeFileSync(
    join(content.dir, 'events/harbour-works.md'),
    ['---', 'title: Harbour wall rebuilt', 'date: 2023-03', 'end: 2024-08', 'people: [ana-lima]', 'summary: The wall was rebuilt.', 'sources:', '  - title: Council minutes', '---', '', 'The wall was rebuilt.', ''].join('\n'),
  );
  // And one still going on: it is under way in every year up to the build's.
  writeFileSync(
    join(content.dir, 'events/harbour-dredging.md'),
    ['---', 'title: Harbour dredged', 'date: 2023-09', 'end: ongoing', 'people: [ana-lima]', 'summary: The harbour is being dredged.', '---', '', 'The dredgers work on.', ''].join('\n'),
  );
  // A former mayor who died between two stories about her.
  writeFileSync(
    join(content.dir, 'people/old-mayor.md'),
    ['---', 'name: Vera Old', 'summary: Mayor before Ana Lima.', 'born: 1941', 'died: 2024-12-01', 'roles:', '  - title: Mayor', '    from: 1990', '    to: 2010', '---', '', 'She ran the city for twenty years.', ''].join('\n'),
  );
  story('mayor-honoured', '2024-06-01', [], ['people: [old-mayor]']);
  story('mayor-mourned', '2025-01-02', [], ['people: [old-mayor]']);
  // What came after the budget story: an event and a story with its mayor.
  story('harbour-reopens', '2025-02-01', [], ['people: [ana-lima]']);
  writeFileSync(
    join(content.dir, 'events/harbour-reopened.md'),
    ['---', 'title: Harbour reopened', 'date: 2025-01-20', 'people: [ana-lima]', 'summary: The harbour reopened.', '---', '', 'Ships came back.', ''].join('\n'),
  );
  built = buildSite({ contentDir: content.dir, outDir: join(scratch, 'dist'), env: { BASE_PATH: '/news' } });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  content.cleanup();
});

const topicsOn = (html: string) => {
  const nav = html.slice(html.indexOf('<nav class="topic-links"'), html.indexOf('</nav>', html.indexOf('<nav class="topic-links"')));
  return attributeValues(nav, 'href');
};

describe('topics', () => {
  it('build', () => {
    expect(built.status, built.output).toBe(0);
  });

  it('are linked from each story, once per topic, to pages that exist under the base', () => {
    const ends = read(built.outDir, 'stories/strike-ends/index.html');
    expect(topicsOn(ends)).toEqual(['/news/topics/port-strike/', '/news/topics/vybory/', `/news/topics/${topicSlug('政治')}/`]);
    // Each as the story spells it.
    expect([...ends.matchAll(/rel="tag">([^<]*)</g)].map((m) => m[1])).toEqual(['Port Strike', 'выборы', '政治']);
    for (const href of topicsOn(ends)) expect(fileFor(built.outDir, href, '/news/'), href).toBeDefined();
    // A story without tags has no list.
    expect(read(built.outDir, 'stories/budget-vote/index.html')).not.toContain('<nav class="topic-links"');
  });

  it('list their stories newest first, spellings together, drafts left out', () => {
    const strike = read(built.outDir, 'topics/port-strike/index.html');
    expect(attributeValues(strike, 'href').filter((h) => h.includes('/stories/'))).toEqual(['/news/stories/strike-ends/', '/news/stories/strike-begins/']);
    expect(textOf(strike)).toContain('2 stories on this topic, newest first.');
    // Then who and what its stories are about, each linked.
    const cast = strike.slice(strike.indexOf('id="topic-events-heading"'));
    expect(attributeValues(cast, 'href').filter((h) => !h.includes('/stories/'))).toEqual(['/news/events/harbour-works/', '/news/people/mo-reyes/']);
    expect(textOf(cast)).toContain('Mo Reyes (1 story)');
    expect(fileFor(built.outDir, '/news/topics/secret-plans/', '/news/')).toBeUndefined();
  });

  it('are all on the index, by name, with their counts, linked from the archive', () => {
    const index = read(built.outDir, 'topics/index.html');
    const links = attributeValues(index.slice(index.indexOf('<main')), 'href').filter((h) => h.startsWith('/news/topics/'));
    expect(links).toEqual(['/news/topics/ana-lima/', '/news/topics/port-strike/', '/news/topics/unions/', '/news/topics/vybory/', `/news/topics/${topicSlug('政治')}/`]);
    expect(textOf(index)).toContain('Port Strike (2)');
    // A tag written all in lower case starts with a capital in the list and on its page.
    expect(textOf(index)).toContain('Unions (1)');
    expect(textOf(index)).toContain('Выборы (1)');
    expect(read(built.outDir, 'topics/unions/index.html')).toMatch(/<title>Topic: Unions[^<]*<\/title>[\s\S]*<h1>Unions<\/h1>/);
    expect(read(built.outDir, 'archive/index.html')).toContain('href="/news/topics/"');
  });

  it('mark a story in another language with it, around its own words only', () => {
    const ends = read(built.outDir, 'stories/strike-ends/index.html');
    expect(ends).toContain('<html lang="en"');
    expect(ends).toMatch(/<h1 lang="es">Story strike-ends<\/h1>/);
    expect(ends).toContain('<div class="story-body" lang="es" data-pagefind-meta="lang:es">');
    expect(ends).toContain('<meta property="og:locale" content="es">');
    // In lists too, and nowhere on a story without it.
    expect(read(built.outDir, 'topics/port-strike/index.html')).toContain('<h2 lang="es"><a href="/news/stories/strike-ends/">');
    expect(read(built.outDir, 'stories/strike-begins/index.html')).not.toContain('lang="es"');
    expect(ends).not.toContain('dir=');
  });

  it('are in the search index, under a heading that is not', () => {
    const page = read(built.outDir, 'stories/strike-ends/index.html');
    const nav = page.slice(page.indexOf('<nav class="topic-links"'), page.indexOf('</nav>', page.indexOf('<nav class="topic-links"')));
    expect(nav).toMatch(/^<nav class="topic-links" aria-labelledby="topics-heading">/);
    expect(nav).toContain('<h2 id="topics-heading" data-pagefind-ignore>Topics</h2>');
  });

  it('(a story that names no one and no event has no empty "Who\'s who", nor an empty aside)', () => {
    const page = read(built.outDir, 'stories/strike-begins/index.html');
    expect(page).not.toContain('cast-heading');
    expect(page).not.toContain('<aside class="story-context"');
  });

  it('that are old say at the top what happened next, and list it: the later events and stories of their people', () => {
    const page = read(built.outDir, 'stories/budget-vote/index.html');
    // Left out of the search index: the same line heads every old story.
    expect(page).toMatch(/<p class="age-label" data-pagefind-ignore>From March 2024<\/p>\s*<p class="next-link" data-pagefind-ignore>/);
    const line = page.slice(page.indexOf('<p class="next-link"'), page.indexOf('</p>', page.indexOf('<p class="next-link"')));
    expect(textOf(line).trim().replace(/\s+/g, ' ')).toBe('Latest: February 1, 2025, Story harbour-reopens · What happened next');
    expect(attributeValues(line, 'href')).toEqual(['/news/stories/harbour-reopens/', '#next-heading']);
    const next = page.slice(page.indexOf('<section aria-labelledby="next-heading">'), page.indexOf('</section>', page.indexOf('<section aria-labelledby="next-heading">')));
    expect(next).toContain('<h2 id="next-heading">What happened next</h2>');
    expect(attributeValues(next, 'href')).toEqual(['/news/events/harbour-reopened/', '/news/stories/harbour-reopens/']);
    expect(textOf(next)).toContain('January 20, 2025Harbour reopened');
    expect(textOf(next)).toContain('February 1, 2025, a later storyStory harbour-reopens');
    // The latest story has nothing after it: no section, no link.
    expect(read(built.outDir, 'stories/harbour-reopens/index.html')).not.toContain('next-heading');
  });

  it('say in their "Who\'s who" that someone has died since, or had died by then', () => {
    const cast = (id: string) => {
      const page = read(built.outDir, `stories/${id}/index.html`);
      return textOf(page.slice(page.indexOf('<ul class="person-list">'), page.indexOf('</ul>', page.indexOf('<ul class="person-list">'))));
    };
    expect(cast('mayor-honoured')).toContain('Since then: died December 1, 2024');
    expect(cast('mayor-mourned')).toContain('Died December 1, 2024');
    expect(cast('mayor-mourned')).not.toContain('Since then');
    const person = read(built.outDir, 'people/old-mayor/index.html');
    expect(person).toContain('<p class="lifespan">Born <time datetime="1941">1941</time>; died <time datetime="2024-12-01">December 1, 2024</time></p>');
    expect(person).toMatch(/"birthDate":"1941","deathDate":"2024-12-01"/);
    // The who's who of the whole site, for no day in particular, says it too.
    const people = read(built.outDir, 'people/index.html');
    const entry = people.slice(people.indexOf('href="/news/people/old-mayor/"'));
    expect(textOf(entry.slice(0, entry.indexOf('</li>')))).toContain('Died December 1, 2024');
  });

  it('mark the site’s own words in a story in another language with the site’s language', () => {
    const ends = read(built.outDir, 'stories/strike-ends/index.html');
    expect(ends).toMatch(/<a [^>]*data-footnote-ref[^>]*lang="en"[^>]*>1<\/a>/);
    expect(ends).toContain('<span id="user-content-fn-fecha-label" class="editor-note-label" lang="en">Editor’s note 1</span>');
    // The note's own words stay in the story's language.
    expect(ends).toMatch(/aria-labelledby="user-content-fn-fecha-label"><span [^>]*>Editor’s note 1<\/span>\s*<p[^>]*>Terminó el día 9\./);
    // A story in the site's language gets no such mark.
    const english = read(built.outDir, 'stories/budget-vote/index.html');
    const body = english.slice(english.indexOf('<div class="story-body"'), english.indexOf('</article>'));
    expect(body).toContain('class="resolved-date"');
    expect(body).not.toContain('lang="en"');
  });

  it('lay out a story in a language written right to left from the right', () => {
    const arabic = read(built.outDir, 'stories/strike-arabic/index.html');
    expect(arabic).toMatch(/<h1 lang="ar" dir="rtl">Story strike-arabic<\/h1>/);
    expect(arabic).toContain('<div class="story-body" lang="ar" dir="rtl" data-pagefind-meta="lang:ar">');
    expect(read(built.outDir, 'index.html')).toContain('<h2 lang="ar" dir="rtl"><a href="/news/stories/strike-arabic/">');
  });

  it('in another language are found by search with their language, so results read in it', () => {
    // Pagefind's fragments: gzip, then a signature, then the page's JSON.
    const fragments = readdirSync(join(built.outDir, 'pagefind/fragment')).map((name) => {
      const json = gunzipSync(readFileSync(join(built.outDir, 'pagefind/fragment', name))).toString('utf8');
      return JSON.parse(json.slice(json.indexOf('{'))) as { url: string; meta: Record<string, string> };
    });
    const meta = (path: string) => fragments.find((f) => f.url.endsWith(`/stories/${path}/`))?.meta;
    expect(meta('strike-ends')).toMatchObject({ kind: 'Story', lang: 'es' });
    expect(meta('strike-arabic')).toMatchObject({ kind: 'Story', lang: 'ar' });
    expect(meta('strike-begins')).toMatchObject({ kind: 'Story' });
    expect(meta('strike-begins')).not.toHaveProperty('lang');
  });

  it('that name a person link to that person’s page; others do not', () => {
    expect(read(built.outDir, 'topics/ana-lima/index.html')).toMatch(/<p class="see-also"[^>]*><a href="\/news\/people\/ana-lima\/"[^>]*>Ana Lima<\/a> has a page of their own: who they are, and every story that names them\.<\/p>/);
    expect(read(built.outDir, 'topics/ana-lima/index.html')).toContain('<h1>Ana Lima</h1>');
    expect(read(built.outDir, 'topics/unions/index.html')).not.toContain('see-also');
  });

  it('are in the sitemap, dated by their latest story', () => {
    const sitemap = readFileSync(join(built.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toMatch(/<loc>[^<]*\/news\/topics\/port-strike\/<\/loc><lastmod>2024-06-10T/);
    expect(sitemap).toMatch(/<loc>[^<]*\/news\/topics\/<\/loc><lastmod>2024-06-10T/);
  });
});

describe('links an editor writes from the root', () => {
  it('get the base, as [[…]] links do', () => {
    const ends = read(built.outDir, 'stories/strike-ends/index.html');
    expect(ends).toContain('<a href="/news/archive/">the archive</a>');
    expect(ends).toContain('src="/news/favicon.svg"');
  });
});

describe('a year of the timeline', () => {
  // Each with its people, so that a year filtered to a person names only theirs (src/scripts/timeline-filters.ts).
  it('names the events begun in an earlier year and still under way, linked, with their span', () => {
    const year = read(built.outDir, 'timeline/2024/index.html');
    const ongoing = year.slice(year.indexOf('<section class="ongoing-events"'), year.indexOf('</section>', year.indexOf('<section class="ongoing-events"')));
    expect(ongoing).toContain('<h2 id="ongoing-heading">Under way from earlier years</h2>');
    expect(ongoing).toMatch(/<li data-people="ana-lima"><a href="\/news\/events\/harbour-works\/">Harbour wall rebuilt<\/a> \(<time datetime="2023-03">March 2023<\/time> – <time datetime="2024-08">August 2024<\/time>\)/);
    expect(ongoing).toMatch(/<li data-people="ana-lima"><a href="\/news\/events\/harbour-dredging\/">Harbour dredged<\/a> \(since <time datetime="2023-09">September 2023<\/time>\)/);
    // Under the year it began, it is listed as any event is, and not said to be under way.
    expect(read(built.outDir, 'timeline/2023/index.html')).not.toContain('ongoing-events"');
  });

  it('names at the top of /timeline/ the events still going on, and not those that ended', () => {
    const main = read(built.outDir, 'timeline/index.html');
    const ongoing = main.slice(main.indexOf('<section class="ongoing-events"'), main.indexOf('</section>', main.indexOf('<section class="ongoing-events"')));
    expect(ongoing).toContain('<h2 id="ongoing-heading">Still going on</h2>');
    expect(ongoing).toMatch(/<a href="\/news\/events\/harbour-dredging\/">Harbour dredged<\/a> \(since <time datetime="2023-09">September 2023<\/time>\)/);
    expect(ongoing).not.toContain('harbour-works');
  });

  it('says of an event still going on when it began, on its page, in lists and in its preview', () => {
    const page = read(built.outDir, 'events/harbour-dredging/index.html');
    expect(textOf(page.slice(page.indexOf('<p class="event-when">'), page.indexOf('</p>', page.indexOf('<p class="event-when">')))).trim()).toBe('Began September 2023; still going on');
    expect(textOf(read(built.outDir, 'timeline/people/ana-lima/index.html'))).toContain('since September 2023Harbour dredged');
    expect(JSON.parse(read(built.outDir, 'previews/events/harbour-dredging.json'))).toMatchObject({ detail: 'since September 2023' });
  });

  it('lists on a long event’s page what else its people saw begin while it went on', () => {
    const section = (page: string) => page.slice(page.indexOf('<h2 id="during-heading">'), page.indexOf('</section>', page.indexOf('<h2 id="during-heading">')));
    const works = section(read(built.outDir, 'events/harbour-works/index.html'));
    expect(works).toContain('While it went on</h2>');
    expect(works).toMatch(/<time datetime="2023-09">September 2023<\/time>.*<a href="\/news\/events\/harbour-dredging\/">Harbour dredged<\/a>/s);
    // Begun after it ended.
    expect(works).not.toContain('harbour-reopened');
    const dredging = section(read(built.outDir, 'events/harbour-dredging/index.html'));
    expect(dredging).toContain('Since it began</h2>');
    expect(dredging).toContain('<a href="/news/events/harbour-reopened/">Harbour reopened</a>');
    // An event of one date has no such section.
    expect(read(built.outDir, 'events/harbour-reopened/index.html')).not.toContain('during-heading');
  });
});
