/**
 * One real build of a site made of hostile input (tests/fixtures/hostile plus
 * generated large cases, see prepare.ts), then what a reader would get,
 * checked with a real HTML parser: nothing that can run, nothing that can
 * navigate to script, every hostile string shown as the text it was, and
 * the large stories built whole. Cases that must fail the build instead are
 * in tests/unit/hostile-input.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { buildSite, scratchDir } from './build-site.ts';
import { htmlFiles } from './dist.ts';
import { LARGE, prepareHostileContent, type HostileContent } from '../fixtures/hostile/prepare.ts';
import { typeset } from '../../src/lib/typography.ts';

// ---- a minimal DOM over parse5's default tree ----

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  /** `<template>` contents. */
  content?: Node;
  value?: string;
  parentNode?: Node | null;
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const hasClass = (node: Node, name: string) => (attr(node, 'class') ?? '').split(/\s+/).includes(name);

function elements(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (node: Node) => {
    if (node.tagName) out.push(node);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(root);
  return out;
}

function text(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(text).join('');
}

function ancestors(node: Node): Node[] {
  const out: Node[] = [];
  for (let at = node.parentNode; at; at = at.parentNode) out.push(at);
  return out;
}

// ---- the build ----

let content: HostileContent;
let scratch: string;
let out: string;
let seconds = 0;
const pages = new Map<string, Node>();
const sources = new Map<string, string>();

function page(file: string): Node {
  const found = pages.get(file);
  if (!found) throw new Error(`no page ${file} in the build`);
  return found;
}

/** The rendered Markdown body of a story, person or event page. */
function body(file: string): Node {
  const found = elements(page(file)).find((el) => hasClass(el, 'story-body') || hasClass(el, 'record-body'));
  if (!found) throw new Error(`${file} has no body`);
  return found;
}

beforeAll(() => {
  content = prepareHostileContent({ large: true });
  scratch = scratchDir('hostile');
  out = join(scratch, 'dist');
  const started = performance.now();
  const result = buildSite({ contentDir: content.dir, outDir: out });
  seconds = (performance.now() - started) / 1000;
  console.log(`hostile fixture build (with a 5 MB story, 10,000 mentions, 200-deep nesting): ${seconds.toFixed(1)} s`);
  if (result.status !== 0) throw new Error(`the hostile fixture must build:\n${result.output.slice(-6000)}`);
  for (const file of htmlFiles(out)) {
    const html = readFileSync(join(out, file), 'utf8');
    sources.set(file, html);
    pages.set(file, parse(html) as unknown as Node);
  }
});

afterAll(() => {
  content?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Nowhere on the site. */
const EMBEDDING = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'];
/** Not in content: the only forms are the site's own search boxes. */
const INTERACTIVE = ['form', 'button', 'textarea', 'select', 'style', 'link', 'meta'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping', 'cite', 'srcset', 'manifest'];

/** What a browser does to a URL before reading its scheme: drop tabs and line breaks, trim control characters and spaces. */
const normalizeUrl = (value: string) => value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').toLowerCase();

/** Whether a link takes the reader to another site, as a browser would read it. */
function leavesSite(href: string): boolean {
  const site = 'http://127.0.0.1:4321';
  try {
    return new URL(href.replace(/[\t\n\r]/g, ''), `${site}/stories/x/`).origin !== site;
  } catch {
    return false;
  }
}

describe('a site built from hostile input', () => {
  it('builds every page, and the large stories whole', () => {
    const files = [...pages.keys()];
    for (const id of ['hostile-fields', 'hostile-body', 'unicode-names', 'bom-crlf', 'invisible-in-body', 'five-megabytes', 'ten-thousand-mentions', 'deep-nesting', 'long-strings']) {
      expect(files).toContain(`stories/${id}/index.html`);
    }
    for (const id of ['hostile-person', 'sergey-kislyak', 'xi-jinping', 'zoe-brandt']) expect(files).toContain(`people/${id}/index.html`);
    for (const id of ['hostile-event', 'unicode-event']) expect(files).toContain(`events/${id}/index.html`);

    // 5 MB in, 5 MB out, to its last paragraph.
    expect(statSync(join(out, 'stories/five-megabytes/index.html')).size).toBeGreaterThan(LARGE.bigStoryBytes);
    expect(text(body('stories/five-megabytes/index.html'))).toContain('The last paragraph of the five-megabyte story.');

    // Every one of the 10,000 mentions is a link.
    const mentions = elements(body('stories/ten-thousand-mentions/index.html')).filter((el) => el.tagName === 'a' && attr(el, 'data-ref'));
    expect(mentions).toHaveLength(LARGE.mentions);

    // 200 levels of list and of quotation, and the paragraph after them.
    const deep = elements(body('stories/deep-nesting/index.html'));
    const innermost = deep.filter((el) => el.tagName === 'li').find((li) => text(li).trim() === `level ${LARGE.depth}`)!;
    expect(ancestors(innermost).filter((el) => el.tagName === 'ul')).toHaveLength(LARGE.depth);
    expect(deep.filter((el) => el.tagName === 'blockquote')).toHaveLength(LARGE.depth);
    expect(text(body('stories/deep-nesting/index.html'))).toContain('The paragraph after the nesting.');

    // Very long values are shown whole.
    const longTitle = elements(page('stories/long-strings/index.html')).find((el) => el.tagName === 'h1')!;
    expect(text(longTitle)).toHaveLength(LARGE.longField);
    expect(text(body('stories/long-strings/index.html'))).toContain('x'.repeat(1_000_000));
  });

  it('runs no script but the site’s own modules; JSON-LD cannot be broken out of', () => {
    const found: string[] = [];
    for (const [file, root] of pages) {
      for (const script of elements(root).filter((el) => el.tagName === 'script')) {
        const type = attr(script, 'type');
        const src = attr(script, 'src');
        if (type === 'module' && src?.startsWith('/_astro/') && text(script).trim() === '') continue;
        if (type === 'application/ld+json') {
          const json = text(script);
          if (/<\/script|<!--/i.test(json)) found.push(`${file}: JSON-LD holds markup: ${json.slice(0, 80)}`);
          try {
            JSON.parse(json);
          } catch {
            found.push(`${file}: JSON-LD is not JSON: ${json.slice(0, 80)}`);
          }
          continue;
        }
        found.push(`${file}: <script${(script.attrs ?? []).map((a) => ` ${a.name}="${a.value}"`).join('')}>${text(script).slice(0, 60)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('has no event-handler attributes, no script URLs, nothing embedded; no forms, styles or <meta> from content', () => {
    const found: string[] = [];
    for (const [file, root] of pages) {
      for (const el of elements(root)) {
        for (const { name, value } of el.attrs ?? []) {
          if (/^on/i.test(name)) found.push(`${file}: <${el.tagName} ${name}="${value.slice(0, 40)}">`);
          if (URL_ATTRIBUTES.includes(name) && /^(javascript|data|vbscript|blob|file):/.test(normalizeUrl(value))) {
            found.push(`${file}: <${el.tagName} ${name}="${value.slice(0, 40)}">`);
          }
          if (name === 'srcdoc' || (name === 'http-equiv' && /refresh|set-cookie/i.test(value))) found.push(`${file}: <${el.tagName} ${name}>`);
        }
        if (EMBEDDING.includes(el.tagName!)) found.push(`${file}: <${el.tagName}>`);
      }
      if (!/^(stories|people|events)\/[^/]+\/index\.html$/.test(file)) continue;
      for (const el of elements(body(file))) {
        if (INTERACTIVE.includes(el.tagName!)) found.push(`${file}: <${el.tagName}> in the body`);
        if (el.tagName === 'input' && (attr(el, 'type') !== 'checkbox' || attr(el, 'disabled') === undefined)) found.push(`${file}: <input> in the body`);
        if (attr(el, 'style') !== undefined) found.push(`${file}: <${el.tagName} style> in the body`);
      }
    }
    expect(found).toEqual([]);
  });

  it('gives every link that leaves the site rel="noopener noreferrer"', () => {
    const found: string[] = [];
    let external = 0;
    for (const [file, root] of pages) {
      for (const link of elements(root).filter((el) => el.tagName === 'a' && attr(el, 'href') !== undefined)) {
        if (!leavesSite(attr(link, 'href')!)) continue;
        external += 1;
        const rel = (attr(link, 'rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) found.push(`${file}: <a href="${attr(link, 'href')}" rel="${attr(link, 'rel') ?? ''}">`);
        if (attr(link, 'target') !== undefined) found.push(`${file}: <a href="${attr(link, 'href')}" target> (content may not open windows)`);
      }
    }
    expect(found).toEqual([]);
    // The fixture's own external links: raw, Markdown, autolinked, protocol-relative, `https:host`, sources.
    expect(external).toBeGreaterThan(10);
    const hrefs = elements(body('stories/hostile-body/index.html')).flatMap((el) => (el.tagName === 'a' && attr(el, 'href') ? [attr(el, 'href')!] : []));
    expect(hrefs).toEqual(expect.arrayContaining(['https://example.com/ok', '//example.com/path', 'https:example.com/path', 'https://example.com/autolink']));
  });

  it('lets no body give an element a name that replaces a document method (DOM clobbering)', () => {
    const named = [...pages.keys()].flatMap((file) => {
      if (!/^(stories|people|events)\/[^/]+\/index\.html$/.test(file)) return [];
      return elements(body(file)).filter((el) => attr(el, 'name') !== undefined).map((el) => `${file}: <${el.tagName} name="${attr(el, 'name')}">`);
    });
    expect(named).toEqual([]);
    // The fixture tried: its images are there, without their names.
    const images = elements(body('stories/hostile-body/index.html')).filter((el) => el.tagName === 'img' && /^clobber/.test(attr(el, 'alt') ?? ''));
    expect(images).toHaveLength(3);
  });

  it('shows hostile field values as exactly the text that was written (a headline, dek or summary typeset, quotes curled)', () => {
    const story = page('stories/hostile-fields/index.html');
    const all = elements(story);
    const title = typeset('</script><script>window.__pwned=1</script><!-- {{7*7}} ${7*7}');
    expect(text(all.find((el) => el.tagName === 'title')!)).toBe(`${title} · Backstory`);
    expect(text(all.find((el) => el.tagName === 'h1')!)).toBe(title);
    expect(attr(all.find((el) => el.tagName === 'meta' && attr(el, 'name') === 'description')!, 'content')).toBe(
      typeset('</title><script>alert(1)</script><meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    );
    expect(text(all.find((el) => hasClass(el, 'dek'))!)).toBe(typeset('"><img src=x onerror="window.__pwned=1"> <svg/onload=alert(1)>'));
    const byline = text(all.find((el) => hasClass(el, 'byline'))!);
    expect(byline).toContain('<a href="javascript:window.__pwned=1">Staff</a> {{7*7}} ${process.env.HOME}');
    expect(byline).toContain('"><script>alert(document.cookie)</script>');
    const source = all.find((el) => el.tagName === 'a' && text(el) === '"><script>alert(document.cookie)</script>')!;
    expect(attr(source, 'href')).toBe(`https://example.com/orig?a="><script>window.__pwned=1</script>&b='onfocus='alert(1)`);
    expect(text(story)).toContain('{{7*7}}, ${7*7}, <%= 7*7 %> and import.meta.env stay as written.');

    const person = elements(page('people/hostile-person/index.html'));
    expect(text(person.find((el) => el.tagName === 'h1')!)).toBe('"><img src=x onerror="window.__pwned=1;document.title=`pwned`">');
    expect(text(person.find((el) => hasClass(el, 'aliases'))!)).toBe(
      'Also referred to as </script><script>window.__pwned=1</script>, {{7*7}}, ${window.__pwned=1}',
    );
    const event = elements(page('events/hostile-event/index.html'));
    expect(text(event.find((el) => el.tagName === 'h1')!)).toBe('</script><script>window.__pwned=1</script> hearing');

    // Preview cards are data: the strings arrive unchanged, for textContent.
    const preview = JSON.parse(readFileSync(join(out, 'previews/people/hostile-person.json'), 'utf8')) as { title: string };
    expect(preview.title).toBe('"><img src=x onerror="window.__pwned=1;document.title=`pwned`">');
  });

  it('keeps template syntax and markup in a body as text, and removes what could run', () => {
    const shown = text(body('stories/hostile-body/index.html'));
    // Not evaluated: no "49" where {{7*7}} was, no environment variable read.
    expect(shown).toMatch(/\{\{7\*7\}\}, \$\{7\*7\}, <%= 7\*7 %>, #\{7\*7\}/);
    expect(shown).toContain('import.meta.env.SECRET and process.env.HOME');
    // Code is shown as code.
    expect(shown).toContain('<script>window.__pwned=1</script>');
    // The removed links keep their words.
    for (const words of ['javascript', 'mixed case', 'tab entity', 'entity j', 'leading space', 'data', 'vbscript', 'a reference']) expect(shown).toContain(words);
    // Mentions whose shown text is markup show it as text.
    const mention = elements(body('stories/hostile-body/index.html')).find((el) => attr(el, 'data-ref') === 'person:hostile-person' && attr(el, 'data-auto') === undefined)!;
    expect(text(mention)).toBe('<img src=x onerror=window.__pwned=1>');
  });

  it('reads names in any script, with a byte-order mark and CRLF line endings, and contains invisible characters', () => {
    const refs = (file: string) => new Set(elements(body(file)).flatMap((el) => (attr(el, 'data-ref') ? [attr(el, 'data-ref')] : [])));
    for (const file of ['stories/unicode-names/index.html', 'stories/bom-crlf/index.html']) {
      expect(refs(file)).toEqual(new Set(['person:zoe-brandt', 'person:sergey-kislyak', 'person:xi-jinping']));
    }
    expect(text(elements(page('stories/bom-crlf/index.html')).find((el) => el.tagName === 'h1')!)).toBe('Кисляк, 習近平 and Zoë, saved by Notepad');
    expect(refs('events/unicode-event/index.html')).toEqual(new Set(['person:sergey-kislyak', 'person:xi-jinping', 'person:zoe-brandt']));

    // NUL never reaches a page; a right-to-left override stays inside its own paragraph.
    for (const [file, html] of sources) expect(html.includes('\u0000'), file).toBe(false);
    const paragraphs = elements(body('stories/invisible-in-body/index.html')).filter((el) => el.tagName === 'p');
    expect(text(paragraphs[0]!)).toBe('Before the NUL\uFFFDafter the NUL.');
    expect(paragraphs.filter((p) => text(p).includes('\u202E')).map(text)).toEqual(['An override \u202Esdrawkcab\u202C ends with its paragraph.']);
  });

  it('builds the search index over the hostile pages', () => {
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(seconds).toBeGreaterThan(0);
  });
});
