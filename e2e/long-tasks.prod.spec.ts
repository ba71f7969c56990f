/**
 * Production build with WebGPU: while the default workload (64 × 1024 φ-resolvent) runs, no
 * main-thread task lasts over 50 ms. Long tasks come from PerformanceObserver('longtask'); the
 * long animation frames that hold them name the scripts that ran (main-thread.ts).
 */
import { expect, seqOf, test, waitForFrame } from './fixtures';
import { mainThreadSince, pageNow, recordMainThread } from './main-thread';

test('the default workload runs with no main-thread task over 50 ms', async ({ page }) => {
  await recordMainThread(page);
  await page.goto('/');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  // Start measuring once the pipelines are built and every plot has drawn its first data: the
  // plots over time, off screen too, mount their charts just after the first frames.
  await waitForFrame(page, 3);
  for (const plot of ['plot-high-k', 'plot-coherence', 'plot-throughput']) {
    await expect(page.getByTestId(plot).locator('.recharts-surface').first()).toBeAttached();
  }
  await waitForFrame(page, (await seqOf(page)) + 3);
  const t0 = await pageNow(page);
  const seq = await seqOf(page);
  await waitForFrame(page, seq + 40);
  const span = (await pageNow(page)) - t0;
  const { tasks, frames } = await mainThreadSince(page, t0);
  const report = {
    spanMs: Math.round(span),
    frames: (await seqOf(page)) - seq,
    longTasks: tasks.map((t) => Math.round(t.duration)),
    longFrames: frames.map((f) => ({
      ms: Math.round(f.duration),
      blocking: Math.round(f.blocking),
      scripts: f.scripts.map((s) => `${s.source} (${s.invoker}) ${Math.round(s.duration)} ms`),
    })),
  };
  await test.info().attach('main-thread.json', {
    body: JSON.stringify(report, null, 2),
    contentType: 'application/json',
  });
  console.log(JSON.stringify(report));
  expect(tasks, 'main-thread tasks over 50 ms while the default workload runs').toEqual([]);
});
