/**
 * Untrusted input in the browser: imports read in a Web Worker with the page answering
 * throughout, cancel, the benchmark history surviving an oversized import, the largest allowed
 * crossover rendering, and the bench link / hash notices. All of it runs under the app's
 * Content-Security-Policy (the dev server sends the same policy as production).
 */
import type { Page } from '@playwright/test';
import { expect, SMALL, test, waitForFrame } from './fixtures';

type Content =
  | { text: string }
  /** `unit` repeated `times` times, built in the page (sending megabytes over CDP is slow). */
  | { unit: string; times: number }
  /** A valid run from the app's own sample (the dev server serves src/), changed as asked. */
  | { run: { id: string; crossoverPoints?: number; cases?: number; spans?: number } };

/**
 * Puts a file made in the page into a file input and fires its change event, as choosing the
 * file would. Returns the file's size.
 */
async function chooseFile(
  page: Page,
  testId: string,
  name: string,
  type: string,
  content: Content,
): Promise<number> {
  return page.evaluate(
    async ({ testId, name, type, content }) => {
      let text: string | string[];
      if ('text' in content) text = content.text;
      else if ('unit' in content) {
        // Parts of at most 1024 units, the same string repeated: the blob holds the bytes and
        // the page's heap only a few kB, so no garbage of the test's is collected on the main
        // thread while the import it measures runs.
        const block = Math.min(1024, content.times);
        const part = content.unit.repeat(block);
        text = Array.from<string>({ length: Math.floor(content.times / block) }).fill(part);
        text.push(content.unit.repeat(content.times % block));
      } else {
        const c = content.run;
        const url = '/src/bench/testing/sample-run.ts';
        const mod = (await import(/* @vite-ignore */ url)) as {
          sampleRun(scale?: number): Record<string, unknown> & { cases: Record<string, unknown>[] };
        };
        const run = mod.sampleRun(1);
        run.id = c.id;
        if (c.cases) {
          const base = run.cases[0] ?? {};
          const spansMs = Array.from({ length: c.spans ?? 2 }, (_, i) => 1.000001 + i * 1e-6);
          run.cases = Array.from({ length: c.cases }, (_, i) => ({
            ...base,
            batch: i + 1,
            spansMs,
          }));
        }
        if (c.crossoverPoints) {
          const points = Array.from({ length: c.crossoverPoints }, (_, i) => ({
            batch: i + 1,
            gpuMs: 1 + 1 / (i + 1),
            gpuRoundTripMs: 2,
            cpuMs: 0.01 * (i + 1),
            maxRelError: 1e-7,
          }));
          run.crossovers = [{ shape: [1024], points, batch: 100, batchRoundTrip: 200 }];
        }
        text = JSON.stringify(run);
      }
      const file = new File(typeof text === 'string' ? [text] : text, name, { type });
      const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no input ${testId}`);
      const list = new DataTransfer();
      list.items.add(file);
      input.files = list.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return file.size;
    },
    { testId, name, type, content },
  );
}

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

test('the page answers clicks during a large import, and Cancel stops another', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`/#${SMALL}`);
  await waitForFrame(page);
  await page.getByTestId('run-toggle').click(); // pause the live loop: measure the import only
  // 8 columns × 1M rows = 8M values, 40 MiB: under every limit, seconds of reading and parsing.
  const row = '0.123,0.456,0.789,0.012,0.345,0.678,0.901,0.234\n';
  const big = { unit: row, times: 2 ** 20 - 1 };
  const size = await chooseFile(page, 'import-file', 'big.csv', 'text/csv', big);
  expect(size).toBeGreaterThan(40 * 2 ** 20);
  // A probe of the main thread: the longest gap between 10 ms timer ticks from the moment the
  // file is chosen until the import's progress bar goes away. What the app does with 8M new samples after
  // that (the first frame on them, the plots) is not the import's work and is not counted.
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; stopProbe: () => void };
    w.maxGap = 0;
    let last = performance.now();
    const id = setInterval(() => {
      const now = performance.now();
      w.maxGap = Math.max(w.maxGap, now - last);
      last = now;
    }, 10);
    const progress = '[data-testid="import-progress"]';
    let seen = document.querySelector(progress) !== null;
    const watch = new MutationObserver(() => {
      const shown = document.querySelector(progress) !== null;
      if (seen && !shown) w.stopProbe();
      seen ||= shown;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    w.stopProbe = () => {
      clearInterval(id);
      watch.disconnect();
    };
  });
  await expect(page.getByTestId('imported')).toContainText('big.csv', { timeout: 120_000 });
  const maxGap = await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; stopProbe: () => void };
    w.stopProbe();
    return w.maxGap;
  });
  // Parsing in the page would freeze it for seconds (the whole-text parser took 11 s on 50 MiB).
  // The bound is looser than the 100 ms the page aims for: on the 2-core CI machine the worker's
  // parse, the software GPU and the page share two cores, and this probe measured 58–464 ms
  // across runs; a CPU profile put the import's own main-thread work (progress renders, the
  // result message) under 100 ms in all.
  console.log(`longest main-thread gap during the import: ${maxGap.toFixed(0)} ms`);
  expect(maxGap).toBeLessThan(750);

  // A second large import, cancelled while it runs: the first one's data stays.
  await chooseFile(page, 'import-file', 'again.csv', 'text/csv', big);
  await page.getByTestId('import-cancel').click();
  await expect(page.locator('[data-notice-id="import"]')).toContainText('cancelled');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.getByTestId('imported')).toContainText('big.csv');
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
