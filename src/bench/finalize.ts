/**
 * Cross-case metrics: each case's throughput figures, its efficiency against the copy kernel
 * at the same bytes (from the copy spans paired with the case's own where it has them, else
 * from the copy reference measured apart), its speed-ups over the CPU peers (fft.js, PFFFT: same
 * shape, time per signal, since they may run a smaller batch) and over the GPU peers
 * (TensorFlow.js, cuFFT: same shape and batch, only where their result passed verification),
 * and the reported targets.
 */
import { workgroupCapacity } from '../engine';
import { coefficientOfVariation, median } from '../measure/summary';
import { efficiency, fftGflops, gbps, signalsPerSec, speedup, timeInCopies } from './metrics';
import type { RawCase } from './case-context';
import type {
  AdapterFingerprint,
  BenchRun,
  CaseResult,
  EfficiencyFloor,
  EfficiencyTargets,
  Op,
} from './schema';

/** The efficiency targets of issue 10, set for a discrete GPU. */
export const EFFICIENCY_TARGETS = {
  /** 1D FFT sizes up to this N should reach `smallMin`. */
  smallMaxN: 4096,
  smallMin: 0.85,
  /** 1D FFT sizes above `smallMaxN` up to this N should reach `largeMin`. */
  largeMaxN: 2 ** 20,
  largeMin: 0.5,
  /** The fused 1D resolvent should take at most this many copy times for the same bytes. */
  fusedMaxCopies: 1.2,
} as const;

const FFT_OPS: ReadonlySet<Op> = new Set([
  'fft',
  'fftjs',
  'fftjs-workers',
  'pffft',
  'pffft-workers',
  'tfjs-fft',
  'cufft-torch',
]);

/** Cases compared with fft.js and with PFFFT, each on one thread. */
const VS_FFTJS: ReadonlySet<Op> = new Set(['fft', 'fftjs-workers', 'pffft', 'pffft-workers']);
const VS_PFFFT: ReadonlySet<Op> = new Set(['fft', 'pffft-workers']);

const key = (c: Pick<CaseResult, 'shape' | 'batch'>): string => `${c.shape.join('x')}/${c.batch}`;

export function finalizeRun(
  adapter: AdapterFingerprint,
  raw: readonly RawCase[],
): { cases: CaseResult[]; targets: BenchRun['targets'] } {
  const byOp = (op: Op): Map<string, RawCase> =>
    new Map(raw.filter((c) => c.op === op).map((c) => [key(c), c]));
  const copies = new Map(raw.filter((c) => c.op === 'copy').map((c) => [c.bytes, c.medianMs]));
  // The CPU peers by shape: they may run a smaller batch than the GPU (runner.ts).
  const byShape = (op: Op): Map<string, RawCase> =>
    new Map(raw.filter((c) => c.op === op).map((c) => [c.shape.join('x'), c]));
  const fftjs = byShape('fftjs');
  const tfjs = byOp('tfjs-fft');
  const pffft = byShape('pffft');
  const cufft = byOp('cufft-torch');

  const cases = raw.map((c): CaseResult => {
    const copyMs = copies.get(c.bytes);
    const single = fftjs.get(c.shape.join('x'));
    const peer = tfjs.get(key(c));
    const isFft = FFT_OPS.has(c.op);
    const vsTfjs = c.op === 'fft' ? peerComparison(peer, c.medianMs) : { speedup: null };
    const vsCufft =
      c.op === 'fft' ? peerComparison(cufft.get(key(c)), c.medianMs, 'cuFFT') : { speedup: null };
    const pffftOne = VS_PFFFT.has(c.op) ? pffft.get(c.shape.join('x')) : undefined;
    const note = [c.note, vsTfjs.note, vsCufft.note].filter((n) => n !== undefined).join('; ');
    return {
      op: c.op,
      device: c.device,
      shape: c.shape,
      batch: c.batch,
      bytes: c.bytes,
      repeats: c.repeats,
      spansMs: c.spansMs,
      medianMs: c.medianMs,
      cv: c.cv,
      method: c.method,
      signalsPerSec: signalsPerSec(c.batch, c.medianMs),
      gflops: isFft
        ? fftGflops(c.shape, c.batch, c.medianMs)
        : c.flops !== undefined
          ? c.flops / (c.medianMs * 1e6)
          : null,
      gbps: gbps(c.bytes, c.medianMs),
      efficiency:
        c.device !== 'gpu' || c.op === 'cufft-torch'
          ? null
          : c.paired
            ? c.paired.efficiency
            : copyMs !== undefined
              ? efficiency(copyMs, c.medianMs)
              : null,
      ...(c.device === 'gpu' && c.paired ? { efficiencySpread: c.paired.spread } : {}),
      dispatches: c.dispatches,
      speedupVsFftjs: single && VS_FFTJS.has(c.op) ? perSignalSpeedup(single, c) : null,
      speedupVsTfjs: vsTfjs.speedup,
      ...(pffftOne ? { speedupVsPffft: perSignalSpeedup(pffftOne, c) } : {}),
      ...(vsCufft.speedup !== null ? { speedupVsCufft: vsCufft.speedup } : {}),
      maxRelError: c.maxRelError,
      tolerance: c.tolerance,
      verifiedSignals: c.verifiedSignals,
      software: adapter.software,
      ...(c.variant !== undefined ? { variant: c.variant } : {}),
      ...(note !== '' ? { note } : {}),
    };
  });

  const at1024 = cases.find(
    (c) =>
      c.op === 'fft' && c.shape.length === 1 && c.shape[0] === 1024 && c.speedupVsTfjs !== null,
  );
  const fused = byOp('resolvent-fused');
  const fusedSpeedup = raw
    .filter((c) => c.op === 'resolvent-separate')
    .flatMap((sep) => {
      const f = fused.get(key(sep));
      if (!f) return [];
      return [
        {
          shape: sep.shape,
          ...pairedSpeedup(sep.spansMs, f.spansMs),
          fusedDispatches: f.dispatches,
          separateDispatches: sep.dispatches,
        },
      ];
    });
  return {
    cases,
    targets: {
      tfjsSpeedupAt1024: at1024?.speedupVsTfjs ?? null,
      fusedSpeedup,
      efficiency: efficiencyTargets(adapter, cases),
    },
  };
}

/** The baseline's time per signal ÷ the case's: the same ratio as their times at equal batches. */
function perSignalSpeedup(baseline: RawCase, c: RawCase): number {
  return speedup(baseline.medianMs / baseline.batch, c.medianMs / c.batch);
}

/**
 * A GPU peer's time (TensorFlow.js, cuFFT) ÷ this FFT's time, when the peer ran at the same
 * shape and batch and its result passed verification: a wrong answer is no baseline, however
 * fast it came. A peer that failed gives no ratio and a note with its error.
 */
function peerComparison(
  peer: RawCase | undefined,
  ms: number,
  name?: string,
): { speedup: number | null; note?: string } {
  if (!peer) return { speedup: null };
  if (!(peer.maxRelError <= peer.tolerance)) {
    return {
      speedup: null,
      note:
        `${name ? `${name} ` : ''}peer failed accuracy: ${peer.maxRelError.toExponential(2)} ` +
        `(tolerance ${peer.tolerance.toExponential(2)})`,
    };
  }
  return { speedup: speedup(peer.medianMs, ms) };
}

/**
 * Baseline ÷ candidate from spans timed in alternation (measurePair: span i of one pairs with
 * span i of the other): the median of the per-pair ratios, and their spread. Spans that do not
 * pair up give the ratio of the medians and no spread.
 */
export function pairedSpeedup(
  baselineSpansMs: readonly number[],
  spansMs: readonly number[],
): { speedup: number; cv: number | null } {
  if (baselineSpansMs.length !== spansMs.length || spansMs.length === 0) {
    return { speedup: speedup(median(baselineSpansMs), median(spansMs)), cv: null };
  }
  const ratios = spansMs.map((ms, i) => speedup(baselineSpansMs[i] as number, ms));
  return { speedup: median(ratios), cv: coefficientOfVariation(ratios) };
}

type Variant = CaseResult['variant'];
interface Best {
  efficiency: number;
  variant: Variant;
}

/** A wrong answer meets no target, however fast it came. */
const verified = (c: CaseResult): boolean => c.maxRelError <= c.tolerance;

const oneD = (c: CaseResult): number | null => (c.shape.length === 1 ? (c.shape[0] ?? null) : null);

/** Best efficiency per 1D FFT size: the planner keeps the fastest variant of each size. */
function bestFftPerN(cases: readonly CaseResult[]): Map<number, Best> {
  const best = new Map<number, Best>();
  for (const c of cases) {
    const n = oneD(c);
    if (c.op !== 'fft' || n === null || c.efficiency === null || !verified(c)) continue;
    const prev = best.get(n);
    if (!prev || c.efficiency > prev.efficiency) {
      best.set(n, { efficiency: c.efficiency, variant: c.variant });
    }
  }
  return best;
}

/** The weakest size with lo < N ≤ hi, judged against `bound`; null when none was measured. */
function floorOf(
  best: ReadonlyMap<number, Best>,
  lo: number,
  hi: number,
  bound: number,
): EfficiencyFloor | null {
  const inRange = [...best].filter(([n]) => n > lo && n <= hi);
  const worst = inRange.sort(([, a], [, b]) => a.efficiency - b.efficiency)[0];
  if (!worst) return null;
  const [atN, { efficiency: minEfficiency, variant }] = worst;
  return {
    minEfficiency,
    atN,
    variant: variant ?? null,
    sizes: inRange.length,
    met: minEfficiency >= bound,
  };
}

/**
 * Each 1D fused resolvent case as a multiple of the copy time; `met` only where in scope: the
 * 'workgroup' variant on a size that fits workgroup memory, whose whole pipeline is one pass
 * over the data (plus the tiny batch reduction).
 */
function fusedVsCopy(
  adapter: AdapterFingerprint,
  cases: readonly CaseResult[],
): EfficiencyTargets['fusedVsCopy'] {
  // WebGPU's default limit when the fingerprint lacks it.
  const capacity = workgroupCapacity(adapter.limits.maxComputeWorkgroupStorageSize ?? 16384);
  return cases.flatMap((c) => {
    const n = oneD(c);
    if (c.op !== 'resolvent-fused' || n === null || !verified(c)) return [];
    // No copy at these bytes, or no finite multiple of it: nothing to compare.
    if (c.efficiency === null || c.efficiency <= 0) return [];
    const ratio = timeInCopies(c.efficiency);
    const inScope = c.variant === 'workgroup' && n <= capacity;
    return [
      {
        shape: c.shape,
        ratio,
        dispatches: c.dispatches,
        variant: c.variant ?? null,
        met: inScope ? ratio <= EFFICIENCY_TARGETS.fusedMaxCopies : null,
      },
    ];
  });
}

/** The efficiency targets, from the finalized cases (their efficiency is already set). */
function efficiencyTargets(
  adapter: AdapterFingerprint,
  cases: readonly CaseResult[],
): EfficiencyTargets {
  const t = EFFICIENCY_TARGETS;
  const best = bestFftPerN(cases);
  return {
    judged: !adapter.software,
    small: floorOf(best, 0, t.smallMaxN, t.smallMin),
    large: floorOf(best, t.smallMaxN, t.largeMaxN, t.largeMin),
    fusedVsCopy: fusedVsCopy(adapter, cases),
  };
}
