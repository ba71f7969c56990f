/**
 * The live loop keeps the workload on the GPU (issue 10): with the default workload running
 * unchanged, a frame uploads at most 1 KiB (in fact nothing) and reads back exactly the shown
 * signal and the sums (one vec4 per signal and one for the batch), plus the pass's timestamps
 * when the device times passes; another shown signal comes with no upload and is that signal,
 * filtered; a change of φ uploads once, then frames are free of uploads again.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, seqOf, test, waitForFrame } from './fixtures';

async function bytes(page: Page, id: 'frame-upload-bytes' | 'frame-readback-bytes') {
  const v = await page.getByTestId(id).getAttribute('data-value');
  expect(v, `${id} has a value`).not.toBe('');
  return Number(v);
}

/** Bytes one frame should read back for the workload the form shows. */
async function oneSignalAndSums(page: Page): Promise<number> {
  const dims = await page.getByTestId('dims').inputValue();
  const n =
    dims === '1'
      ? Number(await page.getByTestId('n').inputValue())
      : Number(await page.getByTestId('ny').inputValue()) *
        Number(await page.getByTestId('nx').inputValue());
  const batch = Number(await page.getByTestId('batch').inputValue());
  expect(n * batch, `workload from the form: n ${n}, batch ${batch}`).toBeGreaterThan(0);
  // The engine asks for timestamp-query whenever the adapter offers it (request-device.ts).
  const timed = await page.evaluate(async () => {
    const adapter = await navigator.gpu.requestAdapter();
    return adapter?.features.has('timestamp-query') ?? false;
  });
  // One complex float32 signal, (batch + 1) vec4 float32 sums, two int64 timestamps.
  return n * 8 + (batch + 1) * 16 + (timed ? 16 : 0);
}

interface SignalDoc {
  index: number;
  config: { phi: number; kUnit: 'radians' | 'cycles'; kScale: number };
  original: number[];
  filtered: number[];
}

/**
 * The real signal through R(k) = 1/(1 + φ·(kScale·κ)²), by a naive DFT in float64: the oracle,
 * written out here rather than taken from the engine.
 */
function resolventOf(doc: SignalDoc): Float64Array {
  const x = doc.original;
  const n = x.length;
  const { phi, kUnit, kScale } = doc.config;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let re = 0;
    let im = 0;
    for (let t = 0; t < n; t++) {
      const a = (2 * Math.PI * k * t) / n;
      re += (x[t] ?? 0) * Math.cos(a);
      im -= (x[t] ?? 0) * Math.sin(a);
    }
    const cycles = (k <= n / 2 ? k : k - n) / n;
    const kappa = kScale * (kUnit === 'cycles' ? cycles : 2 * Math.PI * cycles);
    const r = 1 / (1 + phi * kappa * kappa);
    for (let t = 0; t < n; t++) {
      const a = (2 * Math.PI * k * t) / n;
      out[t] = (out[t] ?? 0) + (r * (re * Math.cos(a) - im * Math.sin(a))) / n;
    }
  }
  return out;
}

test('an unchanged running workload uploads ≤ 1 KiB and reads back one signal a frame', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 3);
  const expected = await oneSignalAndSums(page);
  for (let i = 0; i < 3; i++) {
    await waitForFrame(page, (await seqOf(page)) + 2);
    expect(await bytes(page, 'frame-upload-bytes')).toBeLessThanOrEqual(1024);
    expect(await bytes(page, 'frame-readback-bytes')).toBe(expected);
  }

  // Another shown signal: the next frames read it back, with no upload, and it is that signal.
  await page.getByTestId('signal-index').fill('5');
  await waitForFrame(page, (await seqOf(page)) + 3);
  expect(await bytes(page, 'frame-upload-bytes')).toBe(0);
  expect(await bytes(page, 'frame-readback-bytes')).toBe(expected);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-signal-json').click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8')) as SignalDoc;
  expect(doc.index).toBe(5);
  const want = resolventOf(doc);
  let worst = 0;
  let peak = 0;
  want.forEach((w, t) => {
    worst = Math.max(worst, Math.abs((doc.filtered[t] ?? NaN) - w));
    peak = Math.max(peak, Math.abs(w));
  });
  expect(worst / peak, 'filtered signal 5 against the float64 oracle').toBeLessThan(1e-4);

  // A new φ is a new operation on the GPU: uploaded once, then resident again.
  await page.getByTestId('phi').fill('40');
  await expect(page).toHaveURL(/phi=40/);
  await waitForFrame(page, (await seqOf(page)) + 3);
  expect(await bytes(page, 'frame-upload-bytes')).toBeLessThanOrEqual(1024);
  expect(await bytes(page, 'frame-readback-bytes')).toBe(expected);
});
