/**
 * The content check's site, handed to the pages of the same build: taken
 * by pages built under the base its links were made for, however the base
 * is spelled, and refused with an error by pages built for another.
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
    ['/', '/'],
    ['/news', '/news/'],
    ['/news/', '/news'],
  ])('made for base %s, is taken by pages under %s', (madeFor, pagesUnder) => {
    handOverSite(site, madeFor);
    expect(checkedSite(pagesUnder)).toBe(site);
    expect(checkedSiteTaken()).toBe(true);
  });

  it.each([
    ['/news', '/'],
    ['/', '/news/'],
    ['/news', '/news/archive/'],
  ])('made for base %s, is refused by pages under %s: their links would be wrong', (madeFor, pagesUnder) => {
    handOverSite(site, madeFor);
    expect(() => checkedSite(pagesUnder)).toThrow(/made its links for the base/);
    expect(checkedSiteTaken()).toBe(false);
  });

  it('is taken back', () => {
    handOverSite(site, '/');
    handOverSite(undefined, '');
    expect(checkedSite('/')).toBeUndefined();
  });
});
