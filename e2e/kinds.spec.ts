/**
 * The two kinds beside the φ-resolvent, picked from the page: the Walsh–Hadamard view draws both
 * spectra and counts one Walsh coefficient for an aligned square wave; the wave packet's time
 * advances by steps·dt per frame, pauses, steps and resets; a link with a bad dt says so. Each
 * test leaves screenshots at a laptop and a phone size.
 */
import type { Page } from '@playwright/test';
import { expect, SCREENSHOT_DIR, test } from './fixtures';

const drawn = /^M[\d.-]+,[\d.-]+L/;

/** Pauses (the pictures then show one frame, and the CPU is free to take them), then shoots. */
async function shoot(page: Page, name: string): Promise<void> {
  const toggle = page.getByTestId('run-toggle');
  if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
  await expect(page.getByTestId('frame-seq')).toHaveAttribute('data-idle', 'true');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-1440.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  // The charts follow the new width through a ResizeObserver, a frame or two later: wait for the
  // layout to settle, then there must be nothing to scroll sideways.
  await expect
    .poll(
      () =>
        page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      { message: 'horizontal overflow at 390 px', timeout: 5_000 },
    )
    .toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-390.png` });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-390-full.png`, fullPage: true });
}

function attr(page: Page, testId: string, name: string): Promise<number> {
  return page
    .getByTestId(testId)
    .getAttribute(name)
    .then((v) => Number(v));
}

/** The readout's value and the frame it came from, read together (frames keep arriving). */
function reading(page: Page, testId: string): Promise<{ value: number; seq: number }> {
  return page.getByTestId(testId).evaluate((el) => ({
    value: Number(el.getAttribute('data-value')),
    seq: Number(el.getAttribute('data-seq')),
  }));
}

test('Walsh–Hadamard kind: one Walsh coefficient for a square wave, two Fourier ones for a sine', async ({
  page,
}) => {
  await page.goto('/#n=256&batch=4&tones=1');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await page.getByTestId('kind').selectOption('walsh');
  await expect(page).toHaveURL(/kind=walsh/);
  await expect(page.getByTestId('generator')).toHaveValue('square-aligned');
  await expect(page.getByTestId('metric-walsh-count')).toHaveAttribute('data-value', '1');
  expect(await attr(page, 'metric-fourier-count', 'data-value')).toBeGreaterThan(8);
  for (const id of ['spectrum-walsh', 'spectrum-fourier', 'plot-walsh-signal']) {
    await expect(page.getByTestId(id).locator('path.recharts-line-curve').first()).toHaveAttribute(
      'd',
      drawn,
    );
  }
  await shoot(page, 'walsh');

  // A sine of 8 whole cycles (f₀ = 1/32 on 256 samples): the other way round. While paused, a
  // change still computes one frame.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('generator').selectOption('coherent');
  await expect(page.getByTestId('metric-fourier-count')).toHaveAttribute('data-value', '2');
  expect(await attr(page, 'metric-walsh-count', 'data-value')).toBeGreaterThan(4);
});

test('quantum kind: time advances by steps·dt, pause and step, reset to t = 0', async ({
  page,
}) => {
  await page.goto('/#n=256&batch=4&steps=10');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await page.getByTestId('kind').selectOption('quantum');
  await expect(page).toHaveURL(/kind=quantum/);
  const time = page.getByTestId('quantum-time');
  await expect.poll(() => attr(page, 'quantum-time', 'data-value')).toBeGreaterThan(0.2);
  // Frame k shows t = k·10·0.004, the packet carried over from frame to frame.
  const { value, seq } = await reading(page, 'quantum-time');
  expect(value).toBeCloseTo(seq * 0.04, 9);
  expect(Math.abs((await attr(page, 'quantum-norm', 'data-value')) - 1)).toBeLessThan(1e-3);
  const transmission = await attr(page, 'quantum-transmission', 'data-value');
  expect(transmission).toBeGreaterThanOrEqual(0);
  for (const id of ['plot-packet', 'plot-norm-energy', 'plot-momentum']) {
    await expect(page.getByTestId(id).locator('path.recharts-line-curve').first()).toHaveAttribute(
      'd',
      drawn,
    );
  }

  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('frame-seq')).toHaveAttribute('data-idle', 'true');
  const paused = await attr(page, 'quantum-time', 'data-value');
  await page.getByTestId('step').click();
  await expect.poll(() => attr(page, 'quantum-time', 'data-value')).toBeCloseTo(paused + 0.04, 9);
  await page.getByTestId('reset').click();
  await expect(time).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('frame-seq')).toHaveAttribute('data-idle', 'true');
  await page.getByTestId('run-toggle').click();
  await expect.poll(() => attr(page, 'quantum-time', 'data-value')).toBeGreaterThan(0.1);
  await shoot(page, 'quantum-1d');
});

test('quantum kind in 2D: the double slit draws |ψ|² and |φ(k)|² as images', async ({ page }) => {
  await page.goto(
    '/#kind=quantum&dims=2&ny=64&nx=64&dx=0.2&pot=double-slit&x0=-3&k0=5&psigma=1&steps=20',
  );
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await expect(page.getByTestId('image-density')).toHaveAttribute('width', '64');
  await expect(page.getByTestId('image-momentum')).toHaveAttribute('height', '64');
  await expect.poll(() => attr(page, 'quantum-time', 'data-value')).toBeGreaterThan(0.3);
  await shoot(page, 'quantum-2d');
});

test('a link with an out-of-range dt names dt and runs on the default', async ({ page }) => {
  await page.goto('/#kind=quantum&n=256&dt=5');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('URL hash');
  await expect(notice).toContainText('dt must be a finite time step > 0 and at most 1; got "5"');
  await expect(page.getByTestId('dt')).toHaveValue('0.004');
  await expect.poll(() => attr(page, 'quantum-time', 'data-value')).toBeGreaterThan(0);
  expect(new URL(page.url()).hash).not.toContain('dt=');
});
