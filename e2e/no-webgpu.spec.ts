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

test('a playground notice stays on the playground; the no-WebGPU banner shows on every tab', async ({
  page,
}) => {
  // A bad field in the link: the playground's configuration notice.
  await page.goto(`/#${SMALL}&phi=abc`);
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  const notices = page.getByTestId('notice');
  const config = notices.locator('[data-notice-id="config-problems"]');
  const webgpu = notices.locator('[data-notice-id="webgpu-unavailable"]');
  await expect(config).toContainText('phi');
  await expect(webgpu).toBeVisible();
  // The CPU engine (in its worker) computes frames meanwhile.
  await waitForFrame(page, 2);

  await page.getByTestId('tab-benchmark').click();
  await expect(page.getByTestId('tab-benchmark')).toHaveAttribute('aria-selected', 'true');
  await expect(config).toHaveCount(0);
  await expect(webgpu).toBeVisible();

  // Hidden, not dismissed: back on the playground it is there again.
  await page.getByTestId('tab-playground').click();
  await expect(config).toContainText('phi');
  await expect(webgpu).toBeVisible();
});

test('without WebGPU the benchmark cannot be started, and says why', async ({ page }) => {
  await page.goto('/#bench=tiny&autorun');
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  const run = page.getByTestId('bench-run');
  await expect(run).toBeDisabled();
  const reason = page.getByTestId('bench-run-reason');
  await expect(reason).toContainText('The benchmark needs a WebGPU device');
  // The reason is tied to the button for screen readers.
  await expect(run).toHaveAttribute('aria-describedby', (await reason.getAttribute('id')) ?? '');
  // The autorun link did not start anything.
  await expect(page.getByTestId('bench-progress')).toHaveCount(0);
});
