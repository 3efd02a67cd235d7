/**
 * Which output files a page rendered at a URL is written to: the middleware
 * unlinks exactly these before Astro writes the page. A miss would let Astro
 * write into a file the last build's output shares, so every shape of URL
 * the site makes is here: the root, nested pages, a sub-path base, names
 * with spaces and letters outside ASCII (percent-encoded in the URL, plain
 * on disk), and routes that end in a file name.
 */
import { describe, expect, it } from 'vitest';
import { outputFilesOf } from '../../src/integrations/cached-pages.ts';

describe('outputFilesOf', () => {
  it.each([
    ['/', '/', ['index.html']],
    ['/stories/sessions-trump-rift/', '/', ['stories/sessions-trump-rift/index.html']],
    ['/timeline/people/jeff-sessions/2017/', '/', ['timeline/people/jeff-sessions/2017/index.html']],
    ['/explainer/', '/explainer/', ['index.html']],
    ['/explainer', '/explainer/', ['index.html']],
    ['/explainer/people/ana-lima/', '/explainer/', ['people/ana-lima/index.html']],
    ['/explainer/people/ana-lima/', '/explainer', ['people/ana-lima/index.html']],
    ['/people/lech-wa%C5%82%C4%99sa/', '/', ['people/lech-wałęsa/index.html']],
    ['/news/people/lech-wa%C5%82%C4%99sa/', '/news/', ['people/lech-wałęsa/index.html']],
    ['/stories/a%20b/', '/', ['stories/a b/index.html']],
    ['/404.html', '/', ['404.html', '404.html.html', '404.html/index.html']],
    ['/explainer/atom.xml', '/explainer/', ['atom.xml', 'atom.xml.html', 'atom.xml/index.html']],
    ['/stories/x', '/', ['stories/x', 'stories/x.html', 'stories/x/index.html']],
  ])('%s under base %s → %j', (pathname, base, files) => {
    expect(outputFilesOf(pathname, base)).toEqual(files);
  });
});
