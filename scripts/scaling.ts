/**
 * `npm run scaling -- [--quick] [--json FILE] [--seed N] [--resamples N] [--max-workers N] [--no-gpu]`
 *
 * Runs the scaling lab's sweeps on this machine (workers on the CPU; capacity, transfers and the
 * roofline on the GPU through the `webgpu` package), fits every model to every sweep, prints the
 * points and rankings, and writes the whole report as JSON. Exit 2 on a bad flag.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createWorkerPool, nodeWorkerScript } from '../src/parallel/pool';
import {
  parseScalingArgs,
  SCALING_USAGE,
  UsageError,
  type ScalingArgs,
} from '../src/scaling/cli-args';
import type { FftTasks } from '../src/scaling/fft-task';
import { formatRanking } from '../src/scaling/format';
import type { GpuSweepResult } from '../src/scaling/gpu-sweeps';
import { gpuPlan, workerPlan } from '../src/scaling/plans';
import { fitSweeps, formatRoofline, formatSweep, type ScalingReport } from '../src/scaling/report';
import type { Sweep } from '../src/scaling/sweep';
import { runWorkerSweep, type SweepProgress } from '../src/scaling/worker-sweep';
import { selectSoftwareVulkanIfNoGpu } from './software-vulkan';
import { ssrLoader } from './ssr-loader';

function progress(p: SweepProgress): void {
  process.stderr.write(`[${p.sweep} ${p.done}/${p.total}] ${p.label}\n`);
}

async function workerSweep(args: ScalingArgs, cores: number): Promise<Sweep> {
  const plan = workerPlan(args.quick ? 'quick' : 'full', cores, args.seed, args.maxWorkers);
  const pool = createWorkerPool<FftTasks>({
    maxWorkers: Math.max(...plan.counts),
    ...nodeWorkerScript(
      new URL('../src/scaling/fft-task-worker.ts', import.meta.url).href,
      import.meta.resolve('tsx/esm/api'),
    ),
  });
  try {
    return await runWorkerSweep(pool, plan, progress);
  } finally {
    await pool.terminate();
  }
}

// The `webgpu` instance must stay referenced while its devices live (see bench.ts).
let keepGpu: unknown = null;

async function gpuSweeps(args: ScalingArgs): Promise<GpuSweepResult> {
  selectSoftwareVulkanIfNoGpu();
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create(['disable-dawn-features=timestamp_quantization']);
  keepGpu = gpu;
  const vite = await ssrLoader();
  try {
    // The engine imports its WGSL as `?raw`, which only Vite's loader resolves.
    const mod = (await vite.ssrLoadModule(
      '/src/scaling/gpu-sweeps.ts',
    )) as typeof import('../src/scaling/gpu-sweeps');
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) throw new Error('no WebGPU adapter (Dawn found none; see WEBGPU-ON-CPU.md)');
    return await mod.runGpuSweeps(
      adapter,
      gpuPlan(args.quick ? 'quick' : 'full', args.seed),
      progress,
    );
  } finally {
    await vite.close();
  }
}

async function main(): Promise<number> {
  const args = parseScalingArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(SCALING_USAGE);
    return 0;
  }
  const started = Date.now();
  const cores = availableParallelism();
  const sweeps: Sweep[] = [await workerSweep(args, cores)];
  let gpu: ScalingReport['gpu'] = { error: 'skipped (--no-gpu)' };
  if (args.gpu) {
    try {
      const r = await gpuSweeps(args);
      sweeps.push(...r.sweeps);
      gpu = { adapter: r.adapter, software: r.software, timing: r.timing, roofline: r.roofline };
    } catch (e) {
      gpu = { error: e instanceof Error ? e.message : String(e) };
      console.error(`GPU sweeps failed: ${gpu.error}`);
    }
  }
  const fitOptions = { seed: args.seed, resamples: args.resamples };
  const report: ScalingReport = {
    schemaVersion: 1,
    date: new Date().toISOString(),
    quick: args.quick,
    machine: { cores, runtime: `Node.js ${process.version}` },
    fit: { ...fitOptions, rankedBy: 'aicc', bootstrap: 'residual' },
    sweeps: fitSweeps(sweeps, fitOptions),
    gpu,
  };
  for (const s of report.sweeps) console.log(`\n${formatSweep(s)}\n${formatRanking(s.fits)}`);
  if ('roofline' in report.gpu)
    console.log(
      `\nGPU: ${report.gpu.adapter} (${report.gpu.software ? 'software' : 'hardware'}, ${report.gpu.timing} timing)\n${formatRoofline(report.gpu.roofline)}`,
    );
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nJSON written to ${args.json}`);
  }
  console.log(`Total wall time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  void keepGpu;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`scaling: ${e.message}`);
      process.exit(2);
    }
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
