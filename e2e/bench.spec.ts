/**
 * The Benchmark tab in headless Chromium on real WebGPU: a tiny suite shows progress, can be
 * cancelled, and when run to the end fills the headline, the results table, the history and the
 * targets, and gives a results link that shows the same headline in a new page without running.
 * Times are measured, never asserted.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const HEADLINE = [
  'bench-headline-copy',
  'bench-headline-gflops',
  'bench-headline-efficiency',
  'bench-headline-speedup',
] as const;

/** The headline's full-precision figures; each must be a finite number. */
async function headlineValues(page: Page): Promise<number[]> {
  await expect(page.getByTestId('bench-headline')).toBeVisible();
  const values: number[] = [];
  for (const id of HEADLINE) {
    const text = await page.getByTestId(id).getAttribute('data-value');
    const v = Number(text);
    expect(Number.isFinite(v) && v > 0, `${id} data-value ${text}`).toBe(true);
    values.push(v);
  }
  return values;
}

test('run the tiny benchmark: progress, cancel, then results', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByTestId('tab-benchmark').click();
  await page.getByTestId('bench-suite').selectOption('tiny');

  await page.getByTestId('bench-run').click();
  const progress = page.getByTestId('bench-progress');
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.getByTestId('bench-cancel').click();
  await expect(page.getByTestId('bench-status')).toHaveText(/Cancelled/, { timeout: 60_000 });
  await expect(page.getByTestId('bench-run')).toBeVisible();

  await page.getByTestId('bench-run').click();
  await expect(page.getByTestId('bench-status')).toHaveText(/Done in/, { timeout: 200_000 });
  const figures = await headlineValues(page);
  await expect(page.getByTestId('bench-headline-verdict')).toContainText('CPU emulating a GPU');
  await expect(page.getByTestId('bench-legend')).toBeVisible();
  await page.getByTestId('bench-expand-all').click();
  const rows = page.getByTestId('bench-row');
  expect(await rows.count()).toBeGreaterThan(5);
  // Every own result is verified against the float64 reference; the last column says so.
  const fftRow = rows.filter({ hasText: /^fft/ }).first();
  await expect(fftRow.locator('td').last()).toHaveText('passed');
  await expect(page.getByTestId('bench-software')).toBeVisible();
  await expect(page.getByTestId('bench-targets')).toBeVisible();
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(1);

  // The results link carries the run: a new page shows the same headline and runs nothing.
  const link = page.getByTestId('bench-results-link');
  const href = await link.getAttribute('href');
  expect(href).toMatch(/#bench=tiny&results=[A-Za-z0-9_-]+$/);
  const shared = await page.context().newPage();
  await shared.goto(href ?? '');
  await expect(shared.getByTestId('bench-shared')).toContainText('Nothing was run');
  expect(await headlineValues(shared)).toEqual(figures);
  await expect(shared.getByTestId('bench-progress')).toHaveCount(0);
  await shared.close();

  // Export the run, import it back, and compare it with itself: every ratio is 1.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('bench-export').click(),
  ]);
  const file = await download.path();
  await page.getByTestId('bench-import-file').setInputFiles(file);
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(1);
  const id = await page
    .getByTestId('bench-compare-a')
    .locator('option')
    .nth(1)
    .getAttribute('value');
  await page.getByTestId('bench-compare-a').selectOption(id ?? '');
  await page.getByTestId('bench-compare-b').selectOption(id ?? '');
  const ratios = page.getByTestId('bench-compare').locator('tbody tr td:nth-child(4)');
  expect(await ratios.count()).toBeGreaterThan(5);
  expect(new Set(await ratios.allTextContents())).toEqual(new Set(['1.00×']));
});

test('a permalink selects the suite and starts it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#bench=tiny&autorun');
  await page.getByTestId('tab-benchmark').click();
  await expect(page.getByTestId('bench-suite')).toHaveValue('tiny');
  await expect(page.getByTestId('bench-progress')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('bench-cancel').click();
  await expect(page.getByTestId('bench-status')).toHaveText(/Cancelled/, { timeout: 60_000 });
});
