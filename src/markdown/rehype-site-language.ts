/**
 * rehype plugin: in a body written in another language than the site's (the
 * story's `lang`, given as `file.data.lang`), the words the site adds are
 * marked as the site's language: an editor's note's label and its marker, a
 * "Date check", a date written out beside the words. A
 * screen reader would otherwise read "June 9, 2017" with a Spanish voice.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { otherThanSite, SITE_LANG } from '../lib/site-language.ts';

/** Classes of the elements holding the site's own words (see mentions.ts and rehype-editor-notes.ts). */
const SITE_WORDS: ReadonlySet<string> = new Set(['editor-note-label', 'resolved-date', 'date-conflict']);

function isSiteWords(element: Element): boolean {
  const { className } = element.properties;
  if ('dataFootnoteRef' in element.properties) return true; // a note's marker, named "Editor's note 1"
  return Array.isArray(className) && className.some((name) => SITE_WORDS.has(String(name)));
}

export default function rehypeSiteLanguage() {
  return (tree: Root, file: VFile) => {
    if (!otherThanSite(file.data.lang as string | undefined)) return;
    const visit = (node: Root | Element) => {
      for (const child of node.children as (RootContent | ElementContent)[]) {
        if (child.type !== 'element') continue;
        if (isSiteWords(child)) child.properties.lang = SITE_LANG;
        else visit(child);
      }
    };
    visit(tree);
  };
}
