/**
 * A configuration the GPU rejects (here: buffers over maxBufferSize, injected by inflating
 * large buffer requests) is reported with the device's own message, and the last good
 * configuration keeps running with the same numbers.
 */
import { expect, relErr, seqOf, test, valueOf, waitForFrame } from './fixtures';

test('a validation error keeps the last good configuration running', async ({ page }) => {
  await page.addInitScript(() => {
    const createBuffer = GPUDevice.prototype.createBuffer;
    GPUDevice.prototype.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
      // Buffers of more than 1 MiB ask for 2^40 bytes instead: a validation error.
      const size = descriptor.size > 2 ** 20 ? 2 ** 40 : descriptor.size;
      return createBuffer.call(this, { ...descriptor, size });
    };
  });
  await page.goto(`/#n=1024&batch=8`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 2);
  const coherence = await valueOf(page, 'metric-coherence');

  // 1024 signals of 1024 samples need 8 MiB buffers.
  await page.getByTestId('batch').fill('1024');
  const banner = page.locator('[data-notice-id="limit"]');
  await expect(banner).toContainText('the last good configuration keeps running');
  await expect(banner).toContainText(/validation error/i);
  await expect(banner).toContainText(/maxBufferSize|max buffer size/i);
  await expect(page.getByTestId('batch')).toHaveValue('8');
  await expect(page).not.toHaveURL(/batch=1024/);
  const seq = await seqOf(page);
  await waitForFrame(page, seq + 2);
  expect(relErr(await valueOf(page, 'metric-coherence'), coherence)).toBeLessThan(1e-6);
});
