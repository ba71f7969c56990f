/**
 * Production build: a large CSV import (8M values, 48 MiB) is read and parsed in a Web Worker
 * while the page keeps answering, and Cancel stops a second one with the first one's data kept.
 *
 * Measured from the moment the file is chosen until the import's progress bar goes away (the
 * data has reached the page and the summary is drawn): the longest gap between 10 ms timer ticks
 * and the long tasks (over 50 ms) the browser reports. The first frame computed on the 8M
 * samples comes after that (the run loop paints before it computes) and is reported, not
 * asserted: it is the engine's work on the data, not the import's.
 */
import { chooseFile, chooseMadeFile, makeFile } from './choose-file';
import { expect, SMALL, test, waitForFrame } from './fixtures';
import { mainThreadSince, pageNow, recordMainThread } from './main-thread';

type ProbeWindow = Window & {
  probe: { maxGap: number; importMaxGap: number | null; importEnd: number | null };
  stopProbe: () => void;
};

test('the page answers during a large import, and Cancel stops another', async ({ page }) => {
  test.setTimeout(180_000);
  await recordMainThread(page);
  await page.goto(`/#${SMALL}`);
  await waitForFrame(page);
  await page.getByTestId('run-toggle').click(); // pause the live loop: measure the import only
  await expect(page.getByTestId('run-toggle')).toHaveAttribute('aria-pressed', 'false');
  // Plots scrolled out of view redraw the frames before the pause up to 3 s later
  // (HIDDEN_REDRAW_MS, about 100 ms of recharts here): let that pass, it is not the import's.
  await page.waitForTimeout(3500);
  // 8 columns × 1M rows = 8M values: under every limit, seconds of reading and parsing.
  const row = '0.123,0.456,0.789,0.012,0.345,0.678,0.901,0.234\n';
  const big = { unit: row, times: 2 ** 20 - 1 };
  const size = await makeFile(page, 'big.csv', 'text/csv', big);
  expect(size).toBeGreaterThan(40 * 2 ** 20);
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.probe = { maxGap: 0, importMaxGap: null, importEnd: null };
    let last = performance.now();
    const id = setInterval(() => {
      const now = performance.now();
      w.probe.maxGap = Math.max(w.probe.maxGap, now - last);
      last = now;
    }, 10);
    const progress = '[data-testid="import-progress"]';
    let seen = false;
    const watch = new MutationObserver(() => {
      const shown = document.querySelector(progress) !== null;
      if (seen && !shown && w.probe.importEnd === null) {
        w.probe.importMaxGap = w.probe.maxGap;
        w.probe.importEnd = performance.now();
        watch.disconnect();
      }
      seen ||= shown;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    w.stopProbe = () => {
      clearInterval(id);
      watch.disconnect();
    };
  });
  const t0 = await pageNow(page);
  await chooseMadeFile(page, 'import-file');
  await expect(page.getByTestId('imported')).toContainText('big.csv', { timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as ProbeWindow).probe.importEnd !== null);
  // The first frame on the new data, for the report.
  await page.waitForTimeout(3000);
  const probe = await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.stopProbe();
    return w.probe;
  });
  const importEnd = probe.importEnd ?? Infinity;
  const { tasks, frames } = await mainThreadSince(page, t0);
  const during = tasks.filter((t) => t.start < importEnd).map((t) => Math.round(t.duration));
  const after = tasks.filter((t) => t.start >= importEnd).map((t) => Math.round(t.duration));
  const report = {
    importMs: Math.round(importEnd - t0),
    longestGapDuringImportMs: Math.round(probe.importMaxGap ?? NaN),
    longTasksDuringImportMs: during,
    longestGapWithFirstFrameMs: Math.round(probe.maxGap),
    longTasksAfterImportMs: after,
    // The scripts behind the long animation frames, to find a culprit.
    longFrames: frames.map((f) => ({
      at: Math.round(f.start - t0),
      duringImport: f.start < importEnd,
      ms: Math.round(f.duration),
      scripts: f.scripts.map((x) => `${x.source} (${x.invoker}) ${Math.round(x.duration)} ms`),
    })),
  };
  console.log(JSON.stringify(report));
  await test.info().attach('import-main-thread.json', {
    body: JSON.stringify(report, null, 2),
    contentType: 'application/json',
  });
  // The page answers within 100 ms: no task of the page's during the import reaches that (over
  // four runs here none even reached the 50 ms that makes a long task; the work the page does
  // is the progress bar and taking the transferred result, 9–22 ms). Timer ticks can still
  // come later than that when the worker's parse and the page share this machine's two cores
  // (71–142 ms measured with no long task at all), so the probe's bound is looser; a parse or
  // a whole-file copy in the page would break both (seconds).
  expect(Math.max(0, ...during)).toBeLessThan(100);
  expect(probe.importMaxGap).toBeLessThan(300);

  // A second large import, cancelled while it runs: the first one's data stays.
  await chooseFile(page, 'import-file', 'again.csv', 'text/csv', big);
  await page.getByTestId('import-cancel').click();
  await expect(page.locator('[data-notice-id="import"]')).toContainText('cancelled');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.getByTestId('imported')).toContainText('big.csv');
});
