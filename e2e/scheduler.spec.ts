/**
 * The Scheduler tab: two policies side by side on one generated task set, the metrics with
 * deltas, a failed core that forces a migration, export, and the claim experiment with
 * progress, cancel and verdicts. No GPU is needed: the lab scores coherence on the CPU engine.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

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

  // The experiment shows progress and can be cancelled, then runs to its verdicts.
  await page.getByTestId('sched-exp-seeds').fill('20');
  await page.getByTestId('sched-exp-run').click();
  await expect(page.getByTestId('sched-exp-progress')).toBeVisible();
  await page.getByTestId('sched-exp-cancel').click();
  await expect(page.getByTestId('sched-exp-status')).toHaveText('cancelled');
  await page.getByTestId('sched-exp-seeds').fill('3');
  await page.getByTestId('sched-exp-run').click();
  await expect(page.getByTestId('sched-exp-verdicts').locator('li')).toHaveCount(6, {
    timeout: 120_000,
  });
  await expect(page.getByTestId('sched-exp-verdicts')).toContainText('fewer context switches');
});
