/**
 * The playground on a phone and on a laptop: no sideways scrolling, readouts and the first two
 * plots on the phone's first screen, finger-sized controls, and axes that mean something (a
 * coherence axis that stops at 1, a dB axis that stops above round-off, histogram labels that
 * differ, an impulse that is in view). Screenshots go to SCREENSHOT_DIR for people to look at.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, SCREENSHOT_DIR, test, waitForFrame } from './fixtures';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

async function numberAttr(locator: Locator, name: string): Promise<number> {
  const text = await locator.getAttribute(name);
  expect(text, `${name} is set`).toBeTruthy();
  const value = Number(text);
  expect(Number.isFinite(value), `${name} = ${text} is a number`).toBe(true);
  return value;
}

/** The numbers printed under one axis of a chart. */
async function tickValues(plot: Locator, axis: 'xAxis' | 'yAxis'): Promise<string[]> {
  // recharts 3 draws tick labels in a layer of their own, apart from the axis line.
  return plot
    .locator(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`)
    .allTextContents();
}

test('phone: one column, readouts and the first two plots first, 44 px targets', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto('/#n=1024&batch=4&gen=coherent-noise&snr=6');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 2);
  await expect(page.getByTestId('plot-spectrum').locator('.r-curve path')).toHaveCount(1);

  expect(await horizontalOverflow(page), 'horizontal overflow in px').toBeLessThanOrEqual(0);

  // The first screen: the whole readout card and time-domain card, and the spectrum's chart.
  const fold = PHONE.height;
  const metrics = await page.getByRole('region', { name: 'Current frame' }).boundingBox();
  const time = await page.getByTestId('plot-time').boundingBox();
  const spectrumChart = await page.getByTestId('plot-spectrum').locator('.chart-box').boundingBox();
  const workload = await page.getByRole('heading', { name: 'Workload' }).boundingBox();
  expect(metrics && metrics.y + metrics.height).toBeLessThanOrEqual(fold);
  expect(time && time.y + time.height).toBeLessThanOrEqual(fold);
  expect(spectrumChart?.y).toBeLessThan(fold);
  // The controls come after the two plots in the one column.
  expect(workload?.y).toBeGreaterThan(spectrumChart?.y ?? Infinity);

  // Every visible control in the playground, and the tabs, can be hit with a finger.
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.playground :is(button, input, select), .tabs button'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      })
      .map((el) => ({
        what: `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} ${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20) ?? ''}`,
        height: Math.round(el.getBoundingClientRect().height * 10) / 10,
      }))
      .filter((c) => c.height < 44),
  );
  expect(small, 'controls under 44 px tall').toEqual([]);

  // The readouts: batch high-k energy, and its share of the energy in [0, 1].
  const share = await numberAttr(page.getByTestId('metric-highk-fraction'), 'data-value');
  expect(share).toBeGreaterThanOrEqual(0);
  expect(share).toBeLessThanOrEqual(1);
  const highK = await numberAttr(page.getByTestId('metric-highk'), 'data-value');
  expect(highK).toBeGreaterThan(0);
  expect(highK).toBe(await numberAttr(page.getByTestId('metric-high-k-energy'), 'data-value'));

  await page.screenshot({ path: `${SCREENSHOT_DIR}/responsive-phone-390.png` });

  // The lesson folds behind "Why?" on a phone and opens on a tap.
  const timeCard = page.getByTestId('plot-time');
  await expect(timeCard.locator('.lesson')).toBeHidden();
  await timeCard.getByRole('button', { name: 'Why?' }).click();
  await expect(timeCard.locator('.lesson')).toBeVisible();
});

test('laptop: two columns, axes inside their meaning', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  // A weak filter: coherence near 1, where an automatic axis ran to 1.1.
  await page.goto('/#n=512&batch=16&gen=coherent-noise&snr=6&phi=0.01');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 3);
  expect(await horizontalOverflow(page), 'horizontal overflow in px').toBeLessThanOrEqual(0);

  const coherence = page.getByTestId('plot-coherence');
  await coherence.scrollIntoViewIfNeeded();
  await expect(coherence.locator('path.recharts-line-curve')).toHaveAttribute('d', /^M[\d.]+,/);
  expect(await numberAttr(coherence, 'data-y-max')).toBeLessThanOrEqual(1);
  const cTicks = (await tickValues(coherence, 'yAxis')).map(Number);
  expect(cTicks.length).toBeGreaterThan(1);
  expect(Math.max(...cTicks)).toBeLessThanOrEqual(1);
  expect(Math.min(...cTicks)).toBeGreaterThanOrEqual(0);

  // The high-k plot shows the share by default (an axis inside [0, 1]) and E_hk on request.
  const highK = page.getByTestId('plot-high-k');
  await expect(highK).toHaveAttribute('data-units', 'fraction');
  expect(await numberAttr(highK, 'data-y-max')).toBeLessThanOrEqual(1);
  await highK.getByTestId('high-k-absolute').click();
  await expect(highK).toHaveAttribute('data-units', 'absolute');

  // Histogram labels tell neighbouring bars apart.
  const distribution = page.getByTestId('plot-distribution');
  await expect(distribution.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const labels = await tickValues(distribution, 'xAxis');
  expect(labels.length).toBeGreaterThan(1);
  expect(new Set(labels).size).toBe(labels.length);

  // The dB axis stops a stated range below the peak instead of following round-off down.
  const spectrum = page.getByTestId('plot-spectrum');
  await expect(spectrum.locator('.rx-curve path.recharts-line-curve')).toHaveCount(1);
  const top = await numberAttr(spectrum, 'data-y-max');
  const floor = await numberAttr(spectrum, 'data-y-min');
  expect(top - floor).toBeLessThanOrEqual(120);
  const dbTicks = (await tickValues(spectrum, 'yAxis')).map(Number).filter(Number.isFinite);
  expect(Math.min(...dbTicks)).toBeGreaterThanOrEqual(floor);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/responsive-laptop-1440.png` });
});

test('impulse: the spike is in the time-domain window, which zooms and pans', async ({ page }) => {
  const n = 8192;
  await page.setViewportSize(LAPTOP);
  await page.goto(`/#gen=impulse&n=${n}&batch=1&seed=7`);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 2);

  // Where the spike is, read from the exported samples rather than from the plot.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-signal-json').click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8')) as { original: number[] };
  expect(doc.original).toHaveLength(n);
  const spike = doc.original.indexOf(Math.max(...doc.original));
  expect(doc.original[spike]).toBe(1);

  const time = page.getByTestId('plot-time');
  const inWindow = async (): Promise<boolean> =>
    (await numberAttr(time, 'data-x-min')) <= spike &&
    spike <= (await numberAttr(time, 'data-x-max'));
  expect(await inWindow()).toBe(true);
  expect(await numberAttr(time, 'data-peak')).toBe(spike);
  // The spike's height is inside the value axis, not clipped above it.
  expect(await numberAttr(time, 'data-y-max')).toBeGreaterThanOrEqual(1);

  // Zooming in keeps the spike at the centre; the slider pans by keyboard to the end.
  const before = (await numberAttr(time, 'data-x-max')) - (await numberAttr(time, 'data-x-min'));
  await time.getByRole('button', { name: 'Zoom in' }).click();
  await expect
    .poll(
      async () => (await numberAttr(time, 'data-x-max')) - (await numberAttr(time, 'data-x-min')),
    )
    .toBeLessThan(before);
  expect(await inWindow()).toBe(true);
  await time.getByTestId('time-window-slider').press('End');
  await expect(time).toHaveAttribute('data-x-max', String(n - 1));
  await time.getByRole('button', { name: 'Peak' }).click();
  await expect.poll(inWindow).toBe(true);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/responsive-impulse-1440.png` });
});
