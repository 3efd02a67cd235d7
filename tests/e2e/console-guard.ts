/**
 * Fails a test when its page logs a console error or throws: an enhancement
 * that breaks quietly is still broken.
 */
import { expect, test, type Page } from '@playwright/test';

const problemsOf = new WeakMap<Page, string[]>();

export function failOnConsoleErrors(): void {
  test.beforeEach(async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    problemsOf.set(page, problems);
  });

  test.afterEach(async ({ page }) => {
    expect(problemsOf.get(page)).toEqual([]);
  });
}
