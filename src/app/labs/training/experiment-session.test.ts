import { describe, expect, it } from 'vitest';
import { countRuns, selectTasks, seedRange } from '../../../train/experiment/regularizer';
import { runQuickExperiment } from './experiment-job';
import type { QuickExperimentConfig } from './experiment-protocol';
import { createExperimentLab, type ExperimentPort } from './experiment-session';

/** The worker's body on this thread, answering like a worker port (asynchronously). */
function inlinePort(): ExperimentPort & { terminated: boolean } {
  const port: ExperimentPort & { terminated: boolean } = {
    onmessage: null,
    terminated: false,
    postMessage(m) {
      void runQuickExperiment(m.config, (out) => {
        if (!port.terminated) port.onmessage?.({ data: out });
      });
    },
    terminate() {
      port.terminated = true;
    },
  };
  return port;
}

const QUICK: QuickExperimentConfig = {
  tasks: ['iris'],
  arms: ['none', 'smooth'],
  seeds: 2,
  tuningSeeds: 1,
  budget: 0.05,
};

describe('the in-browser regularizer experiment', () => {
  it('runs the CLI core with progress and ends with paired ratios, CIs, p-values and a verdict', async () => {
    const lab = createExperimentLab(inlinePort, QUICK);
    const seen: number[] = [];
    lab.store.subscribe((s) => seen.push(s.done));
    await lab.start();
    const s = lab.store.getState();
    const total = countRuns({
      tasks: selectTasks(QUICK.tasks, QUICK.budget),
      arms: QUICK.arms,
      seeds: seedRange(2, 1),
      tuningSeeds: seedRange(1, 1001),
    });
    expect(total).toBe(2 * (4 + 2));
    expect(s).toMatchObject({ running: false, done: total, total, error: null, cancelled: false });
    expect(Math.max(...seen)).toBe(total);
    expect(s.records).toHaveLength(4); // 2 arms × 2 evaluation seeds
    expect(s.rows?.map((r) => r.arm)).toEqual(['none', 'smooth']);
    const smooth = s.rows?.find((r) => r.arm === 'smooth');
    expect(smooth?.runs).toBe(2);
    expect(smooth?.timeRatio.lo).toBeLessThanOrEqual(smooth?.timeRatio.hi as number);
    expect(smooth?.medianFlops).toBeGreaterThan(0);
    expect(smooth?.stepsP).toBeGreaterThan(0);
    expect(s.verdict).toMatch(/^Claim "15–30% less training energy/);
    expect(s.tuned.map((t) => t.arm)).toEqual(['none', 'smooth']);
  });

  it('cancels: the worker is terminated and the finished runs are compared', async () => {
    const ports: ReturnType<typeof inlinePort>[] = [];
    const lab = createExperimentLab(() => {
      const p = inlinePort();
      ports.push(p);
      return p;
    }, QUICK);
    const unsubscribe = lab.store.subscribe((s) => {
      if (s.running && s.done === 3) lab.cancel();
    });
    await lab.start();
    unsubscribe();
    const s = lab.store.getState();
    expect(ports.map((p) => p.terminated)).toEqual([true]);
    expect(s).toMatchObject({ running: false, cancelled: true, done: 3 });
    expect(s.rows).toEqual([]); // no evaluation run had finished
    expect(s.verdict).toMatch(/supported in 0 of 0/);
  });

  it('reports a failing experiment instead of hanging', async () => {
    const lab = createExperimentLab(inlinePort, { ...QUICK, arms: ['none', 'bogus' as 'smooth'] });
    await lab.start();
    expect(lab.store.getState().running).toBe(false);
    expect(lab.store.getState().error).toBe(
      "arm must be one of none, penalty, smooth, grokfast, got 'bogus'",
    );
  });
});
