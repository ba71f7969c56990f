/**
 * Untrusted configuration: a corrupt URL hash or localStorage is reported and replaced by
 * defaults (never a blank page), and an invalid φ typed by hand is refused.
 */
import { expect, seqOf, SMALL, test, valueOf, waitForFrame } from './fixtures';

test('a corrupt hash shows a notice and the app runs on defaults', async ({ page }) => {
  await page.goto('/#phi=banana&n=1000&batch=-3&k=parsecs&zzz=1&%E0%A4%A');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('URL hash');
  await expect(notice).toContainText(/φ must be/);
  await expect(notice).toContainText(/n must be a power of two/);
  await expect(notice).toContainText(/batch must be/);
  await expect(notice).toContainText(/k unit must be/);
  await expect(notice).toContainText(/zzz/);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  // Every field is the default one.
  await expect(page.getByTestId('phi')).toHaveValue('1.618034');
  await expect(page.getByTestId('n')).toHaveValue('1024');
  await expect(page.getByTestId('batch')).toHaveValue('64');
  await expect(page.getByTestId('k-unit')).toHaveValue('radians');
  await waitForFrame(page, 2);
  const c = await valueOf(page, 'metric-coherence');
  expect(c).toBeGreaterThan(0);
  expect(c).toBeLessThanOrEqual(1);
  // The corrupt hash is replaced by the configuration actually running (the defaults).
  expect(new URL(page.url()).hash).toBe('');
});

test('corrupt localStorage is reported and replaced by defaults', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('phi-resolvent-playground/config', '{"phi": -7, "batch": "lots", ');
  });
  await page.goto('/');
  await expect(page.getByTestId('notice')).toContainText('localStorage');
  await expect(page.getByTestId('notice')).toContainText(/JSON/);
  await expect(page.getByTestId('phi')).toHaveValue('1.618034');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page);
});

test('an invalid φ is refused and the previous value kept', async ({ page }) => {
  await page.goto(`/#${SMALL}&phi=2.5`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 2);
  const before = await valueOf(page, 'metric-coherence');
  const phi = page.getByTestId('phi');

  for (const bad of ['-1', '0', 'abc', '1e999', '']) {
    await phi.fill(bad);
    await phi.press('Enter');
    await expect(page.getByTestId('phi-error')).toContainText('φ must be');
    await expect(phi).toHaveValue('2.5');
  }
  await expect(page).toHaveURL(/phi=2\.5/);
  // The run goes on with φ = 2.5: new frames, same numbers.
  const seq = await seqOf(page);
  await waitForFrame(page, seq + 2);
  expect(await valueOf(page, 'metric-coherence')).toBe(before);

  // A valid value is accepted and clears the message.
  await phi.fill('2.6');
  await phi.press('Enter');
  await expect(page.getByTestId('phi-error')).toHaveCount(0);
  await expect(page).toHaveURL(/phi=2\.6/);
});
