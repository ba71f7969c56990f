/**
 * Importing data: a CSV of a known signal gives the coherence the formula predicts, and bad
 * files are refused with a message naming the file and the problem, changing nothing else.
 */
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import {
  expect,
  relErr,
  seqOf,
  resolventCycles,
  SMALL,
  test,
  valueOf,
  waitForFrame,
} from './fixtures';

const N = 256;

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

function cosineRow(k0: number): string {
  const row: string[] = [];
  for (let i = 0; i < N; i++) row.push(Math.cos((2 * Math.PI * k0 * i) / N).toFixed(9));
  return row.join(',');
}

test('a pure cosine at bin k0 has coherence R(k0)', async ({ page }) => {
  const phi = 1000;
  // κ in cycles, as `resolventCycles` writes R(k) (the playground's default unit is radians).
  await page.goto(`/#${SMALL}&phi=${phi}&k=cycles`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page);

  const k0 = 12;
  await page.getByTestId('import-file').setInputFiles({
    name: 'cosine-k12.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${cosineRow(k0)}\n`),
  });
  await expect(page.getByTestId('imported')).toContainText('cosine-k12.csv');
  // A real cosine puts its energy at bins k0 and N − k0, both at |κ| = k0/N cycles.
  const expected = resolventCycles(phi, k0, N);
  expect(expected).toBeLessThan(0.5); // the test must be able to tell R(k0) from "no filter"
  await expect
    .poll(async () => relErr(await valueOf(page, 'metric-coherence'), expected))
    .toBeLessThan(1e-4);

  // Export the shown signal (original and filtered columns) and import it back. The filtered
  // column is R(k0)·cosine, so the energy-weighted batch coherence is still R(k0).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-signal-csv').click(),
  ]);
  const exported = await readDownload(download);
  expect(exported.split('\n')[0]).toBe('signal_0,signal_1');
  await page.getByTestId('import-file').setInputFiles({
    name: 'exported.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(exported),
  });
  await expect(page.getByTestId('imported')).toContainText('exported.csv');
  await expect(page.getByTestId('imported')).toContainText('2 signals');
  await expect
    .poll(async () => relErr(await valueOf(page, 'metric-coherence'), expected))
    .toBeLessThan(1e-4);

  // The metrics history exports as CSV with one row per plotted point.
  const [metrics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-metrics-csv').click(),
  ]);
  const lines = (await readDownload(metrics)).trim().split('\n');
  expect(lines[0]).toBe('t,frame,highKEnergy,highKFraction,coherence,signalsPerSec,gflops,gbps');
  expect(lines.length).toBeGreaterThan(1);
  const last = (lines.at(-1) ?? '').split(',').map(Number);
  expect(last.every(Number.isFinite)).toBe(true);

  // Two signals of equal energy: the batch coherence is the mean of their R(k0).
  const k1 = 3;
  await page.getByTestId('import-file').setInputFiles({
    name: 'two-cosines.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${cosineRow(k0)}\n${cosineRow(k1)}\n`),
  });
  await expect(page.getByTestId('imported')).toContainText('two-cosines.csv');
  const mean = (resolventCycles(phi, k0, N) + resolventCycles(phi, k1, N)) / 2;
  await expect
    .poll(async () => relErr(await valueOf(page, 'metric-coherence'), mean))
    .toBeLessThan(1e-4);
});

test('bad files are refused, naming the file and the problem', async ({ page }) => {
  await page.goto(`/#${SMALL}`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 2);
  const before = await valueOf(page, 'metric-coherence');
  const notice = page.getByTestId('notice');

  const bad: { name: string; body: string; problem: RegExp }[] = [
    { name: 'empty.csv', body: '', problem: /empty|no samples|no data/i },
    { name: 'nan.csv', body: '1,2,NaN,4\n', problem: /NaN/ },
    { name: 'inf.json', body: '[1, 2, 1e999]', problem: /Infinity|finite/i },
    { name: 'broken.json', body: '[1, 2,', problem: /JSON|malformed|parse/i },
    { name: 'noise.wav', body: 'RIFF1234WAVEjunk', problem: /WAV|RIFF|chunk|header/i },
  ];
  for (const file of bad) {
    await page.getByTestId('import-file').setInputFiles({
      name: file.name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(file.body),
    });
    const banner = notice.locator('[data-notice-id="import"]');
    await expect(banner).toContainText(file.name);
    await expect(banner).toContainText(file.problem);
  }
  // Nothing else changed: still the generator, still the same numbers.
  await expect(page.getByTestId('imported')).toHaveCount(0);
  const seq = await seqOf(page);
  await waitForFrame(page, seq + 1);
  expect(await valueOf(page, 'metric-coherence')).toBe(before);
});

test('an image imports as one 2D signal, shown side by side with its filtered version', async ({
  page,
}) => {
  await page.goto(`/#${SMALL}`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page);
  // A PNG of the page's own header: 64 × 32 pixels, both powers of two.
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 64, height: 32 } });
  await page.getByTestId('import-file').setInputFiles({
    name: 'header.png',
    mimeType: 'image/png',
    buffer: png,
  });
  await expect(page.getByTestId('imported')).toContainText('header.png');
  await expect(page.getByTestId('imported')).toContainText('(image)');
  await expect(page.getByTestId('imported')).toContainText('[32 × 64]');
  await expect(page.getByTestId('image-original')).toHaveAttribute('width', '64');
  await expect(page.getByTestId('image-filtered')).toHaveAttribute('height', '32');
  const c = await valueOf(page, 'metric-coherence');
  expect(c).toBeGreaterThan(0);
  expect(c).toBeLessThanOrEqual(1);

  // Back to the generator: the 1D workload of the link runs again.
  await page.getByTestId('use-generator').click();
  await expect(page.getByTestId('imported')).toHaveCount(0);
  await expect(page.getByTestId('image-original')).toHaveCount(0);
});
