/**
 * The Scaling tab in headless Chromium on real WebGPU: the tiny preset shows progress, can be
 * cancelled, and when run to the end shows every sweep with its ranking, the roofline, and
 * exports the report. Times are measured, never asserted.
 */
import { expect, test } from './fixtures';

test('run the tiny scaling sweeps: progress, cancel, then fits, ranking and roofline', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await page.getByTestId('tab-scaling').click();
  await page.getByTestId('scaling-preset').selectOption('tiny');

  await page.getByTestId('scaling-run').click();
  await expect(page.getByTestId('scaling-status')).toHaveText(/Measuring/);
  await page.getByTestId('scaling-cancel').click();
  await expect(page.getByTestId('scaling-status')).toHaveText(/Stopped: cancelled/, {
    timeout: 60_000,
  });

  await page.getByTestId('scaling-run').click();
  await expect(page.getByTestId('ranking-workers')).toBeVisible({ timeout: 240_000 });
  for (const id of ['workers', 'capacity', 'upload', 'readback']) {
    await expect(page.getByTestId(`ranking-${id}`).locator('tbody tr')).toHaveCount(6);
    await expect(page.getByTestId(`verdict-${id}`)).toHaveText(/Best by AICc: \S+/);
  }
  const roofline = page.getByTestId('roofline');
  for (const op of ['fft', 'resolvent', 'filter', 'wht', 'propagate'])
    await expect(roofline.locator(`tr[data-op="${op}"]`)).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByTestId('scaling-export').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('scaling.json');
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    sweeps: { id: string; fits: { models: unknown[] } }[];
  };
  expect(report.sweeps.map((s) => s.id)).toEqual(['workers', 'capacity', 'upload', 'readback']);
});
