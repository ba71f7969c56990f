/**
 * Cross-case metrics: each case's throughput figures, its efficiency against the copy kernel
 * at the same bytes, its speed-ups over fft.js and TensorFlow.js at the same shape and batch,
 * and the two reported targets.
 */
import { efficiency, fftGflops, gbps, signalsPerSec, speedup } from './metrics';
import type { RawCase } from './case-context';
import type { AdapterFingerprint, BenchRun, CaseResult, Op } from './schema';

const FFT_OPS: ReadonlySet<Op> = new Set(['fft', 'fftjs', 'fftjs-workers', 'tfjs-fft']);

const key = (c: Pick<CaseResult, 'shape' | 'batch'>): string => `${c.shape.join('x')}/${c.batch}`;

export function finalizeRun(
  adapter: AdapterFingerprint,
  raw: readonly RawCase[],
): { cases: CaseResult[]; targets: BenchRun['targets'] } {
  const byOp = (op: Op): Map<string, RawCase> =>
    new Map(raw.filter((c) => c.op === op).map((c) => [key(c), c]));
  const copies = new Map(raw.filter((c) => c.op === 'copy').map((c) => [c.bytes, c.medianMs]));
  const fftjs = byOp('fftjs');
  const tfjs = byOp('tfjs-fft');

  const cases = raw.map((c): CaseResult => {
    const copyMs = copies.get(c.bytes);
    const single = fftjs.get(key(c));
    const peer = tfjs.get(key(c));
    const isFft = FFT_OPS.has(c.op);
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
      gflops: isFft ? fftGflops(c.shape, c.batch, c.medianMs) : null,
      gbps: gbps(c.bytes, c.medianMs),
      efficiency:
        c.device === 'gpu' && copyMs !== undefined ? efficiency(copyMs, c.medianMs) : null,
      dispatches: c.dispatches,
      speedupVsFftjs:
        single && c.op !== 'fftjs' && (c.op === 'fft' || c.op === 'fftjs-workers')
          ? speedup(single.medianMs, c.medianMs)
          : null,
      speedupVsTfjs: peer && c.op === 'fft' ? speedup(peer.medianMs, c.medianMs) : null,
      maxRelError: c.maxRelError,
      tolerance: c.tolerance,
      verifiedSignals: c.verifiedSignals,
      software: adapter.software,
      ...(c.variant !== undefined ? { variant: c.variant } : {}),
      ...(c.note !== undefined ? { note: c.note } : {}),
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
          speedup: speedup(sep.medianMs, f.medianMs),
          fusedDispatches: f.dispatches,
          separateDispatches: sep.dispatches,
        },
      ];
    });
  return { cases, targets: { tfjsSpeedupAt1024: at1024?.speedupVsTfjs ?? null, fusedSpeedup } };
}
