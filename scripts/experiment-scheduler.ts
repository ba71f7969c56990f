/**
 * `npm run experiment -- scheduler [--seeds 20] [--count 300] [--json out.json]`
 *
 * Every policy on the same seeded task sets of each workload; for each metric the median ratio
 * to FIFO and to EEVDF with bootstrap 95% intervals, and the verdict on "20–40% fewer context
 * switches" next to what the coherence scheduler pays for it. Coherence comes from the CPU
 * engine (loaded through Vite, see sched-engine.ts).
 */
import { writeFileSync } from 'node:fs';
import { CliError } from '../src/sched/cli-args';
import { resolventScorer, SCHED_SCORE_DEFAULTS } from '../src/sched/coherence-score';
import { CLAIM_USAGE, parseClaimArgs } from '../src/sched/experiment/args';
import { CLAIM_MACHINE, runClaimExperiment } from '../src/sched/experiment/claim';
import { compareRuns, verdicts } from '../src/sched/experiment/compare';
import { formatClaimReport } from '../src/sched/experiment/format';
import { generateTasks } from '../src/sched/generate';
import {
  calibrate,
  executeMode,
  MODES,
  predict,
  quantize,
  type Calibration,
  type Mode,
  type ModeRun,
} from '../src/sched/real/execute';
import { formatModeRuns } from '../src/sched/real/format';
import { median } from '../src/measure/summary';
import { SchedError } from '../src/sched/types';
import { loadCpuEngine } from './sched-engine';
import { createSchedPool } from './sched-pool';

const REAL_TASKS = 80;
const REAL_REPEATS = 5;
const REAL_FAULT_RATE = 0.1;

/** Every mode REAL_REPEATS times on one warmed pool, beside the simulator's prediction. */
async function realExecution(
  executors: number,
  chains: number,
): Promise<{ text: string; runs: ModeRun[] }> {
  const sp = await createSchedPool(executors > 0 ? executors : undefined);
  try {
    const tasks = quantize(generateTasks({ workload: 'mixed', count: REAL_TASKS, seed: 1 }));
    // Load on a shared machine drifts: each repeat calibrates again and then runs every mode,
    // and the medians over repeats of both the calibration and the times are reported.
    const calibrations: Calibration[] = [];
    const tries = new Map<Mode, number[]>(MODES.map((m) => [m, []]));
    const last = new Map<Mode, ModeRun>();
    const chainCount = chains > 0 ? chains : sp.executors;
    for (let i = 0; i < REAL_REPEATS; i++) {
      const calibration = await calibrate(sp.run, 3, sp.executors);
      calibrations.push(calibration);
      const o = {
        executors: sp.executors,
        chains: chainCount,
        faultRate: REAL_FAULT_RATE,
        seed: 1,
        calibration,
      };
      for (const mode of MODES) {
        const r = await executeMode(tasks, mode, sp.run, o);
        tries.get(mode)?.push(r.measuredSeconds);
        last.set(mode, r);
      }
    }
    const calibration: Calibration = {
      secondsPerUnit: median(calibrations.map((c) => c.secondsPerUnit)),
      overheadSeconds: median(calibrations.map((c) => c.overheadSeconds)),
    };
    const runs: ModeRun[] = [];
    for (const mode of MODES) {
      const r = last.get(mode);
      if (!r) continue;
      runs.push({
        ...r,
        measuredSeconds: median(tries.get(mode) ?? []),
        predictedSeconds: predict(
          tasks,
          mode,
          sp.executors,
          chainCount,
          calibration,
          REAL_FAULT_RATE,
          1,
        ),
      });
    }
    const work = tasks.reduce((a, t) => a + t.work, 0);
    return { text: formatModeRuns(runs, calibration, tasks.length, work), runs };
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
  const loaded = await loadCpuEngine();
  try {
    const scorer = resolventScorer(loaded.engine, { ...SCHED_SCORE_DEFAULTS, kUnit: args.kUnit });
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
    const comparisons = compareRuns(runs);
    const verdict = verdicts(runs);
    console.log(formatClaimReport(runs, comparisons, verdict));
    console.log(
      `\n(${((performance.now() - t0) / 1000).toFixed(1)} s, coherence in ${args.kUnit})`,
    );
    const real = args.real ? await realExecution(args.executors, args.chains) : null;
    if (real) console.log(`\n${real.text}`);
    if (args.json) {
      const out = {
        kUnit: args.kUnit,
        runs,
        comparisons,
        verdicts: verdict,
        real: real?.runs ?? null,
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
