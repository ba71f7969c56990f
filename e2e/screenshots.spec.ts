/**
 * The main states at laptop sizes, saved as screenshots for people to look at, with checks a
 * finished page must pass: nothing wider than the window, every chart drawn, readouts on screen.
 */
import type { Page } from '@playwright/test';
import { expect, SCREENSHOT_DIR, test, waitForFrame } from './fixtures';

const DIR = SCREENSHOT_DIR;

async function checkLayout(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  // The readouts are in the first screen, without scrolling.
  const box = await page.getByTestId('metric-coherence').boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.y + box.height <= viewport.height).toBe(true);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`1D playground at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/#n=1024&batch=16&gen=coherent-noise&snr=6&phi=30');
    await expect(page.getByTestId('backend')).toHaveText('webgpu');
    await waitForFrame(page, 12);
    // Every chart has drawn its lines or bars (a flat line has no height: check its path data).
    for (const id of [
      'plot-time',
      'plot-spectrum',
      'plot-high-k',
      'plot-coherence',
      'plot-throughput',
    ]) {
      await expect(
        page.getByTestId(id).locator('path.recharts-line-curve').first(),
      ).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
    }
    await expect(
      page.getByTestId('plot-distribution').locator('.recharts-bar-rectangle').first(),
    ).toBeVisible();
    await checkLayout(page);
    await page.screenshot({ path: `${DIR}/playground-1d-${size.width}.png` });
    await page.screenshot({ path: `${DIR}/playground-1d-${size.width}-full.png`, fullPage: true });
  });
}

test('2D images side by side', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#dims=2&gen=checkerboard&ny=64&nx=64&cell=8&batch=2&phi=2000');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 2);
  const original = page.getByTestId('image-original');
  const filtered = page.getByTestId('image-filtered');
  await expect(original).toHaveAttribute('width', '64');
  await expect(filtered).toHaveAttribute('height', '64');
  // The filter blurs the edges: the filtered image has fewer distinct grey levels at 0 or 255.
  const extremes = (testId: string) =>
    page.getByTestId(testId).evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] === 0 || d[i] === 255) n++;
      return n;
    });
  expect(await extremes('image-original')).toBe(64 * 64);
  expect(await extremes('image-filtered')).toBeLessThan((64 * 64) / 2);
  await page.getByTestId('plot-time').scrollIntoViewIfNeeded();
  await checkLayout(page);
  await page.screenshot({ path: `${DIR}/playground-2d-1440.png`, fullPage: true });
});

test('a notice for a corrupt link', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/#phi=-2&n=1000&batch=8');
  await expect(page.getByTestId('notice')).toContainText('URL hash');
  await waitForFrame(page, 2);
  await page.screenshot({ path: `${DIR}/notice-corrupt-hash-1366.png` });
});
