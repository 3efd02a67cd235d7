/**
 * The language the site itself is written in: its menus, labels and the
 * dates it writes out. A story may be in another (`lang`); the site's own
 * words inside it are then marked with this one, so that a screen reader
 * reads each in its language (WCAG 3.1.2).
 */

/** The BCP 47 tag of the site's own words. */
export const SITE_LANG = 'en';

/** Whether a story's `lang` is another language than the site's: "es", "pt-BR"; not "en-GB". */
export function otherThanSite(lang: string | undefined): boolean {
  return lang !== undefined && lang.split('-')[0]!.toLowerCase() !== SITE_LANG;
}
