/**
 * The parallel experiment: a sweep of workers × updateInterval × shard distribution (IID or
 * label-skewed), on real workers, reporting rounds, wall time and bytes exchanged to a target
 * validation accuracy (unreached: the whole budget), median over seeds.
 */
import { median } from '../../measure';
import type { ShardRunner } from '../runner';
import { runTraining, TRAIN_DEFAULTS, type SessionHooks, type TrainConfig } from '../session';

export interface ParallelCell {
  workers: number;
  updateInterval: number;
  shards: 'iid' | 'label-skewed';
}

export interface ParallelRecord extends ParallelCell {
  seed: number;
  reached: boolean;
  rounds: number;
  ms: number;
  bytesExchanged: number;
}

export interface ParallelRow extends ParallelCell {
  runs: number;
  reached: number;
  medianRounds: number;
  medianMs: number;
  medianBytes: number;
}

export interface ParallelOptions {
  base: Partial<TrainConfig>;
  target: number;
  workers: number[];
  intervals: number[];
  shards: ('iid' | 'label-skewed')[];
  seeds: number[];
  /** A runner with at least max(workers) workers; warmed before each timed run. */
  runner: (workers: number) => ShardRunner;
  hooks?: Pick<SessionHooks, 'read' | 'signal'>;
  onRun?: (r: ParallelRecord) => void;
}

/** Iris: quick to train, three classes (so label-skewed shards are visibly non-IID). */
export const PARALLEL_BASE: Partial<TrainConfig> = {
  dataset: 'iris',
  hidden: [16],
  optimizer: 'sgd',
  lr: 0.1,
  batchSize: 8,
  epochs: 100,
  evaluateEvery: 1,
};

export async function runParallelExperiment(o: ParallelOptions): Promise<ParallelRecord[]> {
  const records: ParallelRecord[] = [];
  for (const shards of o.shards)
    for (const workers of o.workers)
      for (const updateInterval of o.intervals)
        for (const seed of o.seeds) {
          const config: TrainConfig = {
            ...TRAIN_DEFAULTS,
            ...o.base,
            workers,
            updateInterval,
            shards,
            seed,
            stopAtValAccuracy: o.target,
          };
          const runner = o.runner(workers);
          try {
            const { results } = await runTraining(config, runner, o.hooks ?? {});
            const at = results.reached;
            const r: ParallelRecord = {
              workers,
              updateInterval,
              shards,
              seed,
              reached: at !== null,
              rounds: at ? at.round : results.rounds,
              ms: at ? at.ms : results.ms,
              bytesExchanged: at ? at.bytesExchanged : results.bytesExchanged,
            };
            o.onRun?.(r);
            records.push(r);
          } finally {
            await runner.close();
          }
        }
  return records;
}

export function summarizeParallel(records: readonly ParallelRecord[]): ParallelRow[] {
  const key = (c: ParallelCell) => `${c.shards}/${c.workers}/${c.updateInterval}`;
  const groups = new Map<string, ParallelRecord[]>();
  for (const r of records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.values()].map((rs) => {
    const first = rs[0] as ParallelRecord;
    return {
      workers: first.workers,
      updateInterval: first.updateInterval,
      shards: first.shards,
      runs: rs.length,
      reached: rs.filter((r) => r.reached).length,
      medianRounds: median(rs.map((r) => r.rounds)),
      medianMs: median(rs.map((r) => r.ms)),
      medianBytes: median(rs.map((r) => r.bytesExchanged)),
    };
  });
}
