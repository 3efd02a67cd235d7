/**
 * What HTML a Markdown body may contain once rendered: GitHub's allow-list
 * (no scripts, iframes, styles, event handlers or `javascript:` URLs), plus
 * the markup the project's own plugins add. Editors may write raw HTML; what
 * is not on this list is removed, never executed.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

const defaults = defaultSchema.attributes ?? {};

type AttributeRule = NonNullable<Schema['attributes']>[string][number];

/**
 * A tag's default rules plus more, with every allowed class in ONE
 * `className` rule: the sanitizer reads only one rule per attribute, so a
 * second `['className', …]` would be ignored and the classes stripped.
 */
function extend(tag: string, classes: string[], more: AttributeRule[] = []): AttributeRule[] {
  const rules = defaults[tag] ?? [];
  const isClassRule = (rule: AttributeRule) => Array.isArray(rule) && rule[0] === 'className';
  const existing = rules.filter(isClassRule).flatMap((rule) => (rule as unknown[]).slice(1).map(String));
  return [...rules.filter((rule) => !isClassRule(rule)), ['className', ...existing, ...classes], ...more];
}

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Ids are kept as written: paragraph anchors and heading ids are link targets.
  // (The default prefixes them to stop DOM clobbering; the site's scripts look
  // elements up by selector, not through globals.)
  clobber: [],
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'time', 'aside', 'mark', 'figure', 'figcaption', 'abbr', 'cite'],
  attributes: {
    ...defaults,
    // No `name`: `<img name="querySelectorAll">` (or an `<img>` with both a
    // name and such an id) would replace `document.querySelectorAll` for the
    // site's own scripts. Nothing in a body needs a name.
    '*': (defaults['*'] ?? []).filter((attribute) => attribute !== 'name'),
    // Mentions: `<a class="mention mention-person" data-ref="person:id">`.
    a: extend('a', ['mention', 'mention-person', 'mention-event'], ['dataRef', 'dataAuto']),
    // Anchored dates and their notes.
    time: extend('time', ['anchored-date'], ['dateTime']),
    span: extend('span', ['resolved-date', 'date-conflict'], [['role', 'note']]),
    // Footnotes become editor's notes.
    section: extend('section', ['footnotes'], ['dataFootnotes']),
    h2: extend('h2', ['sr-only']),
  },
  // Only web and mail links: no `javascript:`, `data:` or `vbscript:`.
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};
