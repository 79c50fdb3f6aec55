// The home page says what the playground is and where to start; the sidebar
// lists every lesson in lessons/, in folder order, and each link opens it.
import { test, expect } from '@playwright/test';
import { readLessons } from './support/lessons.ts';

const lessons = readLessons();

test('the home page says what the playground is and links to the first lesson', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main')).toContainText(/WebRTC/);
  const first = lessons[0];
  expect(first, 'a lesson in lessons/').toBeDefined();
  const start = page.getByRole('main').locator(`a[href$="${first!.path}"], a[href$="${first!.path.slice(0, -1)}"]`);
  await expect(start.first(), `a link from the home page to ${first!.path}`).toBeVisible();
  await start.first().click();
  await expect(page).toHaveURL(new RegExp(`${first!.path}$`));
  await expect(page.getByRole('heading', { level: 1, name: first!.title })).toBeVisible();
});

test('the sidebar lists the lessons in order and every link opens its lesson', async ({ page }) => {
  expect(lessons.length, 'lessons in lessons/').toBeGreaterThan(0);
  await page.goto(lessons[0]!.path);
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  const links = sidebar.locator('a[href*="/lessons/"]');
  await expect(links).toHaveCount(lessons.length);
  const paths = (await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).map(
    (path) => (path.endsWith('/') ? path : `${path}/`),
  );
  expect(paths).toEqual(lessons.map((lesson) => lesson.path));
  await expect(links).toHaveText(lessons.map((lesson) => lesson.title));

  for (const lesson of lessons) {
    await sidebar.getByRole('link', { name: lesson.title, exact: true }).click();
    // A pairing lesson adds its side to the query (?pair=…&side=a).
    await expect(page).toHaveURL(new RegExp(`${lesson.path}(\\?.*)?$`));
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await expect(sidebar.getByRole('link', { name: lesson.title, exact: true })).toHaveAttribute('aria-current', 'page');
  }
});

test('search finds a lesson by its title, served by the site itself', async ({ page }) => {
  const lesson = lessons[lessons.length - 1]!;
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill(lesson.title);
  const hit = dialog.locator(`a[href*="${lesson.path}"]`).first();
  await expect(hit).toBeVisible({ timeout: 15_000 });
  await hit.click();
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
});

test('the reader can switch between light and dark themes', async ({ page }) => {
  await page.goto('/');
  const theme = page.getByRole('combobox', { name: /theme/i }).first();
  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await theme.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
