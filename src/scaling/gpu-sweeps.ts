/**
 * The GPU side of the lab, on the project's engine: the capacity sweep (signals per FFT
 * dispatch → f_VS), the transfer sweeps (→ f_NS) and the roofline (copy bandwidth, FMA peak,
 * and the operators at their arithmetic intensity). Imports the engine, so a Node script loads
 * it through Vite's SSR loader (the engine's WGSL comes in as `?raw`).
 */
import {
  adapterFacts,
  isSoftwareAdapter,
  createEngine,
  requestEngineDevice,
  resolventTable,
  type GpuEngine,
  type OperatorId,
  type Shape,
} from '../engine';
import { createRng } from '../measure';
import { measureFmaPeak, type FmaPeak } from './fma-peak';
import { runTransferSweeps, type TransferPlan } from './gpu-transfer';
import { rooflinePoint, type RooflineCeilings, type RooflinePoint } from './roofline';
import {
  calibrateRepeats,
  measurePoint,
  type PointPlan,
  type Sweep,
  type SweepPoint,
} from './sweep';
import type { SweepProgress } from './worker-sweep';

export interface GpuSweepPlan extends PointPlan {
  seed: number;
  /** FFT length of the capacity sweep, and the signals per dispatch it visits. */
  fftSize: number;
  capacities: number[];
  transfer: TransferPlan;
  /** Complex values the copy kernel moves (8 bytes each, read and written). */
  copyValues: number;
  /** The operators' roofline points: one 1D length and batch. */
  opSize: number;
  opBatch: number;
  /** Each span of an engine operation lasts at least this long (repeats are scaled up). */
  minSpanMs: number;
  fma: { workgroups: number; maxIterations: number };
}

export interface Roofline {
  readonly ceilings: RooflineCeilings;
  readonly copy: RooflinePoint;
  readonly fma: FmaPeak;
  readonly points: RooflinePoint[];
  /** Operators that could not be measured here, and why. */
  readonly failed: { op: string; reason: string }[];
}

export interface GpuSweepResult {
  readonly adapter: string;
  readonly software: boolean;
  readonly timing: string;
  readonly sweeps: Sweep[];
  readonly roofline: Roofline;
}

function randomSignals(seed: number, values: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: values }, () => rng.next() - 0.5);
}

/** The median time of one run of a prepared operation, ms, with its calibrated repeats. */
async function timePrepared(
  op: { run(repeats: number): Promise<{ ms: number }> },
  plan: GpuSweepPlan,
  x: number,
  work: number,
  signal?: AbortSignal,
): Promise<{ point: SweepPoint; repeats: number }> {
  const repeats = await calibrateRepeats(async (r) => (await op.run(r)).ms, plan.minSpanMs, 4096);
  const point = await measurePoint(
    x,
    work * repeats,
    async () => (await op.run(repeats)).ms,
    plan,
    signal,
  );
  return { point, repeats };
}

async function capacitySweep(
  engine: GpuEngine,
  plan: GpuSweepPlan,
  onProgress?: (p: SweepProgress) => void,
  signal?: AbortSignal,
): Promise<Sweep> {
  const shape: Shape = [plan.fftSize];
  const points: SweepPoint[] = [];
  for (const [i, c] of plan.capacities.entries()) {
    onProgress?.({
      sweep: 'capacity',
      done: i,
      total: plan.capacities.length,
      label: `batch ${c}`,
    });
    const data = randomSignals(plan.seed + c, 2 * plan.fftSize * c);
    const op = await engine.prepare('fft', data, { shape, batch: c });
    try {
      // FFTs per span ÷ ms × 1e3 = FFTs per second.
      points.push((await timePrepared(op, plan, c, c * 1e3, signal)).point);
    } finally {
      op.destroy();
    }
  }
  return {
    id: 'capacity',
    label: 'Capacity c: signals per FFT dispatch on the GPU',
    xLabel: 'signals per dispatch c',
    yLabel: 'FFTs per second',
    intendedModels: ['vs'],
    method:
      `engine.prepare('fft') of length ${plan.fftSize}, batch c, run back to back ` +
      `(${engine.timingMethod} timing); median of ${plan.rounds} spans after ${plan.warmup} warm-up`,
    points,
  };
}

function operatorInput(id: OperatorId, size: number, batch: number, seed: number) {
  const shape: Shape = [size];
  const complex = randomSignals(seed, 2 * size * batch);
  switch (id) {
    case 'fft':
      return { data: complex, options: { shape, batch } };
    case 'resolvent':
      return { data: complex, options: { shape, batch, phi: 1.618034 } };
    case 'filter':
      return {
        data: complex,
        options: { shape, batch, gains: resolventTable(shape, 1.618034, 'cycles', 1) },
      };
    case 'wht':
      return { data: randomSignals(seed, size * batch), options: { n: size, batch } };
    case 'propagate':
      return { data: complex, options: { shape, batch, dt: 0.01, steps: 1 } };
    default:
      return { data: complex, options: { shape, batch } };
  }
}

const ROOFLINE_OPS = ['fft', 'resolvent', 'filter', 'wht', 'propagate'] as const;

async function roofline(
  engine: GpuEngine,
  plan: GpuSweepPlan,
  onProgress?: (p: SweepProgress) => void,
  signal?: AbortSignal,
): Promise<Roofline> {
  const total = ROOFLINE_OPS.length + 2;
  onProgress?.({ sweep: 'roofline', done: 0, total, label: 'copy bandwidth' });
  const copyBatch = Math.max(1, Math.floor(plan.copyValues / plan.opSize));
  const copyOp = await engine.prepare(
    'copy',
    randomSignals(plan.seed, 2 * plan.opSize * copyBatch),
    {
      shape: [plan.opSize],
      batch: copyBatch,
    },
  );
  let copyMs: number;
  try {
    const { point, repeats } = await timePrepared(copyOp, plan, 0, 1, signal);
    copyMs = point.medianMs / repeats;
  } finally {
    copyOp.destroy();
  }
  const copyWork = { flops: 0, bytes: copyOp.work.bytes };
  onProgress?.({ sweep: 'roofline', done: 1, total, label: 'FMA peak' });
  const fma = await measureFmaPeak(engine.device, {
    workgroups: plan.fma.workgroups,
    rounds: plan.rounds,
    minMs: plan.minSpanMs,
    maxIterations: plan.fma.maxIterations,
  });
  const ceilings: RooflineCeilings = {
    bandwidth: copyWork.bytes / (copyMs / 1e3),
    peakFlops: fma.flopRate,
  };
  const points: RooflinePoint[] = [];
  const failed: { op: string; reason: string }[] = [];
  for (const [i, id] of ROOFLINE_OPS.entries()) {
    signal?.throwIfAborted();
    onProgress?.({ sweep: 'roofline', done: 2 + i, total, label: id });
    const { data, options } = operatorInput(id, plan.opSize, plan.opBatch, plan.seed + i);
    try {
      const op = await engine.prepare(id, data, options as never);
      try {
        const { point, repeats } = await timePrepared(op, plan, 0, 1, signal);
        const size = `${plan.opBatch} × ${plan.opSize}`;
        points.push(rooflinePoint(id, size, op.work, point.medianMs / repeats, ceilings));
      } finally {
        op.destroy();
      }
    } catch (e) {
      if (signal?.aborted) throw e;
      failed.push({ op: id, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  onProgress?.({ sweep: 'roofline', done: total, total, label: 'done' });
  const copy = rooflinePoint('copy', `${copyBatch} × ${plan.opSize}`, copyWork, copyMs, ceilings);
  return { ceilings, copy, fma, points, failed };
}

/** Opens a device on `adapter`, runs every GPU sweep, releases the device. */
export async function runGpuSweeps(
  adapter: GPUAdapter,
  plan: GpuSweepPlan,
  onProgress?: (p: SweepProgress) => void,
  signal?: AbortSignal,
): Promise<GpuSweepResult> {
  const device = await requestEngineDevice(adapter, 'scaling lab');
  const engine = await createEngine(device);
  try {
    const facts = adapterFacts(adapter);
    const capacity = await capacitySweep(engine, plan, onProgress, signal);
    const transfers = await runTransferSweeps(device, plan.transfer, onProgress, signal);
    const roof = await roofline(engine, plan, onProgress, signal);
    return {
      adapter: [facts.vendor, facts.architecture, facts.device, facts.description]
        .filter(Boolean)
        .join(' '),
      software: isSoftwareAdapter(facts),
      timing: engine.timingMethod,
      sweeps: [capacity, ...transfers],
      roofline: roof,
    };
  } finally {
    engine.destroy();
    device.destroy();
  }
}
