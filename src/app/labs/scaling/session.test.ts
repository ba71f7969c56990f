import { describe, expect, it } from 'vitest';
import type { WorkerPool } from '../../../parallel/pool';
import { fftBatch, type FftTasks } from '../../../scaling/fft-task';
import { createScalingLab, type ScalingDeps } from './session';

/** The pool's interface served in-process: tasks run synchronously, one "worker". */
function inProcessPool(): WorkerPool<FftTasks> {
  return {
    exec: (_name, args) => {
      const [size, signals, repeats, seed] = args as Parameters<typeof fftBatch>;
      const value = fftBatch(size, signals, repeats, seed);
      return {
        result: Promise.resolve({ value, workerId: 1 }) as never,
        started: Promise.resolve(1),
        kill: () => undefined,
      };
    },
    warm: async () => undefined,
    busy: () => [],
    killWorker: () => false,
    counts: () => ({ started: 1, restarted: 0 }),
    terminate: async () => undefined,
  };
}

const deps: ScalingDeps = {
  cores: 2,
  runtime: 'test',
  createPool: inProcessPool,
  adapter: async () => null,
};

describe('scaling lab session', () => {
  it('measures the worker sweep, fits and ranks every model, and says why the GPU is missing', async () => {
    const lab = createScalingLab(deps, 'tiny');
    const phases: string[] = [];
    lab.store.subscribe((s) => phases.push(s.phase));
    await lab.run();
    const s = lab.store.getState();
    expect(s.error).toBeNull();
    expect(phases).toContain('measuring');
    expect(phases).toContain('fitting');
    expect(s.report?.sweeps.map((w) => w.id)).toEqual(['workers']);
    expect(s.report?.sweeps[0]?.fits.models).toHaveLength(6);
    expect(s.report?.gpu).toEqual({ error: expect.stringMatching(/no WebGPU adapter/) });
    const exported = JSON.parse(lab.exportJson()) as { schemaVersion: number; sweeps: unknown[] };
    expect(exported.schemaVersion).toBe(1);
    expect(exported.sweeps).toHaveLength(1);
  }, 30_000);

  it('cancel stops a run and says so', async () => {
    const lab = createScalingLab(deps, 'tiny');
    const running = lab.run();
    lab.cancel();
    await running;
    expect(lab.store.getState()).toMatchObject({ phase: 'idle', error: 'cancelled', report: null });
  });
});
