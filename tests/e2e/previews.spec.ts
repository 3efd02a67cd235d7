/**
 * Preview cards on person and event links: by mouse, keyboard and touch,
 * meeting WCAG 2.2 1.4.13 (dismissible with Esc, hoverable, persistent).
 */
import { expect, test, type Page } from '@playwright/test';

const STORY = 'stories/sessions-trump-rift/';
const kislyak = (page: Page) => page.locator('.story-body a[data-ref="person:sergey-kislyak"]').first();

test.beforeEach(async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('requestfailed', (r) => problems.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  (page as Page & { problems: string[] }).problems = problems;
});

test.afterEach(async ({ page }) => {
  expect((page as Page & { problems: string[] }).problems).toEqual([]);
});

test('hover opens a card that can itself be hovered, and Esc dismisses it', async ({ page, isMobile }) => {
  test.skip(isMobile, 'hover needs a mouse');
  await page.goto(STORY);
  const card = page.locator('#preview-card');
  await kislyak(page).hover();
  await expect(card).toBeVisible();
  await expect(card).toContainText('Sergey Kislyak');
  await expect(card).toContainText('Russian Ambassador to the United States');
  await expect(kislyak(page)).toHaveAttribute('aria-describedby', 'preview-card');
  // Hoverable: moving onto the card keeps it open, long after the hide delay.
  await card.hover();
  await page.waitForTimeout(600);
  await expect(card).toBeVisible();
  // Dismissible: Esc closes it while the pointer is still over it.
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  // Leaving both closes a reopened card.
  await kislyak(page).hover();
  await expect(card).toBeVisible();
  await page.mouse.move(5, 5);
  await expect(card).toBeHidden();
});

test('on a story, a person’s card names the role they held when it was published', async ({ page, isMobile }) => {
  test.skip(isMobile, 'hover needs a mouse');
  await page.goto(STORY);
  await page.locator('.story-body a[data-ref="person:donald-trump"]').first().hover();
  const card = page.locator('#preview-card');
  await expect(card.locator('.preview-detail')).toHaveText('At the time: 45th President of the United States');
  // The person's own page is about no one day: the latest role.
  await page.goto('people/jeff-sessions/');
  await page.locator('a[data-ref="person:donald-trump"]').first().hover();
  await expect(card.locator('.preview-detail')).toHaveText(/^47th President of the United States, since January 20, 2025$/);
});

test('keyboard focus opens the card, Esc closes it without moving focus, and Enter on the name goes through', async ({ page, isMobile }) => {
  test.skip(isMobile, 'keyboard test on desktop');
  await page.goto(STORY);
  const card = page.locator('#preview-card');
  await kislyak(page).focus();
  await expect(card).toBeVisible();
  await expect(card).toContainText('Sergey Kislyak');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(kislyak(page)).toBeFocused();
  // Focus another mention: a card for it.
  const event = page.locator('.story-body a[data-ref="event:comey-testimony"]').first();
  await event.focus();
  await expect(card).toContainText('Comey testifies before the Senate Intelligence Committee');
  await expect(card).toContainText('June 8, 2017');
  // The card's own link is no Tab stop: Tab goes on past it, and Enter on the name opens the page.
  await page.keyboard.press('Tab');
  await expect(card.locator('a')).not.toBeFocused();
  await event.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/events\/comey-testimony\/$/);
});

test('a card still loading when the pointer leaves, or after Esc, is not shown', async ({ page, isMobile }) => {
  test.skip(isMobile, 'hover runs on desktop');
  await page.route('**/previews/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.goto(STORY);
  const card = page.locator('#preview-card');
  await kislyak(page).hover();
  await page.waitForTimeout(250);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1500);
  await expect(card).toBeHidden();
  await kislyak(page).focus();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1500);
  await expect(card).toBeHidden();
});

test('a card never covers its link, even where neither below nor above has room', async ({ page, isMobile }) => {
  test.skip(isMobile, 'a short window on desktop');
  await page.setViewportSize({ width: 640, height: 300 });
  await page.goto(STORY);
  const link = kislyak(page);
  await link.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await link.focus();
  const card = page.locator('#preview-card');
  await expect(card).toBeVisible();
  const [a, b] = [await link.boundingBox(), await card.boundingBox()];
  const overlaps = a!.x < b!.x + b!.width && b!.x < a!.x + a!.width && a!.y < b!.y + b!.height && b!.y < a!.y + a!.height;
  expect(overlaps, JSON.stringify({ link: a, card: b })).toBe(false);
  expect(b!.y).toBeGreaterThanOrEqual(0);
  expect(b!.y + b!.height).toBeLessThanOrEqual(300);
});

test('links in lists open their page on the first tap or click: no card where the page already gives title and summary', async ({ page, isMobile }) => {
  await page.goto('timeline/');
  // Leaving at once would abort the page's last requests (its icon), which the guard counts as failures.
  await page.waitForLoadState('networkidle');
  const first = page.locator('.event-list a[href*="/events/"]').first();
  const href = await first.getAttribute('href');
  await (isMobile ? first.tap() : first.click());
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator('#preview-card')).toHaveCount(0);
});

test('a tap opens the card instead of leaving the page; the card link goes through', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'touch runs on the phone project');
  await page.goto(STORY);
  const card = page.locator('#preview-card');
  await kislyak(page).tap();
  await expect(card).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${STORY}$`));
  const box = await card.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await card.locator('a').tap();
  await expect(page).toHaveURL(/\/people\/sergey-kislyak\/$/);
});

test('after a tap, a keyboard’s Enter on a name opens the page', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'touch runs on the phone project');
  await page.goto(STORY);
  await page.waitForLoadState('networkidle');
  await page.locator('h1').tap();
  await kislyak(page).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/people\/sergey-kislyak\/$/);
});

test('without JavaScript, mention links are plain links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(STORY);
  await kislyak(page).click();
  await expect(page).toHaveURL(/\/people\/sergey-kislyak\/$/);
  await context.close();
});
