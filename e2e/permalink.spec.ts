/**
 * The configuration lives in the URL hash and localStorage: a copied link opens the same
 * workload with the same numbers, and a plain visit restores the last session.
 */
import { expect, seqOf, relErr, SMALL, test, valueOf, waitForFrame } from './fixtures';

test('copy link, open it elsewhere, get the same workload', async ({
  page,
  context,
  browser,
  baseURL,
  pageErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? '' });
  await page.goto(`/#${SMALL}`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page);

  await page.getByTestId('phi').fill('3.5');
  await page.getByTestId('k-unit').selectOption('cycles');
  await page.getByTestId('batch').fill('4');
  await page.getByTestId('generator').selectOption('chirp');
  await expect(page).toHaveURL(/phi=3\.5/);
  await expect(page).toHaveURL(/k=cycles/);
  await expect(page).toHaveURL(/batch=4/);
  await expect(page).toHaveURL(/gen=chirp/);
  const seq = await seqOf(page);
  await waitForFrame(page, seq + 2);
  const coherence = await valueOf(page, 'metric-coherence');
  const highK = await valueOf(page, 'metric-high-k-energy');

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());

  // A fresh page in a fresh context (no localStorage): only the link carries the state.
  const otherContext = await browser.newContext();
  otherContext.on('weberror', (e) => pageErrors.push(e.error().message));
  const other = await otherContext.newPage();
  await other.goto(link);
  await expect(other.getByTestId('backend')).toHaveText('webgpu');
  await expect(other.getByTestId('phi')).toHaveValue('3.5');
  await expect(other.getByTestId('k-unit')).toHaveValue('cycles');
  await expect(other.getByTestId('batch')).toHaveValue('4');
  await expect(other.getByTestId('generator')).toHaveValue('chirp');
  await waitForFrame(other);
  expect(relErr(await valueOf(other, 'metric-coherence'), coherence)).toBeLessThan(1e-6);
  expect(relErr(await valueOf(other, 'metric-high-k-energy'), highK)).toBeLessThan(1e-6);
  await otherContext.close();

  // Same context, no hash: localStorage restores the last configuration.
  await page.goto('/');
  await expect(page.getByTestId('phi')).toHaveValue('3.5');
  await expect(page.getByTestId('k-unit')).toHaveValue('cycles');
  await expect(page).toHaveURL(/phi=3\.5/);
});
