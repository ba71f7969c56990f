/**
 * `npm run experiment -- scheduler [--seeds 20] [--count 300] [--no-real | --real-only]
 *   [--no-gpu] [--executors N] [--chains I] [--json out.json]`
 *
 * Every policy on the same seeded task sets of each workload; for each metric the median ratio
 * to FIFO and to EEVDF with bootstrap 95% intervals, and the verdict on "20–40% fewer context
 * switches" next to what the coherence scheduler pays for it. Coherence comes from the CPU
 * engine (loaded through Vite, see sched-engine.ts). Then real execution: the three modes on CPU
 * worker threads, and again with the GPU queue (the `webgpu` package) beside the same workers,
 * each measured beside the simulator's prediction.
 */
import { writeFileSync } from 'node:fs';
import { CliError } from '../src/sched/cli-args';
import { resolventScorer, SCHED_SCORE_DEFAULTS } from '../src/sched/coherence-score';
import { CLAIM_USAGE, parseClaimArgs, type ClaimArgs } from '../src/sched/experiment/args';
import { CLAIM_MACHINE, runClaimExperiment } from '../src/sched/experiment/claim';
import { compareRuns, verdicts } from '../src/sched/experiment/compare';
import { formatClaimReport } from '../src/sched/experiment/format';
import { generateTasks } from '../src/sched/generate';
import {
  calibrateExecutors,
  DEFAULT_FAULT_RATE,
  executeMode,
  MODES,
  quantize,
  type Executor,
} from '../src/sched/real/execute';
import { gpuExecutor, poolExecutors } from '../src/sched/real/executors';
import {
  formatRealSummary,
  summarizeRepeats,
  type RealRepeat,
  type RealSummary,
} from '../src/sched/real/format';
import { SchedError } from '../src/sched/types';
import { loadCpuEngine, type LoadedGpu } from './sched-engine';
import { createSchedPool } from './sched-pool';

const REAL_TASKS = 80;
const REAL_REPEATS = 5;

export interface RealReport {
  summary: RealSummary;
  repeats: RealRepeat[];
}

/**
 * Every mode REAL_REPEATS times on one set of executors, beside the simulator's prediction.
 * Load on a shared machine drifts: each repeat calibrates again and then runs every mode, and
 * the medians over repeats of both the calibration and the times are reported.
 */
async function realOn(title: string, executors: Executor[], chains: number): Promise<RealReport> {
  const tasks = quantize(generateTasks({ workload: 'mixed', count: REAL_TASKS, seed: 1 }));
  const repeats: RealRepeat[] = [];
  const chainCount = chains > 0 ? chains : executors.length;
  for (let i = 0; i < REAL_REPEATS; i++) {
    process.stderr.write(`[real ${title}] repeat ${i + 1}/${REAL_REPEATS}\n`);
    const calibrations = await calibrateExecutors(executors, 3);
    const o = { chains: chainCount, faultRate: DEFAULT_FAULT_RATE, seed: 1, calibrations };
    const runs = [];
    for (const mode of MODES) runs.push(await executeMode(tasks, mode, executors, o));
    repeats.push({ calibrations, runs });
  }
  const summary = summarizeRepeats(title, tasks, executors, repeats);
  return { summary, repeats };
}

/** CPU workers alone, then the GPU queue beside the same workers (when a GPU engine loaded). */
async function realExecution(args: ClaimArgs, gpu: LoadedGpu | null): Promise<RealReport[]> {
  const sp = await createSchedPool(args.executors > 0 ? args.executors : undefined);
  try {
    const cpus = poolExecutors(sp.pool, sp.executors);
    const out = [await realOn(`${sp.executors} CPU workers`, cpus, args.chains)];
    if (gpu) {
      const label = `the GPU queue (${gpu.adapter}${gpu.software ? ', software: a CPU emulation' : ''}) and ${sp.executors} CPU workers`;
      out.push(await realOn(label, [gpuExecutor(gpu.engine), ...cpus], args.chains));
    }
    return out;
  } finally {
    await sp.pool.terminate();
  }
}

export async function runSchedulerExperiment(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseClaimArgs(argv);
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`experiment scheduler: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    console.log(CLAIM_USAGE);
    return 0;
  }
  const loaded = await loadCpuEngine({ gpu: args.real && args.gpu });
  try {
    let claim = null;
    if (!args.realOnly) {
      const scorer = resolventScorer(loaded.engine, {
        ...SCHED_SCORE_DEFAULTS,
        kUnit: args.kUnit,
      });
      const t0 = performance.now();
      const runs = await runClaimExperiment(scorer, {
        seeds: args.seeds,
        count: args.count,
        machine: CLAIM_MACHINE,
        onProgress: (done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\r\x1b[Ksets ${done}/${total}`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      claim = { runs, comparisons: compareRuns(runs), verdicts: verdicts(runs) };
      console.log(formatClaimReport(runs, claim.comparisons, claim.verdicts));
      console.log(
        `\n(${((performance.now() - t0) / 1000).toFixed(1)} s, coherence in ${args.kUnit})`,
      );
    }
    const gpu = loaded.gpu && 'engine' in loaded.gpu ? loaded.gpu : null;
    if (loaded.gpu && 'error' in loaded.gpu) {
      console.error(`GPU executor unavailable, CPU workers only: ${loaded.gpu.error}`);
    }
    const real = args.real ? await realExecution(args, gpu) : null;
    for (const r of real ?? []) console.log(`\n${formatRealSummary(r.summary)}`);
    if (args.json) {
      const out = {
        kUnit: args.kUnit,
        ...(claim ?? {}),
        real: real ?? null,
      };
      writeFileSync(args.json, JSON.stringify(out, null, 1));
    }
    return 0;
  } catch (e) {
    if (e instanceof SchedError) {
      console.error(`experiment scheduler: ${e.message}`);
      return 2;
    }
    throw e;
  } finally {
    await loaded.close();
  }
}
