/**
 * Teaching (issue 14): the presets set whole configurations and the metrics follow; live mode
 * makes the high-k energy move frame by frame (and uploads each frame's batch, which the bus
 * readout shows); the tour drives the real controls step by step and fits a phone; the
 * formulas are typeset by KaTeX with its fonts allowed by the page's security policy. Three page
 * loads in all: each costs seconds of pipeline compiling on a software GPU.
 */
import type { Page } from '@playwright/test';
import { expect, SMALL, test, valueOf, waitForFrame } from './fixtures';

const PRESETS = [
  { id: 'smooth-noise', generator: 'coherent-noise', url: /snr=3/ },
  { id: 'coherent-vs-noisy', generator: 'coherent-noise', url: /sweep=true/ },
  { id: 'chirp-fade', generator: 'chirp', url: /gen=chirp/ },
  { id: 'blur-2d', generator: 'checkerboard', url: /gen=checkerboard/ },
] as const;

/**
 * `hash` '' opens the defaults (n = 1024), whose GPU pipelines the presets and the tour reuse:
 * a new n would compile new ones, which takes long on a busy software GPU.
 */
async function start(page: Page, hash = SMALL): Promise<void> {
  await page.goto(hash ? `/#${hash}` : '/');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page, 2);
}

/** The high-k energy of the frame shown now, with its sequence number. */
function highK(page: Page): Promise<{ value: string; seq: string }> {
  return page.getByTestId('metric-high-k-energy').evaluate((el) => ({
    value: el.getAttribute('data-value') ?? '',
    seq: el.getAttribute('data-seq') ?? '',
  }));
}

test('the formulas are typeset by KaTeX; each preset sets its configuration', async ({ page }) => {
  await start(page, '');

  const explainer = page.getByTestId('explainer');
  await explainer.locator('summary').click();
  await expect(explainer.locator('.katex-display')).toHaveCount(7);
  // The resolvent as the code defines it, read from KaTeX's MathML annotation of the TeX.
  await expect(page.getByTestId('formula-resolvent').locator('annotation')).toContainText(
    'R(k) = \\frac{1}{1 + \\varphi\\, q(k)}',
  );
  await expect(page.getByTestId('explainer-current')).toContainText('radians per sample');
  const fontsLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    let loaded = false;
    document.fonts.forEach((f) => {
      if (f.family.includes('KaTeX') && f.status === 'loaded') loaded = true;
    });
    return loaded;
  });
  expect(fontsLoaded).toBe(true);
  await expect(page.getByTestId('notice')).not.toContainText(/security policy/);

  let before = await valueOf(page, 'metric-coherence');
  for (const p of PRESETS) {
    const button = page.getByTestId(`preset-${p.id}`);
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('generator')).toHaveValue(p.generator);
    await expect(page).toHaveURL(p.url);
    await expect(page).toHaveURL(/live=true/);
    await expect(page.getByTestId('live-toggle')).toBeChecked();
    await expect(page.getByTestId('preset-explanation')).not.toBeEmpty();
    // A preset resets the run: until its first frame the readout is empty, which is no change.
    const coherence = page.getByTestId('metric-coherence');
    const shown = async (): Promise<number> => {
      const text = await coherence.getAttribute('data-value');
      return text ? Number(text) : before;
    };
    await expect.poll(shown).not.toBe(before);
    before = await valueOf(page, 'metric-coherence');
  }
  // Any change of a field leaves the preset: no button stays pressed.
  await page.getByTestId('phi').fill('7');
  await expect(page.locator('[data-testid^="preset-"][aria-pressed="true"]')).toHaveCount(0);
});

test('live mode renews the signals every frame, and φ sweeps', async ({ page }) => {
  await start(page);
  await page.getByTestId('live-toggle').check();
  await expect(page).toHaveURL(/live=true/);

  // Distinct high-k energies from distinct frames, over a couple of seconds of live frames.
  const values = new Set<string>();
  await expect
    .poll(
      async () => {
        values.add((await highK(page)).value);
        return values.size;
      },
      { timeout: 20_000, intervals: [100] },
    )
    .toBeGreaterThanOrEqual(4);

  // Each frame uploads its new batch (8 signals × 256 float32 at least), and the bus shows it.
  const upload = Number(await page.getByTestId('frame-upload-bytes').getAttribute('data-value'));
  expect(upload).toBeGreaterThanOrEqual(8 * 256 * 4);

  await page.getByTestId('sweep-toggle').check();
  await expect(page).toHaveURL(/sweep=true/);
  const phis = new Set<string>();
  await expect
    .poll(
      async () => {
        phis.add((await page.getByTestId('live-phi').getAttribute('data-value')) ?? '');
        return phis.size;
      },
      { timeout: 20_000, intervals: [100] },
    )
    .toBeGreaterThanOrEqual(3);

  // Live off: the same batch again, resident on the GPU, the same numbers frame after frame.
  await page.getByTestId('live-toggle').uncheck();
  await expect(page.getByTestId('sweep-toggle')).toBeDisabled();
  await expect(page.getByTestId('live-phi')).toHaveCount(0);
  await expect
    .poll(async () => {
      const a = await highK(page);
      await waitForFrame(page, Number(a.seq) + 2);
      const b = await highK(page);
      return a.value === b.value && a.seq !== b.seq;
    })
    .toBe(true);
});

test('the tour drives the controls step by step and fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await start(page, '');
  await page.getByTestId('tour-start').click();
  const tour = page.getByTestId('tour');
  await expect(tour).toBeVisible();
  await expect(page.getByTestId('tour-title')).toBeFocused();

  const steps: { title: string; check(): Promise<void> }[] = [
    {
      title: 'Sampling',
      check: async () => {
        await expect(page.getByTestId('tones')).toHaveValue('3');
        await expect(page.getByTestId('generator')).toHaveValue('coherent');
      },
    },
    { title: 'The DFT', check: () => expect(page.getByTestId('tones')).toHaveValue('5') },
    { title: 'The FFT', check: () => expect(page.getByTestId('batch')).toHaveValue('128') },
    {
      title: 'The filter',
      check: async () => {
        await expect(page.getByTestId('generator')).toHaveValue('coherent-noise');
        await expect(page.getByTestId('phi')).toHaveValue('4');
      },
    },
    {
      title: 'Energy and coherence',
      check: async () => {
        await expect(page.getByTestId('live-toggle')).toBeChecked();
        await expect(page.getByTestId('sweep-toggle')).toBeChecked();
      },
    },
    { title: 'Your turn', check: () => expect(page.getByTestId('sweep-toggle')).not.toBeChecked() },
  ];
  for (const [i, step] of steps.entries()) {
    await expect(page.getByTestId('tour-step')).toHaveAttribute('data-value', String(i));
    await expect(page.getByTestId('tour-title')).toHaveText(step.title);
    await step.check();
    await expect(page.locator('[data-tour-active]')).toHaveCount(1);
    if (i === 0) {
      // Typeset, touch-sized, and nothing to scroll sideways on a 360 px phone.
      await expect(tour.locator('.katex').first()).toBeVisible();
      for (const id of ['tour-back', 'tour-next', 'tour-close']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box?.height ?? 0, id).toBeGreaterThanOrEqual(44);
      }
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
    if (i < steps.length - 1) await page.getByTestId('tour-next').click();
  }
  await expect(page.getByTestId('tour-next')).toHaveText('Finish');

  // Back returns to the previous step (and its configuration); Esc ends the tour.
  await page.getByTestId('tour-back').click();
  await expect(page.getByTestId('tour-title')).toHaveText('Energy and coherence');
  await expect(page.getByTestId('sweep-toggle')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(tour).toHaveCount(0);
  await expect(page.locator('[data-tour-active]')).toHaveCount(0);
  await expect(page.getByTestId('tour-start')).toBeFocused();
});
