/**
 * The butterfly view on real WebGPU: the engine's radix-2 stages captured from the GPU, one
 * column per stage (log2 N + 1 of them), the input column equal to the first N samples of the
 * shown signal (generated again here from the same permalink), and the output column equal to
 * a float64 DFT computed in this test within the fp32 FFT criterion
 * max|gpu − dft| / max|dft| ≤ 2e-6 + 5e-7·log10(N). Without WebGPU the same columns come from
 * the float64 reference, within 1e-12 of that DFT.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, SMALL, test } from './fixtures';

type WorkloadsModule = typeof import('../src/workloads');
type ConfigModule = typeof import('../src/io/config');
type PermalinkModule = typeof import('../src/io/permalink');

const HASH = SMALL;

/** The first `n` samples of signal 0 of the permalink's workload, as the page generates them. */
async function firstSamples(page: Page, n: number): Promise<number[]> {
  return page.evaluate(
    async ({ hash, n, urls }) => {
      const W = (await import(/* @vite-ignore */ urls.workloads)) as WorkloadsModule;
      const C = (await import(/* @vite-ignore */ urls.config)) as ConfigModule;
      const P = (await import(/* @vite-ignore */ urls.permalink)) as PermalinkModule;
      const { config } = P.decodeHash(hash);
      return Array.from(W.generate(C.workloadOf(config)).subarray(0, n));
    },
    {
      hash: HASH,
      n,
      urls: {
        workloads: '/src/workloads/index.ts',
        config: '/src/io/config.ts',
        permalink: '/src/io/permalink.ts',
      },
    },
  );
}

/** Naive float64 DFT of real samples, written out here as the independent oracle. */
function dft(x: readonly number[]): [number, number][] {
  const n = x.length;
  return x.map((_, k) => {
    let re = 0;
    let im = 0;
    x.forEach((v, t) => {
      const a = (-2 * Math.PI * ((k * t) % n)) / n;
      re += v * Math.cos(a);
      im += v * Math.sin(a);
    });
    return [re, im];
  });
}

async function valuesOf(stage: Locator): Promise<[number, number][]> {
  const text = await stage.getAttribute('data-values');
  expect(text, 'data-values').toBeTruthy();
  return JSON.parse(text ?? '[]') as [number, number][];
}

function linfRel(got: [number, number][], want: [number, number][]): number {
  let diff = 0;
  let scale = 0;
  want.forEach(([re, im], i) => {
    const [gr, gi] = got[i] ?? [NaN, NaN];
    diff = Math.max(diff, Math.abs(gr - re), Math.abs(gi - im));
    scale = Math.max(scale, Math.abs(re), Math.abs(im));
  });
  return Number.isNaN(diff) ? Infinity : diff / scale;
}

async function checkStages(page: Page, n: number): Promise<void> {
  const view = page.getByTestId('butterfly-view');
  await expect(view).toHaveAttribute('data-n', String(n));
  await expect(view).toHaveAttribute('data-source', 'gpu');
  const stages = view.locator('[data-testid^="butterfly-stage-"]');
  const count = Math.log2(n) + 1;
  await expect(stages).toHaveCount(count);
  const x = await firstSamples(page, n);
  const input = await valuesOf(view.getByTestId('butterfly-stage-0'));
  // Real float32 samples uploaded as is: the input column is exact.
  expect(input).toEqual(x.map((v) => [v, 0]));
  const output = await valuesOf(view.getByTestId(`butterfly-stage-${count - 1}`));
  expect(output).toHaveLength(n);
  expect(linfRel(output, dft(x))).toBeLessThanOrEqual(2e-6 + 5e-7 * Math.log10(n));
}

test('butterflies from the GPU, N = 8 by default, with the CPU reference beside them', async ({
  page,
}) => {
  await page.goto(`/#${HASH}`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await checkStages(page, 8);

  // The stepper moves the highlighted stage; the panel beside it compares with the CPU.
  await page.getByTestId('butterfly-next').click();
  await expect(page.getByTestId('butterfly-stage-1')).toHaveAttribute('aria-current', 'step');
  const maxDiff = Number(await page.getByTestId('butterfly-max-diff').getAttribute('data-value'));
  expect(maxDiff).toBeGreaterThanOrEqual(0);
  expect(maxDiff).toBeLessThan(1e-4);
});

test('N = 32 on a 360 px phone: the diagram scrolls inside its box, never the page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/#${HASH}`);
  await page.getByTestId('butterfly-n').selectOption('32');
  await checkStages(page, 32);
  const view = page.getByTestId('butterfly-view');
  await view.scrollIntoViewIfNeeded();
  const box = await view.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(360);
  const widths = await page.evaluate(() => {
    const diagram = document.querySelector('.butterfly-diagram');
    return {
      page: document.documentElement.scrollWidth,
      diagramScroll: diagram?.scrollWidth ?? 0,
      diagramClient: diagram?.clientWidth ?? 0,
    };
  });
  expect(widths.page).toBeLessThanOrEqual(360);
  expect(widths.diagramScroll).toBeGreaterThan(widths.diagramClient);
  for (const id of ['butterfly-prev', 'butterfly-next']) {
    const b = await page.getByTestId(id).boundingBox();
    expect(b?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(b?.width ?? 0).toBeGreaterThanOrEqual(44);
  }
});

test('without WebGPU the view draws the float64 reference and says the capture needs WebGPU', async ({
  page,
}) => {
  // As a browser without WebGPU: no navigator.gpu at all.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined });
  });
  await page.goto(`/#${HASH}`);
  const view = page.getByTestId('butterfly-view');
  await expect(view).toHaveAttribute('data-source', 'cpu');
  await expect(view.getByRole('note')).toContainText('needs WebGPU');
  await expect(view.locator('[data-testid^="butterfly-stage-"]')).toHaveCount(4);
  const x = await firstSamples(page, 8);
  expect(await valuesOf(view.getByTestId('butterfly-stage-0'))).toEqual(x.map((v) => [v, 0]));
  // The float64 reference against the float64 DFT: rounding only.
  const output = await valuesOf(view.getByTestId('butterfly-stage-3'));
  expect(linfRel(output, dft(x))).toBeLessThan(1e-12);
});
