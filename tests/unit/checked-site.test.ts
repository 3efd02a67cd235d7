/**
 * The content check's site, handed to the pages of the same build: taken
 * only by pages built under the base its links were made for, however the
 * base is spelled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkedSite, checkedSiteTaken, handOverSite } from '../../src/integrations/checked-site.ts';
import { assembleSite } from '../../src/lib/site.ts';

const site = assembleSite({ stories: [], people: [], events: [] }, { base: '/' });

afterEach(() => handOverSite(undefined, ''));

describe('the checked site handed to the pages', () => {
  it('is there only once a build hands one over', () => {
    expect(checkedSite('/')).toBeUndefined();
    expect(checkedSiteTaken()).toBeUndefined();
    handOverSite(site, '/');
    expect(checkedSiteTaken()).toBe(false);
    expect(checkedSite('/')).toBe(site);
    expect(checkedSiteTaken()).toBe(true);
  });

  it.each([
    ['/', '/', true],
    ['/news', '/news/', true],
    ['/news/', '/news', true],
    ['/news', '/', false],
    ['/', '/news/', false],
    ['/news', '/news/archive/', false],
  ])('made for base %s, is taken by pages under %s: %s', (madeFor, pagesUnder, taken) => {
    handOverSite(site, madeFor);
    expect(checkedSite(pagesUnder)).toBe(taken ? site : undefined);
    expect(checkedSiteTaken()).toBe(taken);
  });

  it('is taken back', () => {
    handOverSite(site, '/');
    handOverSite(undefined, '');
    expect(checkedSite('/')).toBeUndefined();
  });
});
