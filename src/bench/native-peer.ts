/**
 * A native FFT library on the same machine as a peer: cuFFT through PyTorch (`torch.fft`),
 * timed with CUDA events by a Python script (scripts/native-peer.py) that the Node host runs
 * (scripts/native-peer.ts). This module holds what the runner needs without Node: the peer's
 * interface and the cases made from its answer (native-output.ts). Its times and errors are
 * the script's; median and spread are computed here from its spans, like every other case's.
 */
import type { CaseContext } from './case-context';
import { complexPassBytes, signalPoints } from './metrics';
import { coefficientOfVariation, median } from '../measure/summary';
import type { BenchShape } from './suite';
import { fftTolerance } from './verify';
import type { NativeOutput, NativeRequest } from './native-output';

/** A native library the host can run; `run` rejects with the reason when it cannot run at all. */
export interface NativePeer {
  /** The row's and the step's name, e.g. "cuFFT via PyTorch". */
  label: string;
  run(request: NativeRequest, signal?: AbortSignal): Promise<NativeOutput>;
}

/** Why the peer did not run, in one line (shown as a skipped step). */
export class NativePeerUnavailable extends Error {
  override name = 'NativePeerUnavailable';
}

/**
 * Runs the peer on the given shapes and batches and records one `cufft-torch` case per shape
 * it measured. Absent PyTorch or CUDA, it throws NativePeerUnavailable (the step is skipped
 * with that reason); shapes the library failed at are recorded nowhere and named in an error
 * thrown after the others are recorded.
 */
export async function nativeCases(
  ctx: CaseContext,
  peer: NativePeer,
  requests: readonly { shape: BenchShape; batch: number }[],
): Promise<void> {
  const { spec } = ctx;
  const out = await peer.run(
    {
      cases: requests.map((r) => ({ shape: [...r.shape], batch: r.batch })),
      spans: spec.spans,
      minSpanMs: spec.minSpanMs,
      maxRepeats: spec.maxRepeats,
      verifyPoints: spec.verifyPoints,
    },
    ctx.signal,
  );
  if (!out.available) throw new NativePeerUnavailable(out.reason);
  const failed: string[] = [];
  for (const c of out.cases) {
    if ('error' in c) {
      failed.push(`${c.shape.join('×')} ×${c.batch}: ${c.error}`);
      continue;
    }
    const points = signalPoints(c.shape);
    ctx.record({
      op: 'cufft-torch',
      device: 'gpu',
      shape: c.shape,
      batch: c.batch,
      bytes: complexPassBytes(c.shape, c.batch),
      dispatches: null,
      maxRelError: c.maxRelError,
      tolerance: fftTolerance(points),
      verifiedSignals: c.verifiedSignals,
      repeats: c.repeats,
      spansMs: c.spansMs,
      medianMs: median(c.spansMs),
      cv: coefficientOfVariation(c.spansMs),
      method: 'timestamp',
      note:
        `${peer.label} (${out.library}) on ${out.device}, CUDA events; ` +
        'own random input, checked against a float64 FFT',
    });
  }
  if (failed.length > 0) throw new Error(`${peer.label} failed at ${failed.join('; ')}`);
}
