/**
 * A newcomer's path: open the page, see it run on WebGPU, move φ and watch the filter curve
 * and the metrics respond in the direction the formula says they must.
 */
import { expect, seqOf, SMALL, test, valueChangedFrom, valueOf, waitForFrame } from './fixtures';

test('runs on webgpu and responds to φ', async ({ page }) => {
  await page.goto(`/#${SMALL}`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await expect(page.getByTestId('adapter-info')).toContainText('swiftshader');
  await expect(page.getByTestId('adapter-fallback')).toHaveText(/yes/);
  await waitForFrame(page, 3);
  await expect(page.getByTestId('timing-method')).not.toHaveText('—');

  // Frames keep coming while running.
  const seq0 = await seqOf(page);
  await waitForFrame(page, seq0 + 3);

  const c0 = await valueOf(page, 'metric-coherence');
  const e0 = await valueOf(page, 'metric-high-k-energy');
  const s0 = await valueOf(page, 'metric-throughput');
  expect(c0).toBeGreaterThan(0);
  expect(c0).toBeLessThanOrEqual(1);
  expect(s0).toBeGreaterThan(0);

  const rCurve = page.getByTestId('plot-spectrum').locator('.r-curve path.recharts-line-curve');
  await expect(rCurve).toHaveCount(1);
  const d0 = await rCurve.getAttribute('d');

  // A larger φ damps every k ≠ 0 mode more: less energy kept, more high-k energy removed.
  await page.getByTestId('phi').fill('400');
  const c1 = await valueChangedFrom(page, 'metric-coherence', c0);
  expect(c1).toBeLessThan(c0);
  await expect.poll(() => valueOf(page, 'metric-high-k-energy')).toBeGreaterThan(e0);
  await expect.poll(() => rCurve.getAttribute('d')).not.toBe(d0);
  await expect(page).toHaveURL(/phi=400/);

  // The logarithmic slider moves φ too: all the way down means almost no filtering.
  await page.getByTestId('phi-slider').fill('-4');
  await expect(page.getByTestId('phi')).toHaveValue('0.0001');
  await expect.poll(() => valueOf(page, 'metric-coherence')).toBeGreaterThan(c0);
  expect(await valueOf(page, 'metric-coherence')).toBeGreaterThan(0.999);

  // Pause stops frames (the loop parks); a single step computes exactly one more.
  const frameSeq = page.getByTestId('frame-seq');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(frameSeq).toHaveAttribute('data-idle', 'true');
  const paused = await seqOf(page);
  await page.getByTestId('step').click();
  await expect.poll(() => seqOf(page)).toBe(paused + 1);
  await expect(frameSeq).toHaveAttribute('data-idle', 'true');
  expect(await seqOf(page)).toBe(paused + 1);
});
