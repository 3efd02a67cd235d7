/**
 * axe as every browser test runs it: WCAG 2.0, 2.1 and 2.2, A and AA. The
 * themes differ only in colour values (custom properties), so in the dark
 * theme only the rules whose outcome depends on colour need to run again.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The page's violations, one line each; `only` runs just those rules. */
export async function violations(page: Page, only?: string[]): Promise<string[]> {
  // Legacy mode runs axe in the page itself, without the cross-frame machinery
  // (the site has no frames): several times faster, the same rules.
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  const results = await (only ? builder.withRules(only) : builder.withTags(TAGS)).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}
