/**
 * What a frame leaves for the UI: the shown signal (original, filtered, spectrum) and the
 * frame's metrics with its throughput. The frame's result holds only the shown signal's
 * filtered values (resident-resolvent.ts reads back no other); the figures of every signal
 * come from its per-signal arrays, which cover the batch.
 */
import type { FrameTransfer } from './resident-resolvent';
import { createCpuEngine, highKFractionOf, type Engine, type ResolventResult } from '../engine';
import type { ActiveEngine } from './engine-session';
import type { FrameMetrics, SignalView } from './store';
import { frameWork, signalLength } from './throughput';
import type { Workload } from './workload-source';

/** Largest signal whose display spectrum is computed on the CPU (2^16 samples: ~10 ms). */
const CPU_SPECTRUM_MAX = 2 ** 16;

/**
 * |X| of the shown signal, recomputed only when the samples or the signal change. Up to
 * CPU_SPECTRUM_MAX samples it comes from the float64 CPU reference (fast, and no second family
 * of GPU pipelines to compile, which costs seconds on a software adapter); larger signals use
 * the engine's FFT so the main thread is never blocked for long.
 */
export function createSpectrumCache(): (
  active: ActiveEngine,
  work: Workload,
  index: number,
) => Promise<Float32Array> {
  const cpu: Engine = createCpuEngine();
  let key = '';
  let magnitude = new Float32Array(0);
  return async (active, work, index) => {
    const n = signalLength(work.shape);
    const viaCpu = n <= CPU_SPECTRUM_MAX;
    const next = `${work.key}|${index}|${viaCpu ? 'cpu' : active.epoch}`;
    if (next === key) return magnitude;
    const one = work.data.subarray(index * n, (index + 1) * n);
    const engine = viaCpu ? cpu : active.engine;
    const { data } = await engine.fft(one, { shape: work.shape, batch: 1, real: true });
    const mag = new Float32Array(n);
    // sqrt(re² + im²), not Math.hypot: 8× faster on 2^20 bins (about 4 ms against 31), and the
    // squares of a spectrum of float32 samples (at most 2^20 · 3.4e38) cannot overflow a float64.
    for (let i = 0; i < n; i++) {
      const re = data[2 * i] ?? 0;
      const im = data[2 * i + 1] ?? 0;
      mag[i] = Math.sqrt(re * re + im * im);
    }
    key = next;
    magnitude = mag;
    return mag;
  };
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The shown signal of this frame: `result.filtered` is that signal alone (ResidentResolvent.run),
 * `index` its place in the batch. When every number equals the previous view's (a steady
 * workload gives the same numbers each frame) the previous object is returned, so the charts
 * that draw it are not redrawn: comparing arrays costs far less than rendering them.
 */
export function signalView(
  work: Workload,
  result: ResolventResult,
  index: number,
  magnitude: Float32Array,
  previous: SignalView | null,
): SignalView {
  const n = signalLength(work.shape);
  const filtered = new Float32Array(n);
  if (result.filtered.length !== 2 * n) {
    throw new Error(
      `signalView: the result must hold the shown signal alone (${2 * n} values for shape ` +
        `[${work.shape.join(', ')}]); got ${result.filtered.length}`,
    );
  }
  for (let i = 0; i < n; i++) filtered[i] = result.filtered[2 * i] ?? 0;
  if (
    previous &&
    previous.index === index &&
    previous.shape === work.shape &&
    previous.magnitude === magnitude &&
    sameValues(previous.filtered, filtered) &&
    sameValues(previous.coherence, result.coherence) &&
    sameValues(previous.highKEnergy, result.highKEnergy) &&
    sameValues(previous.original, work.data.subarray(index * n, (index + 1) * n))
  ) {
    return previous;
  }
  return {
    index,
    shape: work.shape,
    original: work.data.slice(index * n, (index + 1) * n),
    filtered,
    magnitude,
    coherence: Float64Array.from(result.coherence),
    highKEnergy: Float64Array.from(result.highKEnergy),
  };
}

/** The frame's metrics but its φ, which the caller knows (a live sweep moves it; live.ts). */
export function frameMetrics(
  seq: number,
  active: ActiveEngine,
  work: Workload,
  result: ResolventResult,
  transfer: FrameTransfer = { uploaded: 0, readBack: 0 },
): Omit<FrameMetrics, 'phi'> {
  const { flops, bytes } = frameWork(work.shape, work.batch);
  const seconds = result.timing.ms / 1000;
  const per = (amount: number): number => (seconds > 0 ? amount / seconds : 0);
  let batchEnergy = 0;
  for (const e of result.energy) batchEnergy += e;
  // E_hk is a mean over every bin of the batch; its sum over them is the removed energy.
  const removed = result.batchHighKEnergy * signalLength(work.shape) * work.batch;
  return {
    seq,
    epoch: active.epoch,
    backend: active.engine.backend,
    shape: work.shape,
    batch: work.batch,
    batchHighKEnergy: result.batchHighKEnergy,
    batchEnergy,
    batchHighKFraction: highKFractionOf({ energy: batchEnergy, highK: removed }),
    batchCoherence: result.batchCoherence,
    regularizer: result.regularizer,
    signalsPerSecond: per(work.batch),
    gflops: per(flops) / 1e9,
    gbps: per(bytes) / 1e9,
    ms: result.timing.ms,
    method: result.timing.method,
    dispatches: result.timing.dispatches,
    chunks: result.timing.chunks,
    uploadBytes: transfer.uploaded,
    readbackBytes: transfer.readBack,
  };
}
