/**
 * The other ways of having no WebGPU, injected into a browser that has it: no navigator.gpu
 * at all, and an adapter that refuses to create a device. Each gets its own explanation and
 * the app runs on the CPU engine.
 */
import { expect, SMALL, test, valueOf, waitForFrame } from './fixtures';

test('no navigator.gpu: a banner says so and the CPU engine runs', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true });
  });
  await page.goto(`/#${SMALL}`);
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  const banner = page.locator('[data-notice-id="webgpu-unavailable"]');
  await expect(banner).toContainText('navigator.gpu is missing');
  await expect(banner).toContainText('--enable-unsafe-webgpu');
  await waitForFrame(page, 2);
  expect(await valueOf(page, 'metric-coherence')).toBeGreaterThan(0);
});

test('a refused device: the banner gives the reason and the CPU engine runs', async ({ page }) => {
  await page.addInitScript(() => {
    GPUAdapter.prototype.requestDevice = () =>
      Promise.reject(new TypeError('device request refused by the test'));
  });
  await page.goto(`/#${SMALL}`);
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  const banner = page.locator('[data-notice-id="webgpu-unavailable"]');
  await expect(banner).toContainText('refused to create a device');
  await expect(banner).toContainText('device request refused by the test');
  await waitForFrame(page, 2);
  expect(await valueOf(page, 'metric-coherence')).toBeGreaterThan(0);
});
