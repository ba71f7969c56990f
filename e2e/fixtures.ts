/**
 * Shared test fixtures: every test fails on an uncaught page error in any page of its context,
 * and helpers read the readouts' full-precision `data-value` numbers.
 */
import { expect, test as base, type Locator, type Page } from '@playwright/test';

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on('weberror', (e) => errors.push(`${e.error().name}: ${e.error().message}`));
      await use(errors);
      expect(errors, 'uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Where the screenshot tests leave their pictures for people to look at. */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

/** A small workload keeps every test fast on a 2-core software GPU. */
export const SMALL = 'n=256&batch=8';

export type MetricId = 'metric-high-k-energy' | 'metric-coherence' | 'metric-throughput';

export function metric(page: Page, id: MetricId): Locator {
  return page.getByTestId(id);
}

/** The readout's full-precision value; fails if the attribute is missing or not a number. */
export async function valueOf(page: Page, id: MetricId): Promise<number> {
  const text = await metric(page, id).getAttribute('data-value');
  expect(text, `${id} data-value`).toBeTruthy();
  const v = Number(text);
  expect(Number.isFinite(v), `${id} data-value ${text} is a finite number`).toBe(true);
  return v;
}

/** Waits for a published frame with sequence number ≥ `seq` from engine epoch `epoch`. */
export async function waitForFrame(page: Page, seq = 1, epoch?: number): Promise<void> {
  await expect
    .poll(async () => {
      const el = metric(page, 'metric-coherence');
      const s = Number(await el.getAttribute('data-seq'));
      const e = Number(await el.getAttribute('data-epoch'));
      return s >= seq && (epoch === undefined || e === epoch);
    })
    .toBe(true);
}

/** Current frame sequence number of the readouts. */
export async function seqOf(page: Page): Promise<number> {
  return Number(await metric(page, 'metric-coherence').getAttribute('data-seq'));
}

/** Waits until the value differs from `before`, then returns it. */
export async function valueChangedFrom(page: Page, id: MetricId, before: number): Promise<number> {
  await expect.poll(() => valueOf(page, id)).not.toBe(before);
  return valueOf(page, id);
}

export function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
}

/** R(k) = 1/(1 + φ·(kScale·κ)²), κ in cycles — written out here as the independent oracle. */
export function resolventCycles(phi: number, k: number, n: number, kScale = 1): number {
  const kappa = (kScale * k) / n;
  return 1 / (1 + phi * kappa * kappa);
}
