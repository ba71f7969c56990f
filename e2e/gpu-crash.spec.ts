/**
 * A GPU process crash loses the device: the app shows a banner, re-acquires adapter and
 * device, rebuilds its pipelines and resumes with the same numbers.
 */
import { expect, seqOf, relErr, SMALL, test, valueOf, waitForFrame } from './fixtures';

test('recovers from a GPU process crash with the same numbers', async ({ page, browser }) => {
  await page.goto(`/#${SMALL}&gen=coherent-noise&phi=40`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-epoch', '1');
  await waitForFrame(page, 3, 1);
  const coherence = await valueOf(page, 'metric-coherence');
  const highK = await valueOf(page, 'metric-high-k-energy');

  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.crashGpuProcess');

  const banner = page.getByTestId('notice').locator('[data-notice-id="device-lost"]');
  // The banner says "lost, re-acquiring…" and then, once a new device runs, "recovered".
  await expect(banner).toContainText('Recovered from a GPU device loss');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-epoch', '2');
  await waitForFrame(page, 1, 2);
  const seq = await seqOf(page);
  await waitForFrame(page, seq + 2, 2);
  expect(relErr(await valueOf(page, 'metric-coherence'), coherence)).toBeLessThan(1e-5);
  expect(relErr(await valueOf(page, 'metric-high-k-energy'), highK)).toBeLessThan(1e-5);
  await cdp.detach();
});
