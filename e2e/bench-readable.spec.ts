/**
 * The Benchmark tab as a reader meets it, without running anything: a results link shows the
 * headline, the grouped table and the column legend of the run it carries, fits a phone without
 * page-level horizontal scroll, and a corrupted or oversized link says why it was not loaded.
 * The run itself (run → headline → results link → new page) is in bench.spec.ts, which already
 * runs the tiny suite to the end.
 *
 * The payload here is made with Node's zlib (raw DEFLATE + base64url), independently of the
 * app's CompressionStream encoder: the link format is the standard one, not the app's private.
 */
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const BYTES = 2 * 16 * 1024 * 8;

/** A case as the benchmark writes it; the derived fields follow from the times given. */
function benchCase(over: Record<string, unknown> & { op: string; medianMs: number }) {
  const batch = (over.batch as number | undefined) ?? 16;
  const cpu = ['fftjs', 'pffft'].includes(over.op);
  return {
    device: cpu ? 'cpu' : 'gpu',
    shape: [1024],
    batch,
    bytes: BYTES,
    repeats: 4,
    spansMs: [over.medianMs * 0.9, over.medianMs, over.medianMs * 1.1],
    cv: 0.08,
    method: cpu ? 'wall' : 'timestamp',
    signalsPerSec: (batch * 1000) / over.medianMs,
    gflops: (batch * 5 * 1024 * 10) / (over.medianMs * 1e6),
    gbps: BYTES / (over.medianMs * 1e6),
    efficiency: null,
    dispatches: cpu ? null : 1,
    speedupVsFftjs: null,
    speedupVsTfjs: null,
    maxRelError: 1e-7,
    tolerance: 3.5e-6,
    verifiedSignals: 2,
    software: true,
    ...over,
  };
}

const FFT_MS = 2;
const PFFFT_MS = 0.5;
const COPY_MS = 0.25;
const RUN = {
  schemaVersion: 1,
  id: 'e2e-shared-run',
  suite: 'tiny',
  date: '2026-01-02T03:04:05.000Z',
  runtime: 'browser',
  userAgent: 'e2e',
  adapter: {
    vendor: 'google',
    architecture: 'swiftshader',
    device: '',
    description: 'SwiftShader',
    isFallbackAdapter: true,
    software: true,
    limits: { maxComputeWorkgroupStorageSize: 16384 },
    features: ['timestamp-query'],
  },
  timingMethod: 'timestamp',
  cases: [
    benchCase({
      op: 'fft',
      medianMs: FFT_MS,
      variant: 'stages',
      efficiency: COPY_MS / FFT_MS,
      efficiencySpread: 0.04,
    }),
    benchCase({ op: 'pffft', medianMs: PFFFT_MS, cv: 0.02 }),
    // A peer that failed verification: named in the headline, no ratio anywhere.
    benchCase({ op: 'fftjs', medianMs: 0.1, maxRelError: 1e-3 }),
    benchCase({ op: 'copy', medianMs: COPY_MS, shape: [16384], batch: 1, cv: 0.03, gflops: null }),
  ],
  crossovers: [],
  skipped: [],
  targets: { tfjsSpeedupAt1024: null, fusedSpeedup: [] },
  wallMs: 1000,
};

const payload = deflateRawSync(JSON.stringify(RUN)).toString('base64url');

async function valueOf(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).getAttribute('data-value');
  const v = Number(text);
  expect(Number.isFinite(v), `${testId} data-value ${text} is finite`).toBe(true);
  return v;
}

/** The page itself does not scroll sideways (a table may, inside its own box). */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

test('a results link shows the run it carries without running it, and fits a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/#bench=tiny&results=${payload}`);
  await expect(page.getByTestId('bench-shared')).toContainText('Nothing was run');
  const headline = page.getByTestId('bench-headline');
  await expect(headline).toBeVisible();

  // The figures are those of the run in the link.
  expect(await valueOf(page, 'bench-headline-copy')).toBeCloseTo(BYTES / (COPY_MS * 1e6), 12);
  expect(await valueOf(page, 'bench-headline-gflops')).toBeCloseTo(
    (16 * 5 * 1024 * 10) / (FFT_MS * 1e6),
    12,
  );
  expect(await valueOf(page, 'bench-headline-efficiency')).toBeCloseTo(COPY_MS / FFT_MS, 12);
  expect(await valueOf(page, 'bench-headline-speedup')).toBeCloseTo(PFFFT_MS / FFT_MS, 12);
  await expect(page.getByTestId('bench-headline-speedup')).toContainText('4.00× slower');
  await expect(page.getByTestId('bench-headline-speedup')).toContainText('PFFFT on one thread');
  await expect(page.getByTestId('bench-headline-verdict')).toContainText(
    'These numbers measure a CPU emulating a GPU',
  );
  await expect(page.getByTestId('bench-headline-failed-peers')).toContainText(
    'fft.js on one thread: peer failed accuracy: 1.00e-3 (tolerance 3.50e-6)',
  );

  // Every column is explained in words on the page, not only on hover.
  const legend = page.getByTestId('bench-legend');
  await expect(legend.locator('dt')).toHaveCount(
    await page.getByTestId('bench-results').locator('thead th').count(),
  );
  await expect(legend).toContainText('passed: the error is within the tolerance');

  // The page offers its own link to the run; the copy button puts exactly that on the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const href = await page.getByTestId('bench-results-link').getAttribute('href');
  expect(href).toMatch(/#bench=tiny&results=[A-Za-z0-9_-]+$/);
  await page.getByTestId('bench-copy-results-link').click();
  await expect(page.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);

  // Nothing ran: no progress, and the run button is there to measure this browser.
  await expect(page.getByTestId('bench-progress')).toHaveCount(0);
  await expect(page.getByTestId('bench-run')).toBeEnabled();

  // Grouped rows: the own FFT is open, the CPU libraries are one closed line until opened.
  const rows = page.getByTestId('bench-row');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('bench-group-cpu').click();
  await expect(rows).toHaveCount(3);
  const fftjsRow = rows.filter({ hasText: /^fftjs/ });
  await expect(fftjsRow.locator('td').last()).toHaveText('failed');
  await page.getByTestId('bench-expand-all').click();
  await expect(rows).toHaveCount(RUN.cases.length);

  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});

test('a corrupted or oversized results link says why it was not loaded', async ({ page }) => {
  const half = payload.slice(0, Math.floor(payload.length / 2));
  await page.goto(`/#bench=tiny&results=${half}`);
  const problem = page.getByTestId('bench-link-problem');
  await expect(problem).toContainText('This results link was not loaded: it is corrupt');
  await expect(page.getByTestId('bench-headline')).toHaveCount(0);
  await expect(page.getByTestId('bench-progress')).toHaveCount(0);

  // Pasted into the address bar of the open tab: read again, refused before decoding.
  await page.evaluate(() => {
    location.hash = `bench=tiny&results=${'A'.repeat(64 * 1024 + 1)}`;
  });
  await expect(problem).toContainText('over the limit of 64.0 K');
  await expect(page.getByTestId('bench-headline')).toHaveCount(0);
});
