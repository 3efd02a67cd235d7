/**
 * Builds the real site from content/ and checks what a reader would get:
 * every page type, the links both ways, paragraph anchors, editor's notes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, projectRoot, scratchDir } from './build-site.ts';
import { attributeValues, fileFor, htmlFiles, read, textOf } from './dist.ts';
import { loadContent } from '../../src/lib/load.ts';
import { compareDates } from '../../src/lib/dates.ts';
import { assembleSite } from '../../src/lib/site.ts';
import { SECTIONS } from '../../src/lib/internal-links.ts';
import type { PersonId } from '../../src/lib/ids.ts';

const seed = loadContent(join(projectRoot, 'content'), projectRoot).content;
let out: string;

beforeAll(() => {
  const scratch = scratchDir('site');
  out = join(scratch, 'dist');
  const result = buildSite({ outDir: out });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
});

afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('the built site', () => {
  it('has every page type', () => {
    const files = htmlFiles(out);
    for (const expected of ['index.html', '404.html', 'people/index.html', 'timeline/index.html']) expect(files).toContain(expected);
    for (const story of seed.stories) expect(files).toContain(`stories/${story.id}/index.html`);
    for (const person of seed.people) expect(files).toContain(`people/${person.id}/index.html`);
    for (const event of seed.events) expect(files).toContain(`events/${event.id}/index.html`);
    expect(seed.people.length).toBe(8);
    expect(seed.events.length).toBeGreaterThanOrEqual(12);
  });

  it('writes nothing at its root that a body’s link to it would be refused for', () => {
    // The link check's list of sections (src/lib/internal-links.ts) must know every folder and file a build makes.
    const made = readdirSync(out).filter((name) => !existsSync(join(projectRoot, 'public', name)));
    expect(made.filter((name) => !SECTIONS.has(name) && !['stories', 'people', 'events'].includes(name))).toEqual([]);
  });

  it('resolves every internal link and asset to a file, and every #fragment to an id', () => {
    const broken: string[] = [];
    for (const file of htmlFiles(out)) {
      const html = read(out, file);
      for (const url of [...attributeValues(html, 'href'), ...attributeValues(html, 'src')]) {
        if (/^(https?:|mailto:)/.test(url)) continue;
        if (url.startsWith('#')) {
          if (url.length > 1 && !attributeValues(html, 'id').includes(url.slice(1))) broken.push(`${file} → ${url}`);
          continue;
        }
        const target = fileFor(out, url);
        if (!target) {
          broken.push(`${file} → ${url}`);
          continue;
        }
        const fragment = url.split('#')[1];
        if (fragment && !attributeValues(read(out, target.slice(out.length + 1)), 'id').includes(fragment)) broken.push(`${file} → ${url} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('links each person page to the paragraphs of the story that mention them', () => {
    const story = read(out, 'stories/sessions-trump-rift/index.html');
    for (const person of seed.people) {
      const page = read(out, `people/${person.id}/index.html`);
      const anchors = attributeValues(page, 'href').filter((h) => h.startsWith('/stories/sessions-trump-rift/#p-'));
      expect(anchors.length, person.id).toBeGreaterThan(0);
      for (const href of anchors) {
        const id = href.split('#')[1]!;
        // The paragraph with that id really mentions the person.
        const paragraph = new RegExp(`<p id="${id}">([\\s\\S]*?)</p>`).exec(story);
        expect(paragraph?.[1], `${person.id} → #${id}`).toContain(`data-ref="person:${person.id}"`);
      }
    }
  });

  it('links the story to every person and event, and back', () => {
    const story = read(out, 'stories/sessions-trump-rift/index.html');
    const hrefs = new Set(attributeValues(story, 'href'));
    for (const person of seed.people) expect(hrefs, person.id).toContain(`/people/${person.id}/`);
    for (const event of seed.events) expect(hrefs, event.id).toContain(`/events/${event.id}/`);
    for (const event of seed.events) {
      expect(attributeValues(read(out, `events/${event.id}/index.html`), 'href'), event.id).toContain('/stories/sessions-trump-rift/');
    }
  });

  it('shows the story with its dates, cast and editor’s notes', () => {
    const html = read(out, 'stories/sessions-trump-rift/index.html');
    expect(html).toContain('<time datetime="2017-06-07">June 7, 2017</time>');
    expect(textOf(html)).toContain('Published');
    // Each note named by its label, which the site writes in its own language.
    expect(html.match(/<div id="(user-content-fn-[^"]+)" class="editor-note" role="note" aria-labelledby="\1-label"><span id="\1-label" class="editor-note-label">Editor’s note \d+<\/span>/g)?.length).toBe(8);
    // Notes, not landmarks: the story's only complementary region is its "Who's who".
    expect(html).not.toMatch(/<aside[^>]*editor-note/);
    expect(html).not.toContain('data-footnotes');
    // The article's words are unchanged.
    expect(textOf(html)).toContain('The U.S attorney general has been at a rift with President Donald Trump for several weeks now.');
    // Kislyak's role as of publication, and that it ended later.
    expect(textOf(html)).toMatch(/Sergey Kislyak.*At the time: Russian Ambassador to the United States/);
  });

  it('shows a span of days without repeating its month and year, each end a machine-readable date', () => {
    const html = read(out, 'events/travel-ban-blocked/index.html');
    expect(html).toContain('<p class="event-when"><time datetime="2017-02-03">February 3</time>–<time datetime="2017-02-09">9, 2017</time></p>');
    expect(read(out, 'timeline/index.html')).toContain('<time datetime="2017-02-03">February 3</time>–<time datetime="2017-02-09">9, 2017</time>');
  });

  it('shows event dates at their precision, with previous and next events', () => {
    const html = read(out, 'events/sessions-recusal/index.html');
    expect(html).toContain('<time datetime="2017-03-02">March 2, 2017</time>');
    expect(html).toMatch(/rel="prev" href="\/events\/post-reports-kislyak-contacts\/"/);
    expect(html).toMatch(/rel="next" href="\/events\/revised-travel-ban\/"/);
  });

  it('lists every event on the timeline, by year and month, in date order', () => {
    const html = read(out, 'timeline/index.html');
    const order = attributeValues(html, 'href').filter((h) => h.startsWith('/events/')).map((h) => h.split('/')[2]);
    const expected = [...seed.events].sort((a, b) => (a.date.year - b.date.year) || ((a.date.month ?? 0) - (b.date.month ?? 0)) || ((a.date.day ?? 0) - (b.date.day ?? 0)));
    expect(new Set(order)).toEqual(new Set(expected.map((e) => e.id)));
    expect(order.indexOf('convention-week-encounter')).toBeLessThan(order.indexOf('sessions-recusal'));
    expect(order.indexOf('sessions-recusal')).toBeLessThan(order.indexOf('comey-testimony'));
    expect(html).toContain('<h2 id="y2016"><a href="/timeline/2016/">2016</a></h2>');
    expect(html).toContain('<h3 id="y2017-m03">March</h3>');
    // Each month's region is named with its year: several years have a March.
    expect(html).toContain('<section class="timeline-month" aria-labelledby="y2017-m03 y2017">');
  });
});

describe('the explainer reading experience', () => {
  it('anchors the story’s relative dates, with the resolved date visible, except those it gets wrong', () => {
    const html = read(out, 'stories/sessions-trump-rift/index.html');
    expect(html).toContain('<time class="anchored-date" datetime="2016">last year’s</time><span class="resolved-date"> (2016)</span>');
    expect(html).toContain('<time class="anchored-date" datetime="2016-09">in September last year</time><span class="resolved-date"> (September 2016)</span>');
    // The two dates the story gets wrong (its editor's notes correct them) are not shown resolved.
    expect(html).not.toContain('datetime="2017-07"');
    expect(html).not.toContain('datetime="2017-06-09"');
    expect(textOf(html)).toContain('in July of this year at');
    expect(textOf(html)).not.toMatch(/\(July 2017\)|\(June 9, 2017\)/);
  });

  it('leaves both date conflicts of the first story to the editor’s notes marked in their sentences', () => {
    const html = read(out, 'stories/sessions-trump-rift/index.html');
    // No "Date check" beside the editor's own correction: the reader gets one, not two.
    expect(html).not.toContain('<span class="date-conflict"');
    expect(textOf(html)).toContain('Comey testified on Thursday 8 June 2017, not on Friday.');
  });

  it('links names the editor did not mark, on their first mention per section', () => {
    const html = read(out, 'stories/sessions-trump-rift/index.html');
    const body = html.slice(html.indexOf('<div class="story-body">'), html.indexOf('<aside class="story-context"'));
    // "The Russian investigations are now being handled by [[rod-rosenstein|Rod Rosenstein]]": explicit.
    // In the Comey section, "Sessions" is written plainly once and linked.
    const comeySection = body.slice(body.indexOf('<h2 id="james-comey">'));
    expect(comeySection.match(/data-ref="person:donald-trump"/g)?.length).toBe(1);
    // Auto links never appear in headings.
    expect(body).not.toMatch(/<h2[^>]*>[^<]*<a /);
    expect(body).toContain('data-auto=""');
    // The sanitizer keeps the project's own classes on mentions.
    expect(body).toContain('class="mention mention-person" data-ref="person:jeff-sessions"');
    expect(body).toContain('class="mention mention-event" data-ref="event:sessions-recusal"');
  });

  it('labels an archive story with its age and shows the key points', () => {
    const html = read(out, 'stories/sessions-trump-rift/index.html');
    expect(html).toContain('<p class="age-label" data-pagefind-ignore>From June 2017</p>');
    expect(html).toMatch(/<section class="key-points"[^>]*><h2 id="key-points-heading">What you need to know<\/h2>/);
  });

  it('labels a quote from an editor’s note on the pages it mentions, apart from the article’s words', () => {
    const html = read(out, 'people/jeff-sessions/index.html');
    expect(html).toMatch(/<p class="quote-kind">Editor’s note<\/p>\s*<blockquote>\s*<mark>Sessions<\/mark> was not removed/);
    // The article's own sentences are not labelled.
    expect(html).toMatch(/<li>\s*<blockquote>[^<]*<mark>/);
  });

  it('shows the role each person held at publication and what changed later', () => {
    const text = textOf(read(out, 'stories/sessions-trump-rift/index.html'));
    expect(text).toMatch(/Sergey Kislyak.*At the time: Russian Ambassador to the United States\s*Since then: left the post of Russian Ambassador to the United States, July 22, 2017/);
    expect(text).toMatch(/Robert Mueller.*At the time: Special Counsel/);
    // Before he took office: the office he took up, and when it ended.
    const recusal = textOf(read(out, 'events/sessions-recusal/index.html'));
    expect(recusal).toMatch(/Rod Rosenstein.*At the time: U\.S\. Attorney for the District of Maryland\s*Since then: left the post of U\.S\. Attorney for the District of Maryland, April 25, 2017; became U\.S\. Deputy Attorney General, April 26, 2017 \(until May 11, 2019\)/);
  });

  it('generates preview data for every person and event', () => {
    for (const person of seed.people) {
      const data = JSON.parse(read(out, `previews/people/${person.id}.json`));
      expect(data).toMatchObject({ kind: 'person', title: person.name, summary: person.summary });
    }
    const testimony = JSON.parse(read(out, 'previews/events/comey-testimony.json'));
    expect(testimony).toMatchObject({ kind: 'event', detail: 'June 8, 2017' });
  });
});

describe('timelines', () => {
  const order = (html: string) => attributeValues(html, 'href').filter((h) => h.startsWith('/events/')).map((h) => h.split('/')[2]!);

  it('the story’s “How we got here” lists its events in date order and marks its publication among them', () => {
    const html = read(out, 'stories/sessions-trump-rift/index.html');
    const section = html.slice(html.indexOf('id="events-heading"'));
    const ids = order(section.slice(0, section.indexOf('</section>')));
    const dates = ids.map((id) => seed.events.find((e) => e.id === id)!.date);
    for (let i = 1; i < dates.length; i++) expect(compareDates(dates[i - 1]!, dates[i]!), ids[i]).toBeLessThanOrEqual(0);
    // Published on June 7: after the statement released that day, before the testimony on June 8.
    const marker = section.indexOf('This story is published');
    expect(marker).toBeGreaterThan(section.indexOf('/events/comey-statement-released/'));
    expect(marker).toBeLessThan(section.indexOf('/events/comey-testimony/'));
  });

  it('a person’s timeline holds their roles as spans and their events in order', () => {
    const html = read(out, 'people/jeff-sessions/index.html');
    const section = html.slice(html.indexOf('id="events-heading"'));
    expect(textOf(section)).toMatch(/1997\s*–\s*February 2017\s*New role: U\.S\. Senator for Alabama/);
    const ids = order(section.slice(0, section.indexOf('</section>')));
    expect(ids.indexOf('convention-week-encounter')).toBeLessThan(ids.indexOf('sessions-recusal'));
  });

  it('filters the timeline by person and by story with plain links', () => {
    const main = read(out, 'timeline/index.html');
    expect(attributeValues(main, 'href')).toContain('/timeline/people/sergey-kislyak/');
    expect(attributeValues(main, 'href')).toContain('/timeline/stories/sessions-trump-rift/');
    const kislyak = read(out, 'timeline/people/sergey-kislyak/index.html');
    const ids = order(kislyak.slice(kislyak.indexOf('<section class="timeline-year"')));
    const graph = assembleSite(seed, { base: '/' }).graph;
    expect(ids).toEqual(graph.personEvents('sergey-kislyak' as PersonId).map((e) => e.id));
    expect(ids).toContain('senate-office-meeting');
    expect(textOf(kislyak)).toContain('Showing every event with Sergey Kislyak.');
    expect(attributeValues(kislyak, 'href')).toContain('/timeline/');
  });
});
