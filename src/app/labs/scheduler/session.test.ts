import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCpuEngine } from '../../../engine/cpu-engine';
import { createWorkerPool, type WorkerPool } from '../../../parallel/pool';
import { testWorkerScript } from '../../../parallel/testing/node-script';
import type { ClaimTasks } from '../../../sched/experiment/worker';
import { measuredProblems } from '../../../sched/real/measured-schedule';
import { inProcessBackends, poolExperiment } from './backends';
import { configFromSearch, DEFAULT_LAB_CONFIG, searchOf } from './lab-config';
import { createSchedLab } from './session';

describe('scheduler lab config link', () => {
  it('round-trips through the query and refuses bad or hostile values', () => {
    const c = { ...DEFAULT_LAB_CONFIG, seed: 7, speeds: [4, 1], policyB: 'srpt' as const };
    expect(configFromSearch(searchOf(c))).toEqual(c);
    expect(configFromSearch('')).toBeNull();
    expect(configFromSearch('?sched=not-json')).toBeNull();
    expect(configFromSearch(searchOf({ ...c, count: 1e9 }))).toBeNull();
    expect(configFromSearch(searchOf({ ...c, speeds: [-1] }))).toBeNull();
    expect(configFromSearch(searchOf({ ...c, failure: { core: 5, at: 1 } }))).toBeNull();
    expect(
      configFromSearch(searchOf({ ...c, real: { ...c.real, cpuWorkers: 0, gpu: false } })),
    ).toBeNull();
    // A link from before real execution: the real-execution defaults fill in.
    const old: Partial<typeof c> = { ...c };
    delete old.real;
    expect(configFromSearch(`?sched=${encodeURIComponent(JSON.stringify(old))}`)).toEqual(c);
  });
});

describe('scheduler lab session', () => {
  it('simulates both policies on one scored task set, fails a core, imports a file', async () => {
    const lab = createSchedLab({ ...DEFAULT_LAB_CONFIG, count: 30 });
    await lab.run();
    const s = lab.store.getState();
    expect(s.error).toBeNull();
    expect(s.a?.policy).toBe('eevdf');
    expect(s.b?.policy).toBe('coherence');
    expect(s.tasks.every((t) => t.coherence !== undefined)).toBe(true);

    lab.setConfig({ policyB: 'fifo' });
    await lab.toggleFailure();
    const failed = lab.store.getState();
    expect(failed.config.failure?.core).toBe(0);
    expect(failed.b?.metrics.migrations).toBeGreaterThan(0);
    expect(JSON.parse(lab.exportJson()).b.policy).toBe('fifo');

    await lab.importText('bad.json', '[{"id":"x","arrival":0,"work":-2}]');
    expect(lab.store.getState().error).toMatch(/bad\.json: task 0 .*work must be > 0/);
    await lab.importText('ok.json', '[{"id":"x","arrival":0,"work":2,"coherence":0.9}]');
    expect(lab.store.getState().b?.schedule).toHaveLength(1);
  });
});

describe('scheduler lab real execution', () => {
  it('measures the three modes beside predictions, and says when the GPU queue is missing', async () => {
    // A CPU engine stands in for the GPU queue's engine: the plumbing is what is tested here
    // (the GPU executor on real WebGPU is src/sched/real/gpu-executor.gpu.test.ts).
    const lab = createSchedLab({ ...DEFAULT_LAB_CONFIG, count: 12 }, (scorer) =>
      inProcessBackends(scorer, () => Promise.resolve(createCpuEngine())),
    );
    await lab.run();
    lab.setReal({ tasks: 8, cpuWorkers: 1, gpu: true, chains: 2 });
    const phases = new Set<string>();
    const unsubscribe = lab.store.subscribe((s) => {
      if (s.real.progress) phases.add(s.real.progress.phase);
    });
    await lab.runReal();
    unsubscribe();
    const { real } = lab.store.getState();
    expect(real.error).toBeNull();
    expect(real.result?.executors.map((e) => e.kind)).toEqual(['gpu', 'cpu']);
    expect(real.result?.runs.map((r) => r.mode)).toEqual(['sequential', 'parallel', 'hybrid']);
    for (const r of real.result?.runs ?? []) {
      expect(r.measuredSeconds).toBeGreaterThan(0);
      expect(r.predictedSeconds).toBeGreaterThan(0);
      expect(measuredProblems(real.result?.tasks ?? [], r)).toEqual([]);
    }
    expect(real.result?.predicted.hybrid?.cores).toBe(2);
    expect([...phases]).toEqual(['starting', 'calibrating', 'sequential', 'parallel', 'hybrid']);
    expect(JSON.parse(lab.exportJson()).real.runs).toHaveLength(3);

    // No WebGPU: CPU workers only, and a note; too many chains is refused by name.
    const noGpu = createSchedLab({ ...DEFAULT_LAB_CONFIG, count: 6 });
    await noGpu.run();
    noGpu.setReal({ tasks: 4, cpuWorkers: 1, gpu: true, chains: 1 });
    await noGpu.runReal();
    expect(noGpu.store.getState().real.result?.gpuNote).toMatch(/without WebGPU/);
    noGpu.setReal({ chains: 3 });
    await noGpu.runReal();
    expect(noGpu.store.getState().real.error).toMatch(
      /hybrid chains must be from 1 to .* \(1\); got 3/,
    );
  }, 60_000);

  it('cancels a real run', async () => {
    const lab = createSchedLab({ ...DEFAULT_LAB_CONFIG, count: 30 });
    await lab.run();
    lab.setReal({ tasks: 30, cpuWorkers: 1, gpu: false, chains: 1 });
    const unsubscribe = lab.store.subscribe((s) => {
      if (s.real.progress?.phase === 'sequential' && s.real.progress.done >= 2) lab.cancelReal();
    });
    await lab.runReal();
    unsubscribe();
    expect(lab.store.getState().real.error).toBe('cancelled');
    expect(lab.store.getState().real.running).toBe(false);
  }, 60_000);
});

describe('scheduler lab experiment on workers', () => {
  const created: WorkerPool<ClaimTasks>[] = [];
  const experiment = poolExperiment(() => {
    const pool = createWorkerPool<ClaimTasks>({
      maxWorkers: 2,
      ...testWorkerScript(new URL('../../../sched/experiment/worker.ts', import.meta.url)),
    });
    created.push(pool);
    return pool;
  }, 2);
  afterAll(() => experiment.dispose());
  const lab = createSchedLab(DEFAULT_LAB_CONFIG, (scorer) => ({
    ...inProcessBackends(scorer),
    experiment: experiment.backend,
  }));

  it('runs the sets and the analysis on workers with progress, and cancels at once', async () => {
    const run = lab.runExperiment(20, 100);
    // Cancel once a set has finished and a worker has said it started the next one: a task killed
    // before its worker's "started" message is not a restart of a known worker (CI once hit that).
    await vi.waitFor(
      () => {
        expect(lab.store.getState().experiment.done).toBeGreaterThan(0);
        expect(created[0]?.busy().length).toBeGreaterThan(0);
      },
      { timeout: 60_000 },
    );
    const t0 = performance.now();
    lab.cancelExperiment();
    await run;
    // Killing the busy workers ends the run without waiting for their sets.
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(lab.store.getState().experiment.error).toBe('cancelled');
    expect(created[0]?.counts().restarted).toBeGreaterThan(0);

    await lab.runExperiment(2, 30);
    const x = lab.store.getState().experiment;
    expect(x.error).toBeNull();
    expect(x.done).toBe(6);
    expect(x.verdicts).toHaveLength(6);
    const ci = x.comparisons.find(
      (c) => c.policy === 'coherence' && c.baseline === 'fifo' && c.metric === 'contextSwitches',
    );
    expect(ci?.ratio?.lo).toBeLessThanOrEqual(ci?.ratio?.estimate ?? NaN);
    expect(ci?.ratio?.hi).toBeGreaterThanOrEqual(ci?.ratio?.estimate ?? NaN);
  }, 180_000);
});
