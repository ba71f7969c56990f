/**
 * The Scheduler tab: two policies side by side on one generated task set, the metrics with
 * deltas, a failed core that forces a migration, export, real execution on the GPU queue and a
 * CPU worker (measured makespan beside the prediction), and the claim experiment on workers
 * with progress, cancel, a page that answers clicks meanwhile, and confidence intervals. The
 * lab scores coherence on the CPU engine; only real execution's GPU queue needs WebGPU.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { timeClick } from './main-thread';

test('compare two policies, fail a core, export, run and cancel the experiment', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByTestId('tab-scheduler').click();

  const a = page.getByTestId('sched-gantt-a');
  const b = page.getByTestId('sched-gantt-b');
  await expect(a).toBeVisible();
  await expect(b).toBeVisible();
  expect(Number(await a.getAttribute('data-runs'))).toBeGreaterThan(0);

  // EEVDF (A) slices by the quantum; the coherence policy (B) runs each task to completion.
  const switches = page.getByTestId('sched-metric-contextSwitches');
  const swA = Number(await switches.getAttribute('data-a'));
  const swB = Number(await switches.getAttribute('data-b'));
  expect(swB).toBeLessThan(swA);
  const dropped = page.getByTestId('sched-metric-dropped');
  expect(Number(await dropped.getAttribute('data-a'))).toBe(0);

  // Same policy on both sides: every delta is zero.
  await page.getByTestId('sched-policyB').selectOption('eevdf');
  await expect(switches).toHaveAttribute('data-b', String(swA));

  // Fail the fastest core halfway: the suspended task migrates.
  await page.getByTestId('sched-policyB').selectOption('fifo');
  await page.getByTestId('sched-fail').click();
  await expect(page.getByTestId('sched-failure-note')).toBeVisible();
  await expect(page.getByTestId('sched-gantt-b-failure')).toBeVisible();
  await expect
    .poll(async () =>
      Number(await page.getByTestId('sched-metric-migrations').getAttribute('data-b')),
    )
    .toBeGreaterThan(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('sched-export').click(),
  ]);
  const json = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
    b: { policy: string; schedule: unknown[]; metrics: { migrations: number } };
  };
  expect(json.b.policy).toBe('fifo');
  expect(json.b.schedule.length).toBeGreaterThan(0);
  expect(json.b.metrics.migrations).toBeGreaterThan(0);

  // A bad core-speed list is refused without touching the run.
  await page.getByTestId('sched-speeds').fill('1,-1');
  await expect(page.getByTestId('sched-speeds')).toHaveAttribute('aria-invalid', 'true');

  // Real execution: 8 tasks on the GPU queue and one CPU worker, in the three modes.
  await page.getByTestId('sched-real-tasks').fill('8');
  await page.getByTestId('sched-real-workers').fill('1');
  await page.getByTestId('sched-real-chains').fill('2');
  await expect(page.getByTestId('sched-real-gpu')).toBeChecked();
  await page.getByTestId('sched-real-run').click();
  await expect(page.getByTestId('sched-real-progress')).toBeVisible();
  await expect(page.getByTestId('sched-real-results')).toBeVisible({ timeout: 90_000 });
  for (const mode of ['sequential', 'parallel', 'hybrid']) {
    const row = page.getByTestId(`sched-real-${mode}`);
    expect(Number(await row.getAttribute('data-measured')), mode).toBeGreaterThan(0);
    expect(Number(await row.getAttribute('data-predicted')), mode).toBeGreaterThan(0);
  }
  console.log(await page.getByTestId('sched-real-results').innerText());
  await expect(page.getByTestId('sched-real-parallel')).toContainText('GPU');
  await expect(page.getByTestId('sched-real-calibration')).toContainText('GPU');
  expect(
    Number(await page.getByTestId('sched-real-gantt-measured').getAttribute('data-runs')),
  ).toBeGreaterThanOrEqual(8);

  // The experiment runs on workers with progress; the page answers a click meanwhile, and
  // the run can be cancelled.
  await page.getByTestId('sched-exp-seeds').fill('20');
  await page.getByTestId('sched-exp-run').click();
  await expect(page.getByTestId('sched-exp-progress')).toBeVisible();
  await expect(page.getByTestId('sched-exp-phase')).toContainText(/task sets [1-9]/, {
    timeout: 60_000,
  });
  const latency = await timeClick(page, page.getByTestId('sched-exp-baseline-eevdf'), {
    selector: '[data-testid="sched-exp-baseline-eevdf"]',
    attribute: 'aria-pressed',
    value: 'true',
  });
  console.log(JSON.stringify({ clickDuringExperiment: latency }));
  expect(latency.toDom, 'click → DOM during the experiment, ms').toBeLessThan(100);
  await expect(page.getByTestId('sched-exp-progress')).toBeVisible();
  await page.getByTestId('sched-exp-cancel').click();
  await expect(page.getByTestId('sched-exp-status')).toHaveText('cancelled');

  // A small run to the end: ratios with their 95% intervals, and the verdicts.
  await page.getByTestId('sched-exp-seeds').fill('3');
  await page.getByTestId('sched-exp-run').click();
  await expect(page.getByTestId('sched-exp-verdicts').locator('li')).toHaveCount(6, {
    timeout: 120_000,
  });
  await expect(page.getByTestId('sched-exp-verdicts')).toContainText('fewer context switches');
  const ci = page.getByTestId('sched-exp-coherence-contextSwitches');
  const [lo, est, hi] = await Promise.all(
    ['data-lo', 'data-estimate', 'data-hi'].map(async (a) => Number(await ci.getAttribute(a))),
  );
  expect(lo).toBeLessThanOrEqual(est ?? NaN);
  expect(est).toBeLessThanOrEqual(hi ?? NaN);
  await expect(ci).toContainText('[');
});
