/**
 * Launched without WebGPU (no --enable-unsafe-webgpu: the adapter is null), the app says so,
 * explains how to enable it, and keeps working on the CPU engine.
 */
import {
  expect,
  SCREENSHOT_DIR,
  SMALL,
  test,
  valueChangedFrom,
  valueOf,
  waitForFrame,
} from './fixtures';

test('without WebGPU the app runs on the CPU with a banner', async ({ page }) => {
  await page.goto(`/#${SMALL}`);
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  const banner = page.getByTestId('notice').locator('[data-notice-id="webgpu-unavailable"]');
  await expect(banner).toContainText('no GPU adapter');
  await expect(banner).toContainText('--enable-unsafe-webgpu');
  await expect(banner).toContainText('chrome://flags/#enable-unsafe-webgpu');
  await expect(banner).toContainText('Firefox');
  await expect(banner).toContainText('Safari');
  await expect(page.getByTestId('adapter-info')).toContainText('CPU engine');

  await waitForFrame(page, 2);
  const c0 = await valueOf(page, 'metric-coherence');
  expect(c0).toBeGreaterThan(0);
  expect(c0).toBeLessThanOrEqual(1);
  await page.getByTestId('phi').fill('300');
  expect(await valueChangedFrom(page, 'metric-coherence', c0)).toBeLessThan(c0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/no-webgpu-1366.png` });
});
