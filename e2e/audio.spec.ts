/**
 * Real sound (project `audio`: Chromium's fake microphone plays a WAV of 1 kHz + a quieter
 * 5 kHz, see playwright.config.ts). The microphone streams frame by frame through the GPU
 * pipeline: the strongest bin reads 1 kHz, the spectrogram fills, and φ darkens the 5 kHz line
 * in the filtered half. An uploaded WAV is filtered whole for playback. Failures say why and
 * change nothing; the generator comes back when chosen.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForFrame } from './fixtures';
import { toneWav } from './tone-wav';

interface Tracked {
  tracks: MediaStreamTrack[];
}

// φ large enough that R(5 kHz at 48 kHz) ≈ 0.08 (−21 dB) while R(1 kHz) ≈ 0.7.
const URL = '/#n=256&batch=8&phi=1000';

async function start(page: Page): Promise<void> {
  await page.goto(URL);
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await waitForFrame(page);
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-workload', '8x256');
}

async function attr(page: Page, id: string, name: string): Promise<number> {
  const text = await page.getByTestId(id).getAttribute(name);
  return text === null ? Number.NaN : Number(text);
}

/** |peak − hz| in bins (NaN until a peak is known). */
async function binsFrom(page: Page, hz: number): Promise<number> {
  const peak = await attr(page, 'spectrum-peak-hz', 'data-value');
  const bin = await attr(page, 'spectrum-peak-hz', 'data-bin-hz');
  return Math.abs(peak - hz) / bin;
}

/**
 * Brightness (R+G+B) of the newest column of the waterfalls at frequencies in Hz: for each
 * [which, hz], the brightest of the five rows around it (a tone may sit on a row edge). One
 * evaluate for all, since each round trip is slow on a busy software-GPU machine.
 */
async function brightness(page: Page, points: [string, number][]): Promise<number[]> {
  return page.evaluate((points) => {
    const peak = document.querySelector('[data-testid="spectrum-peak-hz"]');
    const nyquist = Number(peak?.getAttribute('data-sample-rate')) / 2;
    return points.map(([which, hz]) => {
      const canvas = document.querySelector(`[data-testid="spectrogram-${which}"]`);
      if (!(canvas instanceof HTMLCanvasElement)) return -1;
      const ctx = canvas.getContext('2d');
      if (!ctx) return -1;
      const row = Math.round((1 - hz / nyquist) * (canvas.height - 1));
      const px = ctx.getImageData(canvas.width - 1, Math.max(0, row - 2), 1, 5).data;
      let best = 0;
      for (let i = 0; i < px.length; i += 4) {
        best = Math.max(best, (px[i] ?? 0) + (px[i + 1] ?? 0) + (px[i + 2] ?? 0));
      }
      return best;
    });
  }, points);
}

test('the microphone runs through the pipeline: 1 kHz peak, a waterfall, φ removes 5 kHz', async ({
  page,
}) => {
  // Keep the tracks the page opens, to check that leaving the microphone stops them.
  await page.addInitScript(() => {
    const media = navigator.mediaDevices;
    const open = media.getUserMedia.bind(media);
    const w = window as unknown as Tracked;
    w.tracks = [];
    media.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      w.tracks.push(...stream.getTracks());
      return stream;
    };
  });
  await start(page);
  await page.getByTestId('audio-source').selectOption('microphone');
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-source', 'microphone');
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-workload', '1x2048');
  await expect.poll(() => binsFrom(page, 1000)).toBeLessThanOrEqual(1);

  // The waterfall fills with columns from frames the pipeline filtered.
  const canvas = page.getByTestId('spectrogram-original');
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-columns')))
    .toBeGreaterThan(3);
  const [original1k = 0, quiet = 0, original5k = 0, filtered5k = 0] = await brightness(page, [
    ['original', 1000],
    ['original', 15000],
    ['original', 5000],
    ['filtered', 5000],
  ]);
  expect(original1k).toBeGreaterThan(quiet + 200);
  // 5 kHz is bright in the original and much darker once R(k) has filtered it.
  expect(original5k).toBeGreaterThan(filtered5k + 100);

  // Back to the generator: its workload runs again and the microphone is released.
  await page.getByTestId('audio-source').selectOption('generator');
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-source', 'generator');
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-workload', '8x256');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Tracked).tracks.map((t) => t.readyState)))
    .toEqual(['ended']);
});

test('an audio file is filtered whole through the engine and its frames run the pipeline', async ({
  page,
}) => {
  await start(page);
  await page.getByTestId('audio-source').selectOption('file');
  await page.getByTestId('audio-file').setInputFiles({
    name: 'tone-3k.wav',
    mimeType: 'audio/wav',
    // Long enough to still be playing when a busy machine gets to "Stop"; 8 kHz keeps it small.
    buffer: toneWav([{ hz: 3000, amplitude: 0.5 }], 12, 8000),
  });
  await expect(page.getByTestId('audio-file-info')).toContainText('tone-3k.wav');
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-workload', '1x2048');
  await expect.poll(() => binsFrom(page, 3000)).toBeLessThanOrEqual(1);
  const filtered = page.getByTestId('audio-filtered');
  await expect(filtered).toHaveAttribute('data-state', 'ready');
  expect(await attr(page, 'audio-filtered', 'data-done')).toBe(
    await attr(page, 'audio-filtered', 'data-total'),
  );

  await page.getByTestId('audio-play-filtered').click();
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-playing', 'filtered');
  await page.getByTestId('audio-stop').click();
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-playing', 'none');

  await page.getByTestId('audio-source').selectOption('generator');
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-workload', '8x256');
});

test('a refused microphone and an undecodable file say why and change nothing', async ({
  page,
}) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await start(page);
  await page.getByTestId('audio-source').selectOption('microphone');
  await expect(page.getByTestId('audio-problem')).toContainText('permission was denied');
  await expect(page.getByTestId('audio-source')).toHaveValue('generator');

  await page.getByTestId('audio-file').setInputFiles({
    name: 'broken.wav',
    mimeType: 'audio/wav',
    buffer: Buffer.from('RIFF1234WAVEjunk'),
  });
  await expect(page.getByTestId('audio-problem')).toContainText('broken.wav');
  await expect(page.getByTestId('audio-source')).toHaveValue('generator');
  await expect(page.getByTestId('audio-panel')).toHaveAttribute('data-workload', '8x256');
});
