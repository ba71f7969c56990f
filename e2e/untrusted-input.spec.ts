/**
 * Untrusted input in the browser: imports read in a Web Worker (the page's responsiveness during
 * a large one is measured on the production build, import-responsive.prod.spec.ts), refusals
 * while reading, the benchmark history surviving an oversized import, the largest allowed
 * crossover rendering, and the bench link / hash notices. All of it runs under the app's
 * Content-Security-Policy (the dev server sends the same policy as production).
 */
import type { Page } from '@playwright/test';
import { chooseFile } from './choose-file';
import { expect, SMALL, test, waitForFrame } from './fixtures';

async function openBench(page: Page): Promise<void> {
  await page.goto('/#bench=tiny');
  await expect(page.getByTestId('bench-run')).toBeVisible();
}

async function importRun(
  page: Page,
  name: string,
  run: { id: string; crossoverPoints?: number; cases?: number; spans?: number },
): Promise<number> {
  return chooseFile(page, 'bench-import-file', name, 'application/json', { run });
}

test('a CSV import is read in a Web Worker', async ({ page }) => {
  await page.goto(`/#${SMALL}`);
  await waitForFrame(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await chooseFile(page, 'import-file', 'ramp.csv', 'text/csv', { text: 'a,b\n1,2\n3,4\n5,6\n' });
  await expect(page.getByTestId('imported')).toContainText('ramp.csv');
  expect(workers.some((u) => u.includes('import-worker'))).toBe(true);
});

test('a CSV far over the limits is refused while it is read', async ({ page }) => {
  await page.goto(`/#${SMALL}`);
  await waitForFrame(page);
  await chooseFile(page, 'import-file', 'zeros.csv', 'text/csv', {
    unit: '0\n',
    times: 12 * 2 ** 20,
  });
  await expect(page.locator('[data-notice-id="import"]')).toContainText(
    'more than 1048577 rows (counted while reading)',
  );
});

test('an oversized benchmark import leaves the stored history intact', async ({ page }) => {
  await openBench(page);
  await importRun(page, 'a.json', { id: 'kept-a' });
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(1);
  await importRun(page, 'b.json', { id: 'kept-b' });
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(2);
  // 600 cases of 1000 spans each: ~6 MB, a valid run but over the history's 4 MiB budget.
  const size = await importRun(page, 'big.json', { id: 'too-big', cases: 600, spans: 1000 });
  expect(size).toBeGreaterThan(4 * 2 ** 20);
  await expect(page.getByTestId('bench-storage-problem')).toContainText(
    /over this app's 4\.0 MiB limit.*the 2 runs kept before are still there/,
  );
  const stored = await page.evaluate(() =>
    (
      JSON.parse(localStorage.getItem('phi-resolvent.bench.history') ?? '[]') as { id: string }[]
    ).map((r) => r.id),
  );
  expect(stored).toEqual(['kept-b', 'kept-a']);
  await page.reload();
  await expect(page.getByTestId('bench-history').locator('li')).toHaveCount(2);
});

test('the largest crossover allowed renders; a 130k-point one is refused by size', async ({
  page,
}) => {
  await openBench(page);
  await importRun(page, 'x.json', { id: 'x', crossoverPoints: 4096 });
  await expect(page.getByTestId('bench-crossover')).toBeVisible();
  await expect(page.getByTestId('bench-crossover').locator('svg').first()).toBeVisible();
  await importRun(page, 'huge.json', { id: 'huge', crossoverPoints: 130_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'huge.json' })).toContainText(
    /MiB.*the limit for a benchmark run is 8 MiB|MiB of text; the limit is 8 MiB/,
  );
  await expect(page.getByTestId('bench-crossover')).toBeVisible();
});

test('an invalid #bench= link says so and starts nothing', async ({ page }) => {
  await page.goto('/#bench=turbo&autorun');
  await expect(page.getByTestId('bench-link-problem')).toContainText(
    'names the suite "turbo", which does not exist; known suites: tiny, quick, full',
  );
  await expect(page.getByTestId('bench-progress')).toHaveCount(0);
});

test('a key repeated 301 times in the hash makes one notice line', async ({ page }) => {
  await page.goto(`/#${'n=64&'.repeat(300)}n=128&batch=8`);
  const lines = page.locator('[data-notice-id="config-problems"] li');
  await expect(lines).toHaveCount(1);
  await expect(lines).toHaveText("n: 'n' appears 301 times in the URL hash; using the last");
});

test('the Content-Security-Policy holds: no inline or data: script, and violations are reported', async ({
  page,
}) => {
  const response = await page.goto(`/#${SMALL}`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  expect(csp).toMatch(/connect-src 'self'/);
  // The app works under it: WebGPU frames.
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page);
  await expect(page.locator('[data-notice-id="csp-violation"]')).toHaveCount(0);
  // Markup injection's three ways to run code: an inline script, an inline event handler
  // and a data: script. The policy blocks each one and the page says so.
  const injected = await page.evaluate(async () => {
    const w = window as unknown as Record<string, number | undefined>;
    const s = document.createElement('script');
    s.textContent = 'window.viaInline = 1';
    document.head.append(s);
    const div = document.createElement('div');
    div.setAttribute('onclick', 'window.viaHandler = 1');
    document.body.append(div);
    div.click();
    div.remove();
    const d = document.createElement('script');
    d.src = 'data:text/javascript,window.viaData=1';
    const loaded = new Promise<string>((resolve) => {
      d.onload = () => resolve('loaded');
      d.onerror = () => resolve('blocked');
    });
    document.head.append(d);
    return [w.viaInline ?? null, w.viaHandler ?? null, w.viaData ?? null, await loaded];
  });
  expect(injected).toEqual([null, null, null, 'blocked']);
  await expect(page.locator('[data-notice-id="csp-violation"]')).toContainText('script-src');
});
